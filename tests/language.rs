#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! Nothing the language accepts is ignored: for every declaration kind and every property the
//! language table (`vern::lang`) accepts, in a policy's files and in nested blocks, a valid use of the
//! property changes the resolved policy. A property that cannot have an effect must not be accepted.
//!
//! Each property gets a sample use (derived from how its arguments are written, or given below where
//! that is not enough). The sample must resolve without errors, so a wrong sample cannot pass by
//! producing an `invalid-arguments` diagnostic; and the resolved policy with the property must differ
//! from the one without it (spans aside).

use vern::db::Database;
use vern::lang::{KINDS, Kind, Naming, Prop};
use vern::resolve::resolve_policy;

/// Declarations every sample can refer to.
const CONTEXT: &str = r#"use std.no
purpose p is order-fulfilment {
  uses email
  about customer
  basis contract
  retain 1y
}
recipient r {
  role processor
}
controller c {
  name "C"
}
controller d {
  name "D"
}
"#;

/// Sample uses that the argument pattern cannot give: `(kind, key)` to the item as written.
const SAMPLES: &[(&str, &str, &str)] = &[
    ("controller", "dpo", "dpo none"),
    (
        "controller",
        "representative",
        "representative { name \"R\" }",
    ),
    ("purpose", "basis", "basis consent"),
    ("purpose", "condition", "condition explicit-consent"),
    ("purpose", "retain", "retain 2y"),
    ("purpose", "requirement", "requirement voluntary"),
    ("purpose", "direct-marketing", "direct-marketing via e-mail"),
    ("purpose", "automated-decision", "automated-decision none"),
    ("recipient", "safeguard", "safeguard scc-2021"),
    ("recipient", "receives", "receives email for p"),
    ("cookie", "provider", "provider r"),
    ("cookie", "lifetime", "lifetime 1y"),
    ("rights", "complaint", "complaint to no-datatilsynet"),
    ("data", "fields", "fields { street string }"),
    ("data", "source", "source public \"The register\""),
    ("policy", "default-source", "default-source subject"),
    ("safeguard", "kind", "kind scc"),
    ("country", "adequacy", "adequacy { decision \"D\" }"),
    ("country", "language", "language en"),
    (
        "country",
        "org-number",
        "org-number {\n name \"N\"\n digits 9\n check luhn\n }",
    ),
    ("statute", "family", "family bookkeeping"),
    ("statute", "consent-standard", "consent-standard gdpr"),
    ("legal-event", "affects", "affects consent"),
    ("phrases", "match", "match \"x\""),
    ("statute", "retain", "retain 5y"),
    ("controller", "acts-as", "acts-as processor for \"x\""),
    ("purpose", "controller", "controller c"),
    ("joint", "controllers", "controllers c, d"),
    ("joint", "responsibilities", "responsibilities { notice c }"),
    ("joint", "contact", "contact c"),
    ("forbid", "level", "level warn"),
    ("forbid", "when", "when purpose p"),
    ("forbid", "unless", "unless basis consent"),
    ("forbid", "retain", "retain at-most 3y"),
    ("forbid", "recipient", "recipient r"),
    ("require", "level", "level info"),
    ("require", "when", "when data email"),
    ("require", "unless", "unless third-country"),
    ("require", "retain", "retain at-least 1y"),
    ("require", "recipient", "recipient r"),
];

/// Samples of the properties of nested blocks: `(kind, block key, the block key's own arguments,
/// what the block must hold to be valid)`. The required properties are proven by the error their
/// absence gives; the others are added one at a time.
const NESTED: &[(&str, &str, &str, &str)] = &[
    ("controller", "dpo", "", ""),
    ("controller", "representative", "", ""),
    ("purpose", "basis", "consent", ""),
    ("purpose", "automated-decision", "", ""),
    ("recipient", "safeguard", "scc-2021", ""),
    ("country", "adequacy", "", ""),
    ("joint", "responsibilities", "", ""),
    ("joint", "contact", "", ""),
    (
        "country",
        "org-number",
        "",
        "name \"N\"\ndigits 9\ncheck luhn",
    ),
];

