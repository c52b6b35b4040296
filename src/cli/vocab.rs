//! `vern vocab [KIND]`: the standard library's terms of a kind, with their labels and facts, so that a
//! user can find the right name without reading stdlib/.
//!
//! JSON (docs/vocab.md): an array of objects, one per term, in name order (cookies in registry order),
//! each with `name`, `kind` (singular: `vendor`, `cookie`, ...), `labels` (language -> text; vendors and
//! cookies are proper names, labelled with their own name), `module`, `unverified`, `cite`, `facts` (per
//! kind, keys in alphabetical order; absent facts are left out) and, where there is one, `description`.

use std::collections::BTreeMap;
use std::process::ExitCode;

use clap::ValueEnum;
use serde::Serialize;
use serde_json::{Value, json};

use super::CliError;
use crate::ir::{Entry, Lifetime, Ref, Text, Vocabulary};
use crate::sema::registry::{self, KnownCookie};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum VocabKind {
    #[value(alias = "vendor")]
    Vendors,
    #[value(alias = "cookie")]
    Cookies,
    #[value(alias = "purpose")]
    Purposes,
    #[value(alias = "subject")]
    Subjects,
    Data,
    #[value(alias = "basis")]
    Bases,
    #[value(alias = "right")]
    Rights,
    #[value(alias = "safeguard")]
    Safeguards,
    #[value(alias = "country")]
    Countries,
    #[value(alias = "authority")]
    Authorities,
    #[value(alias = "statute")]
    Statutes,
}

impl VocabKind {
    fn singular(self) -> &'static str {
        match self {
            VocabKind::Vendors => "vendor",
            VocabKind::Cookies => "cookie",
            VocabKind::Purposes => "purpose",
            VocabKind::Subjects => "subject",
            VocabKind::Data => "data",
            VocabKind::Bases => "basis",
            VocabKind::Rights => "right",
            VocabKind::Safeguards => "safeguard",
            VocabKind::Countries => "country",
            VocabKind::Authorities => "authority",
            VocabKind::Statutes => "statute",
        }
    }
    fn plural(self) -> &'static str {
        match self {
            VocabKind::Vendors => "vendors",
            VocabKind::Cookies => "cookies",
            VocabKind::Purposes => "purposes",
            VocabKind::Subjects => "subjects",
            VocabKind::Data => "data",
            VocabKind::Bases => "bases",
            VocabKind::Rights => "rights",
            VocabKind::Safeguards => "safeguards",
            VocabKind::Countries => "countries",
            VocabKind::Authorities => "authorities",
            VocabKind::Statutes => "statutes",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum VocabFormat {
    Human,
    Json,
}

#[derive(clap::Args, Debug)]
pub struct VocabArgs {
    /// The kind of term (default: a count of every kind)
    #[arg(value_enum)]
    pub kind: Option<VocabKind>,
    /// Output format
    #[arg(long, value_enum, default_value_t = VocabFormat::Human)]
    pub format: VocabFormat,
}

/// One term, as `--format json` writes it.
#[derive(Serialize, Debug)]
pub struct Term {
    pub name: String,
    pub kind: &'static str,
    pub labels: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<BTreeMap<String, String>>,
    pub module: String,
    pub unverified: bool,
    pub cite: Vec<String>,
    pub facts: BTreeMap<&'static str, Value>,
}

pub fn run(args: &VocabArgs) -> Result<ExitCode, CliError> {
    let db = crate::db::Database::new();
    let std = crate::resolve::std_lib(&db, crate::db::Db::file_set(&db));
    let kinds: Vec<VocabKind> = match args.kind {
        Some(k) => vec![k],
        None => VocabKind::value_variants().to_vec(),
    };
    match (args.format, args.kind) {
        (VocabFormat::Json, _) => {
            let terms: Vec<Term> = kinds.iter().flat_map(|&k| terms(&std.vocab, k)).collect();
            outln!("{}", serde_json::to_string_pretty(&terms)?);
        }
        (VocabFormat::Human, None) => {
            for k in kinds {
                outln!("{:12} {:>5}", k.plural(), terms(&std.vocab, k).len());
            }
            outln!("");
            outln!("`vern vocab KIND` lists the terms of a kind; `--format json` for tools.");
        }
        (VocabFormat::Human, Some(k)) => out!("{}", human(&terms(&std.vocab, k))),
    }
    Ok(ExitCode::SUCCESS)
}

/// The human listing: one line per term (name and English label), then its facts, indented.
pub fn human(terms: &[Term]) -> String {
    let width = terms
        .iter()
        .map(|t| t.name.chars().count())
        .max()
        .unwrap_or(0)
        .min(32);
    let mut out = String::new();
    for t in terms {
        let label = t
            .labels
            .get("en")
            .or_else(|| t.labels.values().next())
            .cloned()
            .unwrap_or_default();
        let flag = if t.unverified { "  (unverified)" } else { "" };
        out.push_str(&format!("{:width$}  {label}{flag}\n", t.name));
        let facts: Vec<String> = t
            .facts
            .iter()
            .map(|(k, v)| format!("{k}: {}", plain(v)))
            .collect();
        if !facts.is_empty() {
            out.push_str(&format!("{:width$}  {}\n", "", facts.join("; ")));
        }
    }
    out
}

fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(plain).collect::<Vec<_>>().join(", "),
        Value::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
        other => other.to_string(),
    }
}

