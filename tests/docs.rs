#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! The code in the documentation is real: every ```vern block of the README, docs/language.md and docs/rules-in-vern.md
//! parses and resolves without compiler errors (checker findings are fine: some examples show what
//! the checker reports; a `use` of a file the snippet only names is fine).

use vern::check::CheckConfig;
use vern::db::Database;
use vern::diagnostic::{codes, render};

fn blocks(markdown: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (i, line) in markdown.lines().enumerate() {
        match (&mut current, line.trim_start()) {
            (None, "```vern") => current = Some((i + 1, String::new())),
            (Some(_), "```") => out.extend(current.take()),
            (Some((_, code)), _) => {
                code.push_str(line);
                code.push('\n');
            }
            (None, _) => {}
        }
    }
    out
}

#[test]
fn every_vern_block_in_the_docs_compiles() {
    let mut failures = Vec::new();
    for doc in ["README.md", "docs/language.md", "docs/rules-in-vern.md"] {
        let text = std::fs::read_to_string(doc).expect("doc");
        for (line, code) in blocks(&text) {
            let mut db = Database::new();
            let file = db.set_file(&format!("{doc}:{line}"), code);
            let config = CheckConfig::new(
                &db,
                vern::ir::Date::constant(2026, 11, 22),
                Default::default(),
            );
            let diags = vern::cli::check_diagnostics(&db, &[file], config);
            let compiler: Vec<_> = diags
                .into_iter()
                .filter(|d| {
                    codes::lookup(d.code).is_some()
                        && d.severity == vern::diagnostic::Severity::Error
                        && d.code != codes::FILE_NOT_FOUND
                })
                .collect();
            if !compiler.is_empty() {
                failures.push(render::to_string(&db, &compiler));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "documentation examples do not compile:\n{}",
        failures.join("\n")
    );
}
