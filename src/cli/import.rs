//! `vern import fides MANIFEST.yml... -o policy.vern`: a Fides manifest (fideslang YAML) as a vern
//! policy, formatted with the project's formatter.
//!
//! The organisation becomes the controller; the system whose `responsibility` includes `Controller`
//! (else the first) gives the purposes, one per privacy declaration; every other system becomes a
//! recipient, receiving its declarations' data for the purposes with the same data use. fideslang
//! keys become stdlib names where exactly one stdlib entry carries the key (`fideslang` properties);
//! otherwise the policy declares its own term with that key. Every fact vern needs and fideslang
//! lacks is left as a `// TODO` comment: the controller's country, a consent's withdrawal path, the
//! statute of a legal obligation, a retention rule (fideslang's `retention_period` is free text), a
//! transfer's country and safeguard reference.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Deserialize;

use super::{CliError, write};
use crate::ir::Vocabulary;

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// What to import from
    #[arg(value_enum)]
    pub from: ImportFrom,
    /// The manifests to read (their resources are merged)
    #[arg(required = true, value_name = "MANIFEST")]
    pub files: Vec<PathBuf>,
    /// The policy file to write (default: standard output)
    #[arg(short, long, value_name = "PATH")]
    pub out: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFrom {
    /// Fides manifests (fideslang YAML)
    Fides,
}