fn sample_args(prop: &Prop) -> String {
    let args = prop.args;
    let first = args
        .trim_start_matches('[')
        .split([' ', ',', ']'])
        .next()
        .unwrap_or("");
    let word = |w: &str| w.split('|').next().unwrap_or("").to_string();
    // Contact fields are validated (`invalid-contact`): their samples are real-looking.
    match (prop.key, first) {
        ("email", "STRING") => return "\"post@shop.example\"".into(),
        ("phone", "STRING") => return "\"+47 22 00 00 00\"".into(),
        ("web" | "url", "STRING") => return "\"https://shop.example/\"".into(),
        _ => {}
    }
    match first {
        "" => String::new(),
        "STRING" | "TEXT" => "\"x\"".into(),
        "DATE" => "2020-01-01".into(),
        "NUMBER" => "13".into(),
        "COUNTRY" => "SE".into(),
        "REGION" => "eea".into(),
        "DATA" => "email".into(),
        "SUBJECT" => "customer".into(),
        "BASIS" => "consent".into(),
        "RIGHT" => "access".into(),
        "ROLE" => "processor".into(),
        "RECIPIENT-KIND" => "carrier".into(),
        "MECHANISM" => "double-opt-in".into(),
        "STATUTE" => "no-bookkeeping-act".into(),
        "RETENTION" => "5y".into(),
        "COOKIE-KIND" => "analytics".into(),
        "PURPOSE" => "p".into(),
        "CONTROLLER" => "c".into(),
        "RULE" => "retention-missing \"a reason\"".into(),
        "LANG" => "en".into(),
        "IDENT" => "x".into(),
        "{" => panic!("`{}` takes a block: add a sample to SAMPLES", prop.key),
        "none" => "none".into(),
        w if w.contains('|') => word(w),
        other => panic!("no sample for `{}` ({other}): add one to SAMPLES", prop.key),
    }
}

fn sample(kind: &str, prop: &Prop) -> String {
    SAMPLES
        .iter()
        .find(|(k, key, _)| *k == kind && *key == prop.key)
        .map(|(_, _, s)| s.to_string())
        .unwrap_or_else(|| format!("{} {}", prop.key, sample_args(prop)))
}

fn declaration(kind: &vern::lang::KindSpec, body: &str) -> String {
    let name = match kind.naming {
        Naming::Required => " t",
        Naming::Forbidden => "",
    };
    let head = if kind.kind == Kind::Policy {
        " \"T\"".to_string()
    } else {
        String::new()
    };
    let body = body.replace('\n', "\n  ");
    format!("{}{name}{head} {{\n  {body}\n}}\n", kind.keyword)
}

/// The resolved policy, its `policy.json`, and the errors resolving it reported.
fn resolve(db: &mut Database, text: &str) -> (String, String, Vec<String>) {
    let file = db.set_file("t.vern", format!("{CONTEXT}{text}"));
    let resolved = resolve_policy(db, file);
    let json = vern::emit::policy_json(&resolved.policy, vern::ir::Date::constant(2026, 11, 22));
    let errors = resolved
        .diagnostics
        .iter()
        .filter(|d| d.severity == vern::diagnostic::Severity::Error)
        .map(|d| format!("{}: {}", d.code, d.message))
        .collect();
    (normalise(&format!("{:?}", resolved.policy)), json, errors)
}

/// Kinds whose declarations `policy.json` publishes: a property of theirs must reach it (and so
/// `vern diff`), except what is not published by design: waivers, and a category's sources cited.
const PUBLISHED: &[&str] = &[
    "policy",
    "controller",
    "data",
    "subject",
    "purpose",
    "recipient",
    "cookie",
    "rights",
    "joint",
];
const UNPUBLISHED: &[&str] = &["waive", "cite", "unverified"];

