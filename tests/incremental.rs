#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! What salsa re-executes after an edit, read from its event log (`Database::with_log`): the proof
//! that the editor's database reuses what an edit did not touch.

use std::collections::BTreeMap;

use salsa::Setter;
use vern::check::{CheckConfig, check_policy};
use vern::db::Database;

const AS_OF: vern::ir::Date = vern::ir::Date::constant(2026, 11, 22);

/// The queries that ran, by name, with how many times each ran.
fn executed(log: Vec<String>) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for entry in log {
        let name = entry.split('(').next().unwrap_or(&entry).to_string();
        *out.entry(name).or_insert(0) += 1;
    }
    out
}

fn policy() -> String {
    vern::generate::generate(&vern::generate::Options {
        lines: 2_000,
        files: 1,
        defects: 0.05,
        seed: 1,
    })
    .into_iter()
    .next()
    .map(|(_, t)| t)
    .unwrap()
}

fn edited(text: &str, k: usize) -> String {
    let at = text
        .match_indices("description \"Registeret")
        .nth(10)
        .map(|(i, _)| i)
        .expect("a description to edit");
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    format!("{}description \"Endret {k}\"{}", &text[..at], &text[end..])
}

#[test]
fn editing_one_declaration_reparses_only_that_declaration() {
    let (db, _log) = Database::with_log();
    let mut db = db.into_editor();
    let text = policy();
    let decls = text.lines().filter(|l| l.starts_with(char::is_alphabetic)).count();
    let file = db.set_file("policy.vern", text.clone());
    let config = CheckConfig::new(&db, AS_OF, Default::default());
    let before = check_policy(&db, file, config).clone();
    let cold = executed(db.take_log());
    assert!(
        cold.get("parse_chunk_cached").copied().unwrap_or(0) >= decls,
        "a cold check parses every declaration: {cold:?}"
    );

    file.set_text(&mut db).to(edited(&text, 1));
    let after = check_policy(&db, file, config).clone();
    let warm = executed(db.take_log());
    // The edited declaration is parsed again, and nothing else is: every other chunk's parse is
    // reused by its text, and the stdlib is not touched at all.
    assert_eq!(warm.get("parse_chunk_cached"), Some(&1), "{warm:?}");
    assert!(!warm.contains_key("std_lib"), "{warm:?}");
    // What the edit still costs: the file's assembly, and the policy-wide stages above it.
    for query in ["parse", "resolve_policy", "check_policy"] {
        assert_eq!(warm.get(query), Some(&1), "{query}: {warm:?}");
    }
    assert_eq!(before.len(), after.len(), "a description edit changes no finding");
}