pub fn run(args: &ImportArgs) -> Result<ExitCode, CliError> {
    let mut manifest = Manifest::default();
    for file in &args.files {
        let text = super::load::read_source(file)?;
        let one: Manifest = serde_yaml_ng::from_str(&text).map_err(|e| {
            CliError(format!(
                "`{}` is not a Fides manifest: {e}; a manifest is YAML with `organization:` and `system:` lists",
                file.display()
            ))
        })?;
        manifest.merge(one);
    }
    let names: Vec<String> = args.files.iter().map(|f| f.display().to_string()).collect();
    let vocab = stdlib_vocabulary();
    let (text, todos) = convert(&manifest, &vocab, &names.join(", "));
    let formatted = crate::fmt::format(&text).map_err(|e| {
        CliError(format!(
            "the imported policy could not be formatted ({e:?}); this is a bug in vern import"
        ))
    })?;
    match &args.out {
        Some(path) => {
            write::write_file(path, &formatted)?;
            errln!(
                "wrote `{}`: {todos} TODO comments mark what the manifest does not say",
                path.display()
            );
        }
        None => super::write_stdout(&formatted)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The stdlib's vocabulary (with every national module), for mapping fideslang keys to names.
fn stdlib_vocabulary() -> Vocabulary {
    let mut db = crate::db::Database::new();
    let file = db.set_file("<import>.vern", String::new());
    crate::resolve::resolve_policy(&db, file)
        .policy
        .vocab
        .clone()
}

// ---------------------------------------------------------------------------------------------------
// The manifest: only what the import reads; everything else is ignored.
// ---------------------------------------------------------------------------------------------------

#[derive(Deserialize, Debug, Default)]
pub struct Manifest {
    #[serde(default)]
    pub organization: Vec<Organization>,
    #[serde(default)]
    pub system: Vec<System>,
    #[serde(default)]
    pub data_category: Vec<TaxonomyEntry>,
    #[serde(default)]
    pub data_use: Vec<TaxonomyEntry>,
    #[serde(default)]
    pub data_subject: Vec<TaxonomyEntry>,
}

impl Manifest {
    fn merge(&mut self, other: Manifest) {
        self.organization.extend(other.organization);
        self.system.extend(other.system);
        self.data_category.extend(other.data_category);
        self.data_use.extend(other.data_use);
        self.data_subject.extend(other.data_subject);
    }
}

#[derive(Deserialize, Debug, Default)]
pub struct Organization {
    pub fides_key: String,
    pub name: Option<String>,
    pub description: Option<String>,
    pub controller: Option<ContactDetails>,
    pub data_protection_officer: Option<ContactDetails>,
    pub representative: Option<ContactDetails>,
}

#[derive(Deserialize, Debug, Default)]
pub struct ContactDetails {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
}

#[derive(Deserialize, Debug, Default)]
pub struct System {
    pub fides_key: String,
    pub name: Option<String>,
    pub description: Option<String>,
    pub legal_name: Option<String>,
    #[serde(default)]
    pub responsibility: Vec<String>,
    pub privacy_policy: Option<String>,
    pub does_international_transfers: Option<bool>,
    #[serde(default)]
    pub privacy_declarations: Vec<Declaration>,
    pub meta: Option<serde_yaml_ng::Value>,
}

#[derive(Deserialize, Debug, Default)]
pub struct Declaration {
    pub name: Option<String>,
    #[serde(default)]
    pub data_categories: Vec<String>,
    pub data_use: String,
    #[serde(default)]
    pub data_subjects: Vec<String>,
    pub legal_basis_for_processing: Option<String>,
    pub retention_period: Option<String>,
    pub special_category_legal_basis: Option<String>,
}

#[derive(Deserialize, Debug, Default)]
pub struct TaxonomyEntry {
    pub fides_key: String,
    pub name: Option<String>,
    pub description: Option<String>,
}

// ---------------------------------------------------------------------------------------------------
// Conversion
// ---------------------------------------------------------------------------------------------------

/// A vern string literal.
fn lit(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A comment's text on one line.
fn comment(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A vern identifier from any text: lower-case letters, digits and single hyphens.
fn ident(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    match out.chars().next() {
        None => "imported".to_string(),
        Some(c) if c.is_ascii_digit() => format!("x-{out}"),
        Some(_) => out,
    }
}

/// Names made unique by a numeric suffix.
#[derive(Default)]
struct Names(BTreeSet<String>);

impl Names {
    fn fresh(&mut self, base: &str) -> String {
        let mut name = base.to_string();
        let mut n = 2;
        while self.0.contains(&name) {
            name = format!("{base}-{n}");
            n += 1;
        }
        self.0.insert(name.clone());
        name
    }
}

struct Out {
    text: String,
    todos: usize,
}

impl Out {
    fn line(&mut self, s: &str) {
        self.text.push_str(s);
        self.text.push('\n');
    }
    fn todo(&mut self, indent: &str, s: &str) {
        self.todos += 1;
        self.text
            .push_str(&format!("{indent}// TODO: {}\n", comment(s)));
    }
}

/// The policy text (unformatted) and how many TODO comments it has.
pub fn convert(m: &Manifest, v: &Vocabulary, source: &str) -> (String, usize) {
    let mut out = Out {
        text: String::new(),
        todos: 0,
    };
    let mut names = Names::default();
    out.line(&format!(
        "// Imported from the Fides manifest {} by `vern import fides`.",
        comment(source)
    ));
    out.line("// Every TODO marks a fact vern needs that the manifest does not give. Review them all, then run");
    out.line("// `vern check`.");
    out.line("");
    out.todo(
        "",
        "`use std.XX` for the controller's country (std.no, std.se, std.dk, std.fi, std.de, std.ie), so that national statutes and the authority apply",
    );
    out.line("");

    let controller_system = m
        .system
        .iter()
        .position(|s| s.responsibility.iter().any(|r| r == "Controller"))
        .or(if m.system.is_empty() { None } else { Some(0) });
    let org = m.organization.first();

    // policy
    let title = controller_system
        .and_then(|i| m.system[i].name.clone())
        .or_else(|| org.and_then(|o| o.name.clone()))
        .unwrap_or_else(|| "Privacy policy".to_string());
    out.line(&format!("policy {} {{", lit(&title)));
    out.line("  languages en");
    if let Some(url) = controller_system.and_then(|i| m.system[i].privacy_policy.clone()) {
        out.line(&format!("  url {}", lit(&url)));
    }
    if let Some(d) = controller_system.and_then(|i| m.system[i].description.clone()) {
        out.line(&format!("  description {}", lit(&d)));
    }
    out.todo("  ", "updated DATE and version: fideslang has neither");
    out.line("}");
    out.line("");

    // controller
    if let Some(o) = org {
        let id = names.fresh(&ident(&o.fides_key));
        out.line(&format!("controller {id} {{"));
        let c = o.controller.as_ref();
        let name = c
            .map(|c| c.name.clone())
            .filter(|n| !n.is_empty())
            .or_else(|| o.name.clone());
        if let Some(n) = name {
            out.line(&format!("  name {}", lit(&n)));
        }
        if let Some(c) = c {
            contact_lines(&mut out, c, "  ");
        }
        if let Some(d) = &o.description {
            out.line(&format!("  description {}", lit(d)));
        }
        out.todo(
            "  ",
            "country XX: fideslang gives no country for the organization",
        );
        match &o.data_protection_officer {
            Some(d) if !d.name.is_empty() || !d.email.is_empty() => {
                out.line("  dpo {");
                if !d.name.is_empty() {
                    out.line(&format!("    name {}", lit(&d.name)));
                }
                contact_lines(&mut out, d, "    ");
                out.line("  }");
            }
            _ => out.todo(
                "  ",
                "dpo { ... } or `dpo none`: the manifest names no data protection officer",
            ),
        }
        if let Some(r) = &o.representative
            && (!r.name.is_empty() || !r.email.is_empty())
        {
            out.line("  representative {");
            if !r.name.is_empty() {
                out.line(&format!("    name {}", lit(&r.name)));
            }
            contact_lines(&mut out, r, "    ");
            out.todo("    ", "country XX of the representative");
            out.line("  }");
        }
        out.line("}");
        out.line("");
    } else {
        out.todo(
            "",
            "controller NAME { ... }: the manifest has no organization",
        );
        out.line("");
    }

    // Terms: fideslang keys to names.
    let mut terms = Terms::new(v, m);
    let mut decls = String::new();
    let mut purposes: Vec<(String, String, String)> = Vec::new(); // (data use, name, label)
    let mut body = Out {
        text: String::new(),
        todos: 0,
    };
    if let Some(i) = controller_system {
        for d in &m.system[i].privacy_declarations {
            purpose(&mut body, &mut names, &mut terms, d, &mut purposes);
        }
    }
    for (i, s) in m.system.iter().enumerate() {
        if Some(i) == controller_system {
            continue;
        }
        recipient(&mut body, &mut names, &mut terms, s, &purposes);
    }
    for line in terms.declarations(&mut names) {
        decls.push_str(&line);
        decls.push('\n');
    }
    out.text.push_str(&decls);
    out.text.push_str(&body.text);
    out.todos += body.todos + terms.todos;
    out.todo(
        "",
        "rights { exercise \"...\" access rectification erasure ... complaint to AUTHORITY }: fideslang has no rights statement",
    );
    (out.text, out.todos)
}

fn contact_lines(out: &mut Out, c: &ContactDetails, indent: &str) {
    for part in c.address.split("; ").filter(|a| !a.trim().is_empty()) {
        out.line(&format!("{indent}address {}", lit(part)));
    }
    if !c.email.is_empty() {
        out.line(&format!("{indent}email {}", lit(&c.email)));
    }
    if !c.phone.is_empty() {
        out.line(&format!("{indent}phone {}", lit(&c.phone)));
    }
}

/// The stdlib names that carry each fideslang key, and the policy's own terms the import declares.
struct Terms<'a> {
    v: &'a Vocabulary,
    custom_data: BTreeMap<String, (Option<String>, Option<String>)>,
    custom_subjects: BTreeMap<String, (Option<String>, Option<String>)>,
    custom_uses: BTreeMap<String, (Option<String>, Option<String>)>,
    /// Own declarations: key -> (kind, name).
    own: BTreeMap<(char, String), String>,
    todos: usize,
}

impl<'a> Terms<'a> {
    fn new(v: &'a Vocabulary, m: &Manifest) -> Self {
        let entries = |list: &[TaxonomyEntry]| {
            list.iter()
                .map(|e| (e.fides_key.clone(), (e.name.clone(), e.description.clone())))
                .collect()
        };
        Terms {
            v,
            custom_data: entries(&m.data_category),
            custom_subjects: entries(&m.data_subject),
            custom_uses: entries(&m.data_use),
            own: BTreeMap::new(),
            todos: 0,
        }
    }

    fn stdlib_data(&self, key: &str) -> Vec<&'a str> {
        self.v
            .data
            .values()
            .filter(|d| d.entry.module.is_some() && d.fideslang.as_deref() == Some(key))
            .map(|d| d.entry.name.as_str())
            .collect()
    }

    fn stdlib_subjects(&self, key: &str) -> Vec<&'a str> {
        self.v
            .subjects
            .values()
            .filter(|s| s.entry.module.is_some() && s.fideslang.as_deref() == Some(key))
            .map(|s| s.entry.name.as_str())
            .collect()
    }

    /// The name for a data category key: the one stdlib category with it (among several, the one
    /// named like the key, else the only one that refines none of the others), else an own category.
    fn data(&mut self, key: &str) -> String {
        let candidates = self.stdlib_data(key);
        let v = self.v;
        let parent = |n: &str| {
            v.data
                .get(n)
                .and_then(|d| d.parent.as_ref())
                .map(|r| r.name.to_string())
        };
        match pick(key, &candidates, parent) {
            Some(one) => one,
            None => match self.unmapped_stdlib('d', key) {
                Some(n) => n,
                None => self.own_name('d', key),
            },
        }
    }

    /// A key the manifest defines itself, named like a stdlib entry of the same kind that has no
    /// fideslang key (vern's own export writes such entries as custom keys): that entry.
    fn unmapped_stdlib(&self, kind: char, key: &str) -> Option<String> {
        let base = ident(key.rsplit('.').next().unwrap_or(key));
        let found = if kind == 'd' {
            self.custom_data.contains_key(key)
                && self
                    .v
                    .data
                    .get(&base)
                    .is_some_and(|d| d.entry.module.is_some() && d.fideslang.is_none())
        } else {
            self.custom_subjects.contains_key(key)
                && self
                    .v
                    .subjects
                    .get(&base)
                    .is_some_and(|d| d.entry.module.is_some() && d.fideslang.is_none())
        };
        found.then_some(base)
    }

    fn subject(&mut self, key: &str) -> String {
        let candidates = self.stdlib_subjects(key);
        let v = self.v;
        let parent = |n: &str| {
            v.subjects
                .get(n)
                .and_then(|d| d.parent.as_ref())
                .map(|r| r.name.to_string())
        };
        match pick(key, &candidates, parent) {
            Some(one) => one,
            None => match self.unmapped_stdlib('s', key) {
                Some(n) => n,
                None => self.own_name('s', key),
            },
        }
    }

    /// True for a term the import declares itself.
    fn is_own(&self, name: &str) -> bool {
        self.own.values().any(|n| n == name)
    }

    fn own_name(&mut self, kind: char, key: &str) -> String {
        let base = key.rsplit('.').next().unwrap_or(key);
        let taken: BTreeSet<&String> = self.own.values().collect();
        let mut name = ident(base);
        // An own name must not shadow a stdlib entry of another meaning.
        if self.v.entry(&name).is_some() || taken.contains(&name) {
            name = format!("imported-{}", ident(&key.replace('.', "-")));
        }
        self.own
            .entry((kind, key.to_string()))
            .or_insert(name)
            .clone()
    }

    fn declarations(&mut self, names: &mut Names) -> Vec<String> {
        let mut out = Vec::new();
        let own: Vec<((char, String), String)> = self
            .own
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for ((kind, key), name) in own {
            names.0.insert(name.clone());
            let custom = if kind == 'd' {
                self.custom_data.get(&key)
            } else {
                self.custom_subjects.get(&key)
            };
            let label = custom
                .and_then(|(n, _)| n.clone())
                .unwrap_or_else(|| key.clone());
            let word = if kind == 'd' { "data" } else { "subject" };
            out.push(format!("{word} {name} {} {{", lit(&label)));
            if let Some(d) = custom.and_then(|(_, d)| d.clone()) {
                out.push(format!("  description {}", lit(&d)));
            }
            // A key the manifest defines itself stays the manifest's own: vern writes it back as a
            // custom entry; a key of fideslang's taxonomy is kept as the term's fideslang key.
            let defined_here = custom.is_some();
            if !defined_here {
                out.push(format!("  fideslang {}", lit(&key)));
            }
            let candidates = if kind == 'd' {
                self.stdlib_data(&key)
            } else {
                self.stdlib_subjects(&key)
            };
            if candidates.len() > 1 {
                self.todos += 1;
                out.push(format!(
                    "  // TODO: `is` one of the stdlib's {} with fideslang key {key}: {}",
                    if kind == 'd' {
                        "categories"
                    } else {
                        "subjects"
                    },
                    candidates.join(", ")
                ));
            }
            out.push("}".to_string());
            out.push(String::new());
        }
        out
    }
}

/// Among the stdlib entries that carry a fideslang key: the only one, else the one named like the
/// key's last part, else the only one that does not refine another candidate.
fn pick(key: &str, candidates: &[&str], parent: impl Fn(&str) -> Option<String>) -> Option<String> {
    if let [one] = candidates {
        return Some((*one).to_string());
    }
    let base = ident(key.rsplit('.').next().unwrap_or(key));
    if let Some(c) = candidates.iter().find(|c| **c == base) {
        return Some((*c).to_string());
    }
    let roots: Vec<&&str> = candidates
        .iter()
        .filter(|c| {
            let mut next = parent(c);
            let mut depth = 0;
            while let Some(p) = next {
                if candidates.contains(&p.as_str()) || depth > 32 {
                    return false;
                }
                next = parent(&p);
                depth += 1;
            }
            true
        })
        .collect();
    match roots.as_slice() {
        [one] => Some((**one).to_string()),
        _ => None,
    }
}

/// The stdlib basis carrying a fideslang legal-basis word, among those of one GDPR article.
fn basis_name<'v>(v: &'v Vocabulary, word: &str, article: &str) -> Option<&'v str> {
    v.bases
        .values()
        .find(|b| {
            b.fideslang.as_deref() == Some(word)
                && b.article.as_deref().is_some_and(|a| a.starts_with(article))
        })
        .map(|b| b.entry.name.as_str())
}

