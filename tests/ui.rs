#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! UI tests: every `tests/ui/**/*.vern` is checked, and
//! - the diagnostics must fire exactly where the file's `//~ CODE` annotations say (the annotation is
//!   on the line of the primary label; `//~^ CODE` means the line above), so a careless re-bless
//!   cannot change what fires;
//! - the rendered output must equal the `.stderr` file beside it. `VERN_BLESS=1 cargo test --test ui`
//!   rewrites the `.stderr` files.
//!
//! A first line `// as-of: YYYY-MM-DD` sets the evaluation date (default 2026-01-01). Files whose
//! name starts with `_` are only used by other tests. Files outside `tests/ui/rules/` test the
//! compiler's own stages and run with every rule set to `allow`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use vern::check::CheckConfig;
use vern::db::Database;
use vern::diagnostic::render;
use vern::text_index::LineIndex;

fn ui_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            ui_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "vern")
            && !path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('_'))
        {
            out.push(path);
        }
    }
}

/// `(line, code)` pairs the file announces, 1-based lines.
fn expectations(text: &str) -> BTreeMap<(usize, String), usize> {
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let Some(pos) = line.find("//~") else {
            continue;
        };
        let mut rest = &line[pos + 3..];
        let mut target = i + 1;
        while let Some(r) = rest.strip_prefix('^') {
            target -= 1;
            rest = r;
        }
        for code in rest.split_whitespace() {
            *out.entry((target, code.to_string())).or_default() += 1;
        }
    }
    out
}

fn as_of(text: &str) -> vern::ir::Date {
    text.lines()
        .next()
        .and_then(|l| l.strip_prefix("// as-of: "))
        .and_then(|d| d.trim().parse().ok())
        .unwrap_or(vern::ir::Date::constant(2026, 1, 1))
}

#[test]
fn ui() {
    let mut files = Vec::new();
    ui_files(Path::new("tests/ui"), &mut files);
    assert!(!files.is_empty(), "no UI tests found");
    let bless = std::env::var_os("VERN_BLESS").is_some();
    let mut failures = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let mut db = Database::new();
        let roots =
            vern::cli::load::load_roots(&mut db, std::slice::from_ref(path)).unwrap_or_default();
        // Tests of the compiler's own stages run without the checker's rules.
        let levels = if path.components().any(|c| c.as_os_str() == "rules") {
            Default::default()
        } else {
            vern::check::rules::RULES
                .iter()
                .map(|r| (r.id.to_string(), vern::check::Level::Allow))
                .collect()
        };
        let config = CheckConfig::new(&db, as_of(&text), levels);
        let all = vern::cli::check_diagnostics(&db, &roots, config);
        // Waived findings are not problems: they are listed after the rendered ones, with their reasons.
        let (waived, diags): (Vec<_>, Vec<_>) = all.into_iter().partition(|d| d.waived.is_some());

        let mut actual = BTreeMap::new();
        for d in diags
            .iter()
            .filter(|d| d.primary.file.path(&db) == &vern::cli::load::display_path(path))
        {
            let line = LineIndex::new(&text).line(d.primary.span.start()) + 1;
            *actual.entry((line, d.code.to_string())).or_default() += 1;
        }
        let expected = expectations(&text);
        if actual != expected {
            failures.push(format!(
                "{}: diagnostics differ from the //~ annotations\n  expected: {:?}\n  actual:   {:?}",
                path.display(),
                expected,
                actual
            ));
        }

        let mut rendered = render::to_string(&db, &diags);
        for d in &waived {
            rendered.push_str(&format!(
                "waived {}: {}\n",
                d.code,
                d.waived.as_deref().unwrap_or_default()
            ));
        }
        let stderr_path = path.with_extension("stderr");
        if bless {
            if let Err(e) = std::fs::write(&stderr_path, &rendered) {
                failures.push(format!("{}: cannot bless: {e}", stderr_path.display()));
            }
        } else {
            let want = std::fs::read_to_string(&stderr_path).unwrap_or_default();
            if want != rendered {
                failures.push(format!(
                    "{}: rendered output differs (VERN_BLESS=1 to update)\n--- expected\n{want}\n--- actual\n{rendered}",
                    stderr_path.display()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} UI tests failed:\n\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}
