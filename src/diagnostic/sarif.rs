//! Diagnostics as SARIF 2.1.0, for code-scanning services: one run, the tool's rules (the checker's
//! catalog and the compiler's codes) with help text and the legal reference, and one result per
//! finding with its region and related locations. Waived findings are results with an in-source
//! suppression carrying the waiver's reason.

use serde_sarif::sarif;

use super::{Diagnostic, Label, Severity};
use crate::check::{Level, explain, rules::RULES};
use crate::db::Database;
use crate::text_index::LineIndex;

/// The GDPR's text on EUR-Lex: where a rule's legal reference can be read.
const GDPR_URI: &str = "https://eur-lex.europa.eu/eli/reg/2016/679/oj";

fn level(s: Severity) -> sarif::ResultLevel {
    match s {
        Severity::Error => sarif::ResultLevel::Error,
        Severity::Warning => sarif::ResultLevel::Warning,
        Severity::Info => sarif::ResultLevel::Note,
    }
}

fn text(s: impl Into<String>) -> sarif::MultiformatMessageString {
    sarif::MultiformatMessageString::builder()
        .text(s.into())
        .build()
}

fn rules() -> Vec<sarif::ReportingDescriptor> {
    let mut out: Vec<sarif::ReportingDescriptor> = RULES
        .iter()
        .map(|r| {
            let page = explain::visible(r.explain);
            let help = sarif::MultiformatMessageString::builder()
                .text(format!("{} Legal reference: {}.", r.summary, r.legal))
                .markdown(page)
                .build();
            let config = sarif::ReportingConfiguration::builder()
                .level(serde_json::json!(
                    Level::of(r.default)
                        .as_str()
                        .replace("deny", "error")
                        .replace("warn", "warning")
                        .replace("info", "note")
                ))
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
                .help_uri(GDPR_URI)
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

fn location(db: &Database, l: &Label) -> sarif::Location {
    let text_ = l.file.text(db);
    let index = LineIndex::new(text_);
    let (sl, sc) = index.line_utf16(text_, l.span.start);
    let (el, ec) = index.line_utf16(text_, l.span.end);
    let region = sarif::Region::builder()
        .start_line(sl as i64 + 1)
        .start_column(sc as i64 + 1)
        .end_line(el as i64 + 1)
        .end_column(ec as i64 + 1)
        .build();
    let artifact = sarif::ArtifactLocation::builder()
        .uri(l.file.path(db).clone())
        .build();
    let physical = sarif::PhysicalLocation::builder()
        .artifact_location(artifact)
        .region(region)
        .build();
    let mut loc = sarif::Location::builder()
        .physical_location(physical)
        .build();
    if !l.message.is_empty() {
        loc.message = Some(sarif::Message::builder().text(l.message.clone()).build());
    }
    loc
}

fn result(db: &Database, d: &Diagnostic) -> sarif::Result {
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
    if !d.secondary.is_empty() {
        r.related_locations = Some(d.secondary.iter().map(|l| location(db, l)).collect());
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

/// The SARIF log of a run over `diags`, as JSON.
pub fn to_json(db: &Database, diags: &[Diagnostic]) -> serde_json::Value {
    let driver = sarif::ToolComponent::builder()
        .name("vern")
        .version(env!("CARGO_PKG_VERSION"))
        .information_uri("https://github.com/vern-lang/vern")
        .rules(rules())
        .build();
    let run = sarif::Run::builder()
        .tool(sarif::Tool::builder().driver(driver).build())
        .results(diags.iter().map(|d| result(db, d)).collect::<Vec<_>>())
        .column_kind(serde_json::json!("utf16CodeUnits"))
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
        let index = LineIndex::new(t);
        let (l, c) = index.line_col(t, d.primary.span.start);
        let (el, ec) = index.line_col(t, d.primary.span.end);
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