fn purpose(
    out: &mut Out,
    names: &mut Names,
    terms: &mut Terms,
    d: &Declaration,
    purposes: &mut Vec<(String, String, String)>,
) {
    let v = terms.v;
    let label = d.name.clone().unwrap_or_else(|| d.data_use.clone());
    // vern's own export names a purpose without a fideslang use `vern.PURPOSE`: keep the name.
    let own_use = d
        .data_use
        .strip_prefix("vern.")
        .filter(|_| terms.custom_uses.contains_key(&d.data_use));
    let base = match own_use {
        Some(u) => ident(u),
        // A purpose named like a stdlib entry would hide it from `is`: `newsletter-purpose`.
        None if v.entry(&ident(&label)).is_some() => format!("{}-purpose", ident(&label)),
        None => ident(&label),
    };
    let name = names.fresh(&base);
    purposes.push((d.data_use.clone(), name.clone(), label.clone()));
    let kinds: Vec<&str> = v
        .purpose_kinds
        .values()
        .filter(|k| k.fideslang.as_deref() == Some(d.data_use.as_str()))
        .map(|k| k.entry.name.as_str())
        .collect();
    let head = match kinds.as_slice() {
        [one] => format!("purpose {name} is {one} {} {{", lit(&label)),
        _ => format!("purpose {name} {} {{", lit(&label)),
    };
    out.line(&head);
    let custom_use = terms.custom_uses.get(&d.data_use).cloned();
    if let Some((_, Some(desc))) = &custom_use {
        out.line(&format!("  description {}", lit(desc)));
    }
    if kinds.len() > 1 {
        out.todo(
            "  ",
            &format!(
                "`is KIND`: fideslang's {} fits the stdlib's {}",
                d.data_use,
                kinds.join(", ")
            ),
        );
    }
    if own_use.is_none() && kinds.len() != 1 {
        out.line(&format!("  fideslang {}", lit(&d.data_use)));
        if custom_use.is_some() {
            out.todo(
                "  ",
                &format!(
                    "{} is a data use the manifest defines itself: an export writes it without its definition",
                    d.data_use
                ),
            );
        }
    }
    let data: Vec<String> = d.data_categories.iter().map(|k| terms.data(k)).collect();
    if data.is_empty() {
        out.todo("  ", "uses DATA: the declaration names no data categories");
    } else {
        out.line(&format!("  uses {}", dedup(data.clone()).join(", ")));
    }
    // A stdlib category named otherwise than the key may be narrower than the key means.
    for (k, n) in d.data_categories.iter().zip(&data) {
        let base = ident(k.rsplit('.').next().unwrap_or(k));
        if !base.contains(n.as_str()) && !n.contains(base.as_str()) && !terms.is_own(n) {
            out.todo(
                "  ",
                &format!(
                    "check `{n}`: it is the stdlib's one category with fideslang key {k}, and may be narrower than the manifest means"
                ),
            );
        }
    }
    let subjects: Vec<String> = d.data_subjects.iter().map(|k| terms.subject(k)).collect();
    if subjects.is_empty() {
        out.todo(
            "  ",
            "about SUBJECT: the declaration names no data subjects",
        );
    } else {
        out.line(&format!("  about {}", dedup(subjects).join(", ")));
    }
    match d
        .legal_basis_for_processing
        .as_deref()
        .map(|w| (w, basis_name(v, w, "6")))
    {
        Some((_, Some(b))) if v.bases.get(b).is_some_and(|x| x.withdrawable) => {
            out.line(&format!("  basis {b} {{"));
            out.todo(
                "    ",
                "mechanism, collected \"...\" and withdraw \"how consent is withdrawn\": fideslang has no consent mechanism or withdrawal path",
            );
            out.line("  }");
        }
        Some((_, Some(b))) if v.bases.get(b).is_some_and(|x| x.cites_statute) => {
            out.line(&format!("  basis {b}"));
            out.todo(
                "  ",
                "`under STATUTE` on the basis: fideslang does not name the statute that imposes the obligation",
            );
        }
        Some((_, Some(b))) if v.bases.get(b).is_some_and(|x| x.states_interest) => {
            out.line(&format!("  basis {b}"));
            out.todo(
                "  ",
                "the interest pursued (`interest \"...\"`) and the balancing: fideslang states neither",
            );
        }
        Some((_, Some(b))) => out.line(&format!("  basis {b}")),
        Some((w, None)) => out.todo(
            "  ",
            &format!("basis: the manifest's legal basis {w:?} has no stdlib counterpart"),
        ),
        None => out.todo("  ", "basis: the declaration states no legal basis"),
    }
    if let Some(w) = &d.special_category_legal_basis {
        match basis_name(v, w, "9") {
            Some(c) => out.line(&format!("  condition {c}")),
            None => out.todo(
                "  ",
                &format!("condition: the special-category basis {w:?} has no stdlib counterpart"),
            ),
        }
    }
    match &d.retention_period {
        Some(r) => out.todo(
            "  ",
            &format!(
                "retain ...: the manifest says {r:?}; vern needs a period or an event, and for a statutory period the statute (`retain as FAMILY`)"
            ),
        ),
        None => out.todo("  ", "retain ...: the manifest states no retention"),
    }
    out.todo(
        "  ",
        "requirement contractual|statutory|voluntary|pre-contract: fideslang does not say whether the data must be given",
    );
    out.line("}");
    out.line("");
}