/// The terms of one kind, in name order (cookies in registry order).
pub fn terms(vocab: &Vocabulary, kind: VocabKind) -> Vec<Term> {
    let s = kind.singular();
    match kind {
        VocabKind::Vendors => {
            let mut cookies: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for c in registry::all_cookies() {
                if let Some(v) = c.vendor {
                    cookies.entry(v).or_default().push(c.name);
                }
            }
            let (registry_vendors, _) = crate::resolve::registry_vendors(&db_for_registry());
            let mut all: Vec<&crate::ir::Vendor> = vocab.vendors.values().collect();
            all.extend(registry_vendors.iter());
            all.sort_by(|a, b| a.entry.name.cmp(&b.entry.name));
            all.into_iter()
                .map(|v| {
                    let mut f = BTreeMap::new();
                    opt(&mut f, "entity", v.entity.as_ref().map(|e| json!(e)));
                    list(&mut f, "countries", &v.countries);
                    opt(
                        &mut f,
                        "recipient-kind",
                        v.kind.as_ref().map(|k| json!(k.name)),
                    );
                    if !v.domains.is_empty() {
                        f.insert("domains", json!(v.domains));
                    }
                    flag(
                        &mut f,
                        "joint-controller-pattern",
                        v.joint_controller_pattern,
                    );
                    if let Some(c) = cookies.get(v.entry.name.as_str()) {
                        f.insert("cookies", json!(c));
                    }
                    term(&v.entry, s, proper(&v.entry), f)
                })
                .collect()
        }
        VocabKind::Cookies => registry::all_cookies().into_iter().map(cookie).collect(),
        VocabKind::Purposes => vocab
            .purpose_kinds
            .values()
            .map(|p| {
                let mut f = BTreeMap::new();
                list(&mut f, "expects", &p.expects);
                flag(&mut f, "direct-marketing", p.direct_marketing);
                flag(&mut f, "profiling", p.profiling);
                flag(&mut f, "tracking", p.tracking);
                flag(&mut f, "statute-bound", p.statute_bound);
                terms_of(&mut f, &p.dpv, &p.fideslang);
                term(&p.entry, s, labels(&p.entry.label), f)
            })
            .collect(),
        VocabKind::Subjects => vocab
            .subjects
            .values()
            .map(|x| {
                let mut f = BTreeMap::new();
                opt(&mut f, "parent", x.parent.as_ref().map(|p| json!(p.name)));
                flag(&mut f, "child", x.child);
                opt(&mut f, "min-age", x.min_age.map(|a| json!(a)));
                terms_of(&mut f, &x.dpv, &x.fideslang);
                term(&x.entry, s, labels(&x.entry.label), f)
            })
            .collect(),
        VocabKind::Data => vocab
            .data
            .values()
            .map(|d| {
                let mut f = BTreeMap::new();
                opt(&mut f, "parent", d.parent.as_ref().map(|p| json!(p.name)));
                list(&mut f, "includes", &d.includes);
                flag(&mut f, "special", d.special);
                flag(&mut f, "criminal", d.criminal);
                flag(&mut f, "identifier", d.identifier);
                flag(&mut f, "quasi-identifier", d.quasi_identifier);
                flag(&mut f, "national-id", d.national_id);
                terms_of(&mut f, &d.dpv, &d.fideslang);
                term(&d.entry, s, labels(&d.entry.label), f)
            })
            .collect(),
        VocabKind::Bases => vocab
            .bases
            .values()
            .map(|b| {
                let mut f = BTreeMap::new();
                opt(&mut f, "article", b.article.as_ref().map(|a| json!(a)));
                flag(&mut f, "art9", b.art9);
                flag(&mut f, "withdrawable", b.withdrawable);
                flag(&mut f, "states-interest", b.states_interest);
                flag(&mut f, "cites-statute", b.cites_statute);
                list(&mut f, "requires-rights", &b.requires_rights);
                list(&mut f, "excludes", &b.excludes);
                terms_of(&mut f, &b.dpv, &b.fideslang);
                term(&b.entry, s, labels(&b.entry.label), f)
            })
            .collect(),
        VocabKind::Rights => vocab
            .rights
            .values()
            .map(|r| {
                let mut f = BTreeMap::new();
                opt(&mut f, "article", r.article.as_ref().map(|a| json!(a)));
                opt(&mut f, "dpv", r.dpv.as_ref().map(|a| json!(a)));
                term(&r.entry, s, labels(&r.entry.label), f)
            })
            .collect(),
        VocabKind::Safeguards => vocab
            .safeguards
            .values()
            .map(|g| {
                let mut f = BTreeMap::new();
                opt(&mut f, "kind", g.kind.map(|k| json!(k)));
                opt(
                    &mut f,
                    "instrument",
                    g.instrument.as_ref().map(|a| json!(a)),
                );
                opt(
                    &mut f,
                    "valid-from",
                    g.valid_from.map(|d| json!(d.to_string())),
                );
                opt(
                    &mut f,
                    "valid-until",
                    g.valid_until.map(|d| json!(d.to_string())),
                );
                list(&mut f, "countries", &g.countries);
                term(&g.entry, s, labels(&g.entry.label), f)
            })
            .collect(),
        VocabKind::Countries => vocab
            .countries
            .values()
            .map(|c| {
                let mut f = BTreeMap::new();
                flag(&mut f, "eea", c.eea);
                flag(&mut f, "eu", c.eu);
                flag(&mut f, "adequacy", !c.adequacy.is_empty());
                term(&c.entry, s, labels(&c.entry.label), f)
            })
            .collect(),
        VocabKind::Authorities => vocab
            .authorities
            .values()
            .map(|a| {
                let mut f = BTreeMap::new();
                opt(&mut f, "country", a.country.as_ref().map(|c| json!(c.name)));
                opt(&mut f, "email", a.email.as_ref().map(|e| json!(e)));
                opt(&mut f, "phone", a.phone.as_ref().map(|e| json!(e)));
                opt(&mut f, "web", a.web.as_ref().map(|e| json!(e)));
                term(&a.entry, s, labels(&a.entry.label), f)
            })
            .collect(),
        VocabKind::Statutes => vocab
            .statutes
            .values()
            .map(|t| {
                let mut f = BTreeMap::new();
                opt(&mut f, "country", t.country.as_ref().map(|c| json!(c.name)));
                opt(&mut f, "family", t.family.as_ref().map(|c| json!(c)));
                opt(&mut f, "section", t.section.as_ref().map(|c| json!(c)));
                opt(&mut f, "in-force", t.in_force.map(|d| json!(d.to_string())));
                opt(&mut f, "repealed", t.repealed.map(|d| json!(d.to_string())));
                term(&t.entry, s, labels(&t.entry.label), f)
            })
            .collect(),
    }
}

