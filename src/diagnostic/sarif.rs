//! Diagnostics as SARIF 2.1.0, for code-scanning services: one run, the tool's rules (the checker's
//! catalog and the compiler's codes) with help text, the legal reference and a link to each rule's own
//! page, and one result per finding with its region, related locations, a fingerprint that stays the
//! same when unrelated lines move, and the fixes it carries. Waived findings are results with an
//! in-source suppression carrying the waiver's reason.
//!
//! Locations: a policy file is a relative URI reference (or a `file:` URI for an absolute path),
//! percent-encoded; a standard-library file is `NAME.vern` against the base `VERNSTDLIB`, which
//! `originalUriBaseIds` maps to `vern-stdlib:/` (the stdlib is embedded in vern; `vern lsp` serves it
//! as files).

use std::collections::{BTreeMap, HashMap};

use serde_sarif::sarif;

use super::{Diagnostic, Label, RuleDoc, Severity};
use crate::db::{Database, SourceFile};
use crate::text_index::line_index;

/// Where each rule's page can be read: docs/rules/ID.md in vern's repository.
const RULE_PAGES: &str = "https://github.com/vern-lang/vern/blob/main/docs/rules/";

/// The base of standard-library locations.
pub const STDLIB_BASE_ID: &str = "VERNSTDLIB";
pub const STDLIB_BASE_URI: &str = "vern-stdlib:/";

/// The key of vern's own fingerprint in `partialFingerprints` (versioned: a new way of computing it
/// gets a new key, so old and new results are never matched by accident).
pub const FINGERPRINT_KEY: &str = "vernFinding/v1";

fn level(s: Severity) -> sarif::ResultLevel {
    match s {
        Severity::Error => sarif::ResultLevel::Error,
        Severity::Warning => sarif::ResultLevel::Warning,
        Severity::Info => sarif::ResultLevel::Note,
    }
}

fn level_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn text(s: impl Into<String>) -> sarif::MultiformatMessageString {
    sarif::MultiformatMessageString::builder()
        .text(s.into())
        .build()
}

/// The page of rule `id`.
pub fn help_uri(id: &str) -> String {
    format!("{RULE_PAGES}{id}.md")
}

fn rules(docs: &[RuleDoc]) -> Vec<sarif::ReportingDescriptor> {
    let mut out: Vec<sarif::ReportingDescriptor> = docs
        .iter()
        .map(|r| {
            let help = sarif::MultiformatMessageString::builder()
                .text(format!("{} Legal reference: {}.", r.summary, r.legal))
                .markdown(r.explain.clone())
                .build();
            let config = sarif::ReportingConfiguration::builder()
                .level(serde_json::json!(level_name(r.default)))
                .build();
            let mut props = sarif::PropertyBag::builder().build();
            props
                .additional_properties
                .insert("legalReference".into(), serde_json::json!(r.legal));
            props
                .additional_properties
                .insert("group".into(), serde_json::json!(r.group));
            sarif::ReportingDescriptor::builder()
                .id(r.id)
                .name(r.id)
                .short_description(text(r.summary))
                .full_description(text(format!("{} ({})", r.summary, r.legal)))
                .help(help)
                .help_uri(help_uri(r.id))
                .default_configuration(config)
                .properties(props)
                .build()
        })
        .collect();
    for c in super::codes::CODES {
        out.push(
            sarif::ReportingDescriptor::builder()
                .id(c.id)
                .name(c.id)
                .short_description(text(c.summary))
                .help(
                    sarif::MultiformatMessageString::builder()
                        .text(c.summary)
                        .markdown(c.explain)
                        .build(),
                )
                .build(),
        );
    }
    out
}

/// Percent-encodes a path for a URI: everything but unreserved characters and `/`.
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Where a file is, as SARIF wants it: a URI (reference) and the base it is relative to.
pub fn artifact(db: &Database, file: SourceFile) -> sarif::ArtifactLocation {
    let path = file.path(db);
    if file.is_stdlib(db) {
        let name = path.trim_start_matches("<stdlib/").trim_end_matches('>');
        return sarif::ArtifactLocation::builder()
            .uri(encode_path(name))
            .uri_base_id(STDLIB_BASE_ID)
            .build();
    }
    let uri = if path.starts_with('/') {
        format!("file://{}", encode_path(path))
    } else {
        encode_path(path)
    };
    sarif::ArtifactLocation::builder().uri(uri).build()
}

/// A region in SARIF's terms: 1-based lines, 1-based UTF-16 columns (the run's `columnKind`).
fn region(db: &Database, file: SourceFile, span: crate::syntax::ast::Span) -> sarif::Region {
    let text_ = file.text(db);
    let index = line_index(db, file);
    let (sl, sc) = index.line_utf16(text_, span.start());
    let (el, ec) = index.line_utf16(text_, span.end());
    sarif::Region::builder()
        .start_line(sl as i64 + 1)
        .start_column(sc as i64 + 1)
        .end_line(el as i64 + 1)
        .end_column(ec as i64 + 1)
        .build()
}

fn location(db: &Database, l: &Label) -> sarif::Location {
    let physical = sarif::PhysicalLocation::builder()
        .artifact_location(artifact(db, l.file))
        .region(region(db, l.file, l.span))
        .build();
    let mut loc = sarif::Location::builder()
        .physical_location(physical)
        .build();
    if !l.message.is_empty() {
        loc.message = Some(sarif::Message::builder().text(l.message.clone()).build());
    }
    loc
}