/// Spans move when a property is added: compare everything else.
fn normalise(debug: &str) -> String {
    let mut out = String::with_capacity(debug.len());
    let mut rest = debug;
    while let Some(i) = rest.find("Span {") {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let end = after.find('}').map_or(after.len(), |e| e + 1);
        out.push_str("Span");
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

fn check(
    db: &mut Database,
    kind: &vern::lang::KindSpec,
    without: &str,
    with: &str,
    what: &str,
) -> Option<String> {
    let (base, base_json, base_errors) = resolve(db, &declaration(kind, without));
    let (changed, json, errors) = resolve(db, &declaration(kind, with));
    if !errors.is_empty() && errors != base_errors {
        return Some(format!(
            "{what}: the sample `{with}` does not resolve: {errors:?}"
        ));
    }
    if base == changed {
        return Some(format!("{what}: `{with}` is accepted and changes nothing"));
    }
    let key = with.split_whitespace().next().unwrap_or("");
    let published = PUBLISHED.contains(&kind.keyword) && !UNPUBLISHED.contains(&key);
    (published && base_json == json).then(|| {
        format!(
            "{what}: `{with}` changes the policy but not policy.json, so `vern diff` cannot see it"
        )
    })
}

#[test]
fn every_accepted_property_has_an_effect() {
    let mut failures = Vec::new();
    // One database: the stdlib is resolved once, each sample only re-resolves the policy.
    let mut db = Database::new();
    for kind in KINDS {
        for prop in kind.props {
            let with = sample(kind.keyword, prop);
            let what = format!("{} `{}`", kind.keyword, prop.key);
            failures.extend(check(&mut db, kind, "", &with, &what));
        }
    }
    for (keyword, block, args, base) in NESTED {
        let kind = KINDS.iter().find(|k| k.keyword == *keyword).unwrap();
        let prop = kind.props.iter().find(|p| p.key == *block).unwrap();
        let required: Vec<&str> = base
            .lines()
            .filter_map(|l| l.split_whitespace().next())
            .collect();
        if !base.is_empty() {
            let (_, _, errors) = resolve(&mut db, &declaration(kind, &format!("{block} {{ }}")));
            if errors.is_empty() {
                failures.push(format!(
                    "{keyword} `{block} {{ }}` without {required:?} is accepted"
                ));
            }
        }
        for inner in prop.block.iter().filter(|p| !required.contains(&p.key)) {
            let sep = if args.is_empty() { "" } else { " " };
            let without = format!("{block}{sep}{args} {{\n{base}\n}}");
            let inner_sample = sample(keyword, inner);
            let with = format!("{block}{sep}{args} {{\n{base}\n{inner_sample}\n}}");
            let what = format!("{keyword} `{block} {{ {} }}`", inner.key);
            failures.extend(check(&mut db, kind, &without, &with, &what));
        }
    }
    assert!(
        failures.is_empty(),
        "{} accepted properties without an effect:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_block_property_is_sampled() {
    for kind in KINDS {
        for prop in kind.props.iter().filter(|p| !p.block.is_empty()) {
            assert!(
                NESTED
                    .iter()
                    .any(|(k, b, _, _)| *k == kind.keyword && *b == prop.key),
                "{} `{}` takes a block: add it to NESTED",
                kind.keyword,
                prop.key
            );
        }
    }
}

/// The editors highlight a declaration by its keyword: a kind the language gains must reach their
/// grammars too, or its declarations show as errors (the VS Code grammar check failed on `joint`).
#[test]
fn every_declaration_keyword_is_highlighted_by_the_editor_grammars() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let vscode =
        std::fs::read_to_string(root.join("editors/vscode/syntaxes/vern.tmLanguage.json")).unwrap();
    let vim = std::fs::read_to_string(root.join("editors/neovim/syntax/vern.vim")).unwrap();
    // The alternation of declaration keywords at the start of a line, in each grammar's own syntax.
    let list = |text: &str, open: &str, close: &str, sep: &str| -> Vec<String> {
        let start = text.find(open).expect("the keyword list") + open.len();
        let end = start
            + text[start..]
                .find(close)
                .expect("the end of the keyword list");
        text[start..end].split(sep).map(str::to_string).collect()
    };
    let vscode = list(&vscode, "\"match\": \"^(policy|", ")(?!", "|");
    let vim = list(&vim, "/^\\%(", "\\)\\>", "\\|");
    for spec in vern::lang::KINDS {
        let kw = spec.keyword.to_string();
        assert!(
            kw == "policy" || vscode.contains(&kw),
            "the VS Code grammar does not highlight `{kw}`: {vscode:?}"
        );
        assert!(
            vim.contains(&kw),
            "the Vim syntax does not highlight `{kw}`: {vim:?}"
        );
    }
}