fn db_for_registry() -> crate::db::Database {
    crate::db::Database::new()
}

fn cookie(c: KnownCookie) -> Term {
    let mut f = BTreeMap::new();
    opt(&mut f, "platform", c.platform.map(|v| json!(v)));
    opt(&mut f, "vendor", c.vendor.map(|v| json!(v)));
    opt(&mut f, "category", c.category.map(|v| json!(v)));
    opt(&mut f, "cookie-kind", c.kind.map(|v| json!(v)));
    opt(&mut f, "retention", c.retention.map(|v| json!(v)));
    opt(
        &mut f,
        "typical",
        c.typical.map(|t| match t {
            Lifetime::Session => json!("session"),
            Lifetime::Period(d) => json!(d.to_string()),
        }),
    );
    opt(&mut f, "domain", c.domain.map(|v| json!(v)));
    opt(&mut f, "controller", c.controller.map(|v| json!(v)));
    flag(&mut f, "wildcard", c.wildcard);
    let labels = [("en", &c.name), ("nb", &c.name)]
        .into_iter()
        .map(|(l, n)| (l.to_string(), n.to_string()))
        .collect();
    Term {
        kind: "cookie",
        labels,
        description: c
            .description
            .map(|d| BTreeMap::from([("en".to_string(), d)])),
        module: "std.registry.cookies".to_string(),
        unverified: false,
        cite: c.cite,
        facts: f,
        name: c.name,
    }
}