/// The fixes a diagnostic carries, as SARIF fixes: one artifact change per file.
fn fixes(db: &Database, d: &Diagnostic) -> Vec<sarif::Fix> {
    d.fixes
        .iter()
        .filter(|f| !f.edits.is_empty())
        .map(|f| {
            let mut by_file: BTreeMap<String, (SourceFile, Vec<sarif::Replacement>)> =
                BTreeMap::new();
            for e in &f.edits {
                let replacement = sarif::Replacement::builder()
                    .deleted_region(region(db, e.file, e.span))
                    .inserted_content(
                        sarif::ArtifactContent::builder()
                            .text(e.text.clone())
                            .build(),
                    )
                    .build();
                by_file
                    .entry(e.file.path(db).clone())
                    .or_insert_with(|| (e.file, Vec::new()))
                    .1
                    .push(replacement);
            }
            let changes: Vec<sarif::ArtifactChange> = by_file
                .into_values()
                .map(|(file, replacements)| {
                    sarif::ArtifactChange::builder()
                        .artifact_location(artifact(db, file))
                        .replacements(replacements)
                        .build()
                })
                .collect();
            sarif::Fix::builder()
                .description(sarif::Message::builder().text(f.title.clone()).build())
                .artifact_changes(changes)
                .build()
        })
        .collect()
}

/// FNV-1a, 64 bits: a hash that is the same in every build and on every machine (the standard
/// library's hasher promises neither).
fn stable_hash(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// The fingerprint of each diagnostic: what it is (code, message), in which file, and the text it
/// points at, with blanks collapsed, plus how many such findings come before it in the file. No line
/// or column goes in, so lines added or removed elsewhere do not change it.
fn fingerprints(db: &Database, diags: &[Diagnostic]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    diags
        .iter()
        .map(|d| {
            let file = d.primary.file;
            let source = file.text(db);
            let span = d.primary.span;
            let snippet = source
                .get(span.start().min(source.len())..span.end().min(source.len()))
                .unwrap_or("");
            let snippet = snippet.split_whitespace().collect::<Vec<_>>().join(" ");
            let base = stable_hash(&[d.code, file.path(db), &d.message, &snippet]);
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            format!("{base}:{n}")
        })
        .collect()
}

fn result(db: &Database, d: &Diagnostic, fingerprint: String) -> sarif::Result {
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str(&format!(" (help: {help})"));
    }
    let mut r = sarif::Result::builder()
        .rule_id(d.code)
        .level(level(d.severity))
        .message(sarif::Message::builder().text(message).build())
        .locations(vec![location(db, &d.primary)])
        .build();
    r.partial_fingerprints = Some(BTreeMap::from([(FINGERPRINT_KEY.to_string(), fingerprint)]));
    if !d.secondary.is_empty() {
        r.related_locations = Some(d.secondary.iter().map(|l| location(db, l)).collect());
    }
    let fixes = fixes(db, d);
    if !fixes.is_empty() {
        r.fixes = Some(fixes);
    }
    if let Some(reason) = &d.waived {
        r.suppressions = Some(vec![
            sarif::Suppression::builder()
                .kind(serde_json::json!("inSource"))
                .justification(reason.clone())
                .build(),
        ]);
    }
    r
}

/// The SARIF log of a run over `diags` (in the stable order of `diagnostic::sort`, which the
/// fingerprints' counts rely on), as JSON. `docs` is the checker's rule catalog.
pub fn to_json(db: &Database, diags: &[Diagnostic], docs: &[RuleDoc]) -> serde_json::Value {
    let driver = sarif::ToolComponent::builder()
        .name("vern")
        .version(env!("CARGO_PKG_VERSION"))
        .information_uri("https://github.com/vern-lang/vern")
        .rules(rules(docs))
        .build();
    let prints = fingerprints(db, diags);
    let results: Vec<sarif::Result> = diags
        .iter()
        .zip(prints)
        .map(|(d, p)| result(db, d, p))
        .collect();
    let stdlib_base = sarif::ArtifactLocation::builder()
        .uri(STDLIB_BASE_URI)
        .description(
            sarif::Message::builder()
                .text(format!(
                    "the standard library embedded in vern {}",
                    env!("CARGO_PKG_VERSION")
                ))
                .build(),
        )
        .build();
    let run = sarif::Run::builder()
        .tool(sarif::Tool::builder().driver(driver).build())
        .results(results)
        .column_kind(serde_json::json!("utf16CodeUnits"))
        .original_uri_base_ids(BTreeMap::from([(STDLIB_BASE_ID.to_string(), stdlib_base)]))
        .build();
    let log = sarif::Sarif::builder()
        .schema("https://json.schemastore.org/sarif-2.1.0.json")
        .version(serde_json::json!("2.1.0"))
        .runs(vec![run])
        .build();
    serde_json::to_value(log).unwrap_or_default()
}

/// GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per finding.
pub fn github(db: &Database, diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags.iter().filter(|d| d.waived.is_none()) {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let t = d.primary.file.text(db);
        let index = line_index(db, d.primary.file);
        let (l, c) = index.line_col(t, d.primary.span.start());
        let (el, ec) = index.line_col(t, d.primary.span.end());
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        out.push_str(&format!(
            "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            escape_property(d.primary.file.path(db)),
            l + 1,
            c + 1,
            el + 1,
            ec + 1,
            escape_property(d.code),
            escape_data(&message)
        ));
    }
    out
}

/// Workflow-command escaping (the runner's rules for data and for properties).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}
