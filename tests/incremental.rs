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
    vern::generate::benchmark_policy(2_000)
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

/// The editor's database after a cold check of a generated 2,000-line policy, with the log emptied.
fn warm() -> (Database, vern::db::SourceFile, CheckConfig, String, usize) {
    let (db, _log) = Database::with_log();
    let db = db.into_editor();
    let mut db = db;
    let text = policy();
    let decls = text
        .lines()
        .filter(|l| l.starts_with(char::is_alphabetic))
        .count();
    let file = db.set_file("policy.vern", text.clone());
    let config = CheckConfig::new(&db, AS_OF, Default::default());
    check_policy(&db, file, config);
    let cold = executed(db.take_log());
    assert!(
        cold.get("parse_chunk_cached").copied().unwrap_or(0) >= decls
            && cold.get("lower_declaration").copied().unwrap_or(0) >= decls / 2,
        "a cold check parses and lowers every declaration: {cold:?}"
    );
    (db, file, config, text, decls)
}

/// What the policy-wide stages cost after any edit: assembling the file from its declarations'
/// parses, the context that lowering reads (names, kinds, languages: re-computed, and unchanged
/// unless one of them changed), placing the lowered declarations, and the rules.
const POLICY_WIDE: [&str; 4] = ["parse", "decl_context", "resolve_policy", "check_policy"];

#[test]
fn editing_one_declaration_reparses_and_relowers_only_that_declaration() {
    let (mut db, file, config, text, _) = warm();
    let before = check_policy(&db, file, config).len();
    file.set_text(&mut db).to(edited(&text, 1));
    let after = check_policy(&db, file, config).len();
    let warm = executed(db.take_log());
    // The edited declaration is parsed and lowered again, and no other: every other declaration's
    // parse and lowering are reused by its text, and the stdlib is not touched.
    let mut expected: BTreeMap<String, usize> =
        POLICY_WIDE.iter().map(|q| (q.to_string(), 1)).collect();
    expected.insert("parse_chunk_cached".into(), 1);
    expected.insert("lower_declaration".into(), 1);
    assert_eq!(warm, expected);
    assert_eq!(before, after, "a description edit changes no finding");
}

#[test]
fn moving_every_declaration_down_relowers_none_of_them() {
    let (mut db, file, config, text, _) = warm();
    // A comment line at the top moves every declaration: their lowerings hold offsets relative to
    // themselves, so none is lowered again. Only the file's first chunk (the generator's header
    // comment, now with one more line) is parsed again.
    file.set_text(&mut db).to(format!("// moved\n{text}"));
    check_policy(&db, file, config);
    let warm = executed(db.take_log());
    assert_eq!(warm.get("parse_chunk_cached"), Some(&1), "{warm:?}");
    assert_eq!(warm.get("lower_declaration"), None, "{warm:?}");
}

#[test]
fn renaming_a_declaration_relowers_the_policy_because_names_are_what_lowering_reads() {
    let (mut db, file, config, text, decls) = warm();
    let at = text.find("\ndata ").expect("a data declaration") + "\ndata ".len();
    let renamed = format!("{}renamed-{}", &text[..at], &text[at..]);
    file.set_text(&mut db).to(renamed);
    check_policy(&db, file, config);
    let warm = executed(db.take_log());
    // The names changed, so every declaration that could refer to one is lowered again: the cost
    // of a rename is a cold resolve, not more.
    assert!(
        warm.get("lower_declaration").copied().unwrap_or(0) >= decls / 2,
        "{warm:?}"
    );
    assert_eq!(warm.get("parse_chunk_cached"), Some(&1), "{warm:?}");
}

/// Every `.vern` file under `dir`, sorted.
fn vern_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            vern_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "vern") {
            out.push(path);
        }
    }
    out.sort();
}

/// The policy and every diagnostic of `path`, as one database type sees them.
fn resolved_and_checked(db: &mut Database, path: &std::path::Path) -> (String, String) {
    let roots = vern::cli::load::load_roots(db, &[path.to_path_buf()]).unwrap_or_default();
    let db = &*db;
    let config = CheckConfig::new(db, AS_OF, Default::default());
    let diags = vern::cli::check_diagnostics(db, &roots, config);
    let policies: Vec<String> = roots
        .iter()
        .map(|&r| format!("{:#?}", vern::resolve::resolve_policy(db, r)))
        .collect();
    (
        normalise_ids(&policies.join("\n")),
        normalise_ids(&format!("{diags:#?}")),
    )
}

/// Salsa numbers the inputs of a database in the order it creates its entities, which the two
/// kinds of database do differently: each id is renamed by the order of its first appearance.
fn normalise_ids(debug: &str) -> String {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = String::with_capacity(debug.len());
    let mut rest = debug;
    while let Some(at) = rest.find("Id(") {
        let end = rest[at..].find(')').map_or(rest.len(), |e| at + e + 1);
        let id = &rest[at..end];
        let n = seen.iter().position(|s| *s == id).unwrap_or_else(|| {
            seen.push(id);
            seen.len() - 1
        });
        out.push_str(&rest[..at]);
        out.push_str(&format!("file#{n}"));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The editor lowers each declaration on its own text with relative spans and moves it into place;
/// the command line lowers the file's tree in one pass. Both must give the same policy and the same
/// diagnostics, to the byte offset, on every example and every UI test (which hold the broken and
/// duplicated declarations, unknown names and wrong kinds whose labels point at other declarations).
#[test]
fn the_editor_and_the_command_line_resolve_every_file_identically() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    vern_files(&root.join("examples"), &mut files);
    vern_files(&root.join("tests/ui"), &mut files);
    assert!(files.len() > 200, "{} files", files.len());
    // One database of each kind for all the files (the stdlib is resolved once in each); both load
    // the same files in the same order, so their inputs have the same ids.
    let (mut cli_db, mut editor_db) = (Database::new(), Database::for_editor());
    for path in &files {
        let cli = resolved_and_checked(&mut cli_db, path);
        let editor = resolved_and_checked(&mut editor_db, path);
        if cli.0 != editor.0 {
            let (a, b): (Vec<_>, Vec<_>) = (cli.0.lines().collect(), editor.0.lines().collect());
            let at = a
                .iter()
                .zip(&b)
                .position(|(x, y)| x != y)
                .unwrap_or(a.len().min(b.len()));
            panic!(
                "{}: the resolved policies differ at line {at}:\n{}\n---\n{}",
                path.display(),
                a[at.saturating_sub(8)..(at + 8).min(a.len())].join("\n"),
                b[at.saturating_sub(8)..(at + 8).min(b.len())].join("\n")
            );
        }
        assert!(
            cli.1 == editor.1,
            "{}: the diagnostics differ:\n{}\n---\n{}",
            path.display(),
            cli.1,
            editor.1
        );
    }
    // And a large policy with deliberate defects, edited: moved declarations land where they are.
    let text = policy();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("policy.vern");
    for version in [text.clone(), edited(&text, 7)] {
        std::fs::write(&path, &version).unwrap();
        let cli = resolved_and_checked(&mut cli_db, &path);
        let editor = resolved_and_checked(&mut editor_db, &path);
        assert!(cli == editor, "the generated policy resolves differently");
    }
}