fn term(
    e: &Entry,
    kind: &'static str,
    labels: BTreeMap<String, String>,
    facts: BTreeMap<&'static str, Value>,
) -> Term {
    Term {
        name: e.name.to_string(),
        kind,
        labels,
        description: e
            .description
            .as_ref()
            .map(|d| d.by_lang.to_map())
            .filter(|d| !d.is_empty()),
        module: e.module.clone().unwrap_or_default(),
        unverified: e.unverified,
        cite: e.cite.clone(),
        facts,
    }
}

fn labels(t: &Text) -> BTreeMap<String, String> {
    t.by_lang.to_map()
}

/// A proper name's labels: its own, or its name in nb and en.
fn proper(e: &Entry) -> BTreeMap<String, String> {
    if e.label.by_lang.is_empty() {
        return [("en", &e.name), ("nb", &e.name)]
            .into_iter()
            .map(|(l, n)| (l.to_string(), n.to_string()))
            .collect();
    }
    e.label.by_lang.to_map()
}

fn opt(f: &mut BTreeMap<&'static str, Value>, key: &'static str, v: Option<Value>) {
    if let Some(v) = v {
        f.insert(key, v);
    }
}

fn flag(f: &mut BTreeMap<&'static str, Value>, key: &'static str, on: bool) {
    if on {
        f.insert(key, Value::Bool(true));
    }
}

fn list(f: &mut BTreeMap<&'static str, Value>, key: &'static str, refs: &[Ref]) {
    if !refs.is_empty() {
        f.insert(
            key,
            Value::Array(refs.iter().map(|r| json!(r.name)).collect()),
        );
    }
}

fn terms_of(f: &mut BTreeMap<&'static str, Value>, dpv: &Option<String>, fides: &Option<String>) {
    opt(f, "dpv", dpv.as_ref().map(|a| json!(a)));
    opt(f, "fideslang", fides.as_ref().map(|a| json!(a)));
}
