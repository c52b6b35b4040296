#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! Every rule's explain page has the five headings, and its snippets are honest: the Example makes
//! exactly that rule fire (and nothing else), the Use instead makes nothing fire. Snippets may carry
//! hidden context lines starting with `# `; a first line `// as-of: YYYY-MM-DD` sets the date
//! (default 2026-11-22).

use vern::check::{CheckConfig, explain, rules::RULES};
use vern::db::Database;
use vern::diagnostic::render;

const HEADINGS: [&str; 5] = [
    "## What it does",
    "## Why is this bad?",
    "## Example",
    "## Use instead",
    "## Legal reference",
];

/// The findings of a snippet, with the evidence of its section (evidence rules) when it has some.
fn findings_with(code: &str, evidence: Option<String>) -> (Vec<String>, String) {
    let mut db = Database::new();
    let file = db.set_file("example.vern", code.to_string());
    let evidence = evidence.map(|har| {
        let ev = db.set_file("example.har", har.clone());
        let read = vern::evidence::read(ev, "example.har", &har).unwrap_or_else(|e| panic!("{e}"));
        vern::evidence::Evidence { files: vec![read] }
    });
    let as_of = code
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("// as-of: "))
        .and_then(|d| d.trim().parse().ok())
        .unwrap_or(vern::ir::Date::constant(2026, 11, 22));
    let config = CheckConfig::new(&db, as_of, Default::default());
    let mut diags = vern::cli::check_diagnostics(&db, &[file], config);
    if let Some(ev) = &evidence {
        vern::check::evidence::extend(&db, &[file], config, ev, &mut diags);
    }
    let mut codes: Vec<String> = diags.iter().map(|d| d.code.to_string()).collect();
    codes.sort();
    codes.dedup();
    (codes, render::to_string(&db, &diags))
}

#[test]
fn every_rule_has_a_complete_explain_page() {
    let mut missing = Vec::new();
    for rule in RULES {
        for h in HEADINGS {
            if !rule.explain.contains(&format!("{h}\n")) {
                missing.push(format!("{}: no `{h}`", rule.id));
            }
        }
        for h in ["Example", "Use instead"] {
            if explain::code_under(rule.explain, h).is_none() {
                missing.push(format!("{}: no ```vern block under {h}", rule.id));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "incomplete explain pages:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_example_fires_exactly_its_rule() {
    let mut failures = Vec::new();
    for rule in RULES {
        let Some(code) = explain::code_under(rule.explain, "Example") else {
            continue;
        };
        let evidence = vern::check::evidence::evidence_under(rule.explain, "Example");
        let (codes, rendered) = findings_with(&code, evidence);
        if codes != [rule.id.to_string()] {
            failures.push(format!(
                "{}: the Example gives {:?}\n{rendered}",
                rule.id, codes
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_use_instead_is_clean() {
    let mut failures = Vec::new();
    for rule in RULES {
        let Some(code) = explain::code_under(rule.explain, "Use instead") else {
            continue;
        };
        let evidence = vern::check::evidence::evidence_under(rule.explain, "Use instead");
        let (codes, rendered) = findings_with(&code, evidence);
        if !codes.is_empty() {
            failures.push(format!(
                "{}: the Use instead gives {:?}\n{rendered}",
                rule.id, codes
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_committed_rule_catalog_is_current() {
    let current = vern::check::catalog::markdown();
    if std::env::var_os("VERN_BLESS").is_some() {
        let _ = std::fs::write("docs/rules.md", &current);
        return;
    }
    let committed = std::fs::read_to_string("docs/rules.md").unwrap_or_default();
    assert!(
        committed == current,
        "docs/rules.md is stale: run `vern rules --format markdown > docs/rules.md` (or VERN_BLESS=1 cargo test)"
    );
}