fn dedup(items: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

fn recipient(
    out: &mut Out,
    names: &mut Names,
    terms: &mut Terms,
    s: &System,
    purposes: &[(String, String, String)],
) {
    let name = names.fresh(&ident(&s.fides_key));
    let label = s.name.clone().unwrap_or_else(|| s.fides_key.clone());
    out.line(&format!("recipient {name} {} {{", lit(&label)));
    if let Some(d) = &s.description {
        out.line(&format!("  description {}", lit(d)));
    }
    if let Some(e) = &s.legal_name {
        out.line(&format!("  entity {}", lit(e)));
    }
    let roles: Vec<&str> = s
        .responsibility
        .iter()
        .filter_map(|r| match r.as_str() {
            "Processor" => Some("processor"),
            "Sub-Processor" => Some("sub-processor"),
            "Controller" => Some("independent-controller"),
            _ => None,
        })
        .collect();
    if roles.is_empty() {
        out.todo(
            "  ",
            "role processor|independent-controller|...: the system states no responsibility",
        );
    } else {
        out.line(&format!("  role {}", roles.join(", ")));
    }
    // vern's own export keeps the third countries in the system's `meta`.
    let countries: Vec<String> = s
        .meta
        .as_ref()
        .and_then(|m| m.get("third_countries"))
        .and_then(|c| c.as_sequence())
        .map(|c| {
            c.iter()
                .filter_map(|x| x.as_str())
                .filter(|x| x.len() == 2 && x.chars().all(|c| c.is_ascii_uppercase()))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    if !countries.is_empty() {
        out.line(&format!("  country {}", countries.join(", ")));
    } else {
        out.todo("  ", "country XX: fideslang gives no country for a system");
    }
    if s.does_international_transfers == Some(true) || !countries.is_empty() {
        out.todo(
            "  ",
            "safeguard NAME \"reference\" { copy \"...\" }: fideslang names the transfer basis but not the safeguard's reference or where to get a copy",
        );
    }
    for d in &s.privacy_declarations {
        let data: Vec<String> = dedup(d.data_categories.iter().map(|k| terms.data(k)).collect());
        // The purpose of the same data use, preferring the one the declaration is named after.
        let declared = d.name.clone().unwrap_or_default();
        let mut targets: Vec<(&str, bool)> = purposes
            .iter()
            .filter(|(u, _, _)| *u == d.data_use)
            .map(|(_, p, l)| (p.as_str(), declared.starts_with(&format!("{l} ("))))
            .collect();
        targets.sort_by_key(|(_, named)| !named);
        let targets: Vec<&str> = targets.into_iter().map(|(p, _)| p).collect();
        match (data.is_empty(), targets.first()) {
            (false, Some(p)) => out.line(&format!("  receives {} for {p}", data.join(", "))),
            _ => out.todo(
                "  ",
                &format!(
                    "receives DATA for PURPOSE: the declaration {:?} matches no purpose of the controller's system",
                    d.name.clone().unwrap_or_default()
                ),
            ),
        }
    }
    out.line("}");
    out.line("");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_and_literals_are_safe() {
        assert_eq!(ident("Deliver your orders!"), "deliver-your-orders");
        assert_eq!(ident("2fa"), "x-2fa");
        assert_eq!(ident("***"), "imported");
        assert_eq!(lit("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c d\"");
    }
}
