//! `vern check --fix`: applies the mechanical fixes (those that change only the form, never what the
//! policy claims), re-checks, repeats while fixes appear (a few passes at most), reformats the files it
//! changed, and writes each atomically. `--dry-run` prints the unified diff and writes nothing.
//!
//! Fixes that add a statement about the organisation (`transfers none`, a right it grants) are never
//! applied: only the author knows whether they are true. The editor offers them.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use super::CliError;
use crate::check::CheckConfig;
use crate::db::{Database, SourceFile};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};

/// Passes of fix-then-check; a fix can make another diagnostic appear whose fix is mechanical too.
const MAX_PASSES: usize = 4;

/// What `--fix` did.
pub struct Fixed {
    /// Fixes applied, over all passes.
    pub applied: usize,
    /// The files changed, with their text before and after.
    pub files: Vec<(SourceFile, String, String)>,
    /// Files changed but not reformatted, because they still have syntax errors.
    pub unformatted: Vec<String>,
    /// The diagnostics of the fixed text.
    pub remaining: Vec<Diagnostic>,
}

/// Applies the mechanical fixes to the database's texts (nothing is written here).
pub fn apply(
    db: &mut Database,
    roots: &[SourceFile],
    config: CheckConfig,
    mut diags: Vec<Diagnostic>,
) -> Fixed {
    let mut originals: BTreeMap<String, (SourceFile, String)> = BTreeMap::new();
    let mut applied = 0;
    for _ in 0..MAX_PASSES {
        let planned = plan(db, &diags);
        if planned.is_empty() {
            break;
        }
        for (file, fixes) in planned {
            let text = file.text(db).clone();
            let path = file.path(db).clone();
            applied += fixes.len();
            let edits: Vec<&Edit> = fixes.iter().flat_map(|f| &f.edits).collect();
            let new = splice(&text, &edits);
            originals.entry(path.clone()).or_insert((file, text));
            db.set_file(&path, new);
        }
        diags = super::check::collect(db, roots, config);
    }
    let mut unformatted = Vec::new();
    for (path, (file, _)) in &originals {
        let text = file.text(db).clone();
        let clean = crate::syntax::parse(db, *file).diagnostics.is_empty();
        match crate::fmt::format(&text).ok().filter(|_| clean) {
            Some(formatted) if formatted != text => {
                db.set_file(path, formatted);
            }
            Some(_) => {}
            None => unformatted.push(path.clone()),
        }
    }
    if !originals.is_empty() {
        diags = super::check::collect(db, roots, config);
    }
    let files = originals
        .into_values()
        .map(|(file, old)| (file, old, file.text(db).clone()))
        .filter(|(_, old, new)| old != new)
        .collect();
    Fixed {
        applied,
        files,
        unformatted,
        remaining: diags,
    }
}

/// The mechanical fixes to apply now, by file: each whole (all its edits in one user file), none
/// overlapping another (the later one waits for the next pass).
fn plan<'d>(db: &Database, diags: &'d [Diagnostic]) -> Vec<(SourceFile, Vec<&'d Fix>)> {
    let mut by_file: BTreeMap<String, (SourceFile, Vec<&Fix>)> = BTreeMap::new();
    let mut seen: HashSet<&Fix> = HashSet::new();
    let mut fixes: Vec<&Fix> = diags
        .iter()
        .filter(|d| d.waived.is_none())
        .flat_map(|d| &d.fixes)
        .filter(|f| f.applicability == Applicability::Mechanical && !f.edits.is_empty())
        .filter(|f| seen.insert(f))
        .collect();
    fixes.sort_by_key(|f| f.edits.iter().map(|e| e.span.start()).min());
    for fix in fixes {
        let file = fix.edits[0].file;
        if file.is_stdlib(db) || fix.edits.iter().any(|e| e.file != file) {
            continue;
        }
        let text = file.text(db);
        let fits = fix.edits.iter().all(|e| {
            e.span.start() <= e.span.end()
                && text.is_char_boundary(e.span.start())
                && text.is_char_boundary(e.span.end())
                && e.span.end() <= text.len()
        });
        let (_, kept) = by_file
            .entry(file.path(db).clone())
            .or_insert_with(|| (file, Vec::new()));
        let overlaps = kept
            .iter()
            .flat_map(|k| &k.edits)
            .any(|k| fix.edits.iter().any(|e| touches(k, e)));
        if fits && !overlaps {
            kept.push(fix);
        }
    }
    by_file
        .into_values()
        .filter(|(_, fixes)| !fixes.is_empty())
        .collect()
}

/// Two edits that overlap or meet at the same point: applying both could depend on their order.
fn touches(a: &Edit, b: &Edit) -> bool {
    a.span.start() <= b.span.end() && b.span.start() <= a.span.end()
}

/// The text with the edits applied (they do not overlap).
fn splice(text: &str, edits: &[&Edit]) -> String {
    let mut sorted: Vec<&&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| e.span.start());
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in sorted {
        out.push_str(&text[at..e.span.start()]);
        out.push_str(&e.text);
        at = e.span.end();
    }
    out.push_str(&text[at..]);
    out
}

/// The unified diff of every changed file, as `vern fmt --check` prints it.
pub fn diff(db: &Database, fixed: &Fixed) -> String {
    fixed
        .files
        .iter()
        .map(|(file, old, new)| {
            let name = file.path(db);
            super::udiff::unified_diff(name, &format!("{name} (fixed)"), old, new)
        })
        .collect()
}

/// Writes every changed file, each atomically (it keeps its permissions; a link stays a link).
pub fn write(db: &Database, fixed: &Fixed) -> Result<(), CliError> {
    let mut cleaned = HashSet::new();
    for (file, _, new) in &fixed.files {
        let path = PathBuf::from(file.path(db));
        super::fmt::write_atomically(&path, new, &mut cleaned)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::Span;

    #[test]
    fn edits_are_spliced_in_order_of_position() {
        let mut db = Database::new();
        let file = db.set_file("a.vern", String::new());
        let e = |s, e, t: &str| Edit {
            file,
            span: Span::new(s, e),
            text: t.into(),
        };
        let (b, a) = (e(6, 11, "there"), e(0, 5, "howdy"));
        assert_eq!(splice("hello world", &[&b, &a]), "howdy there");
        assert!(touches(&e(0, 3, ""), &e(3, 3, "x")));
        assert!(!touches(&e(0, 3, ""), &e(4, 5, "x")));
    }
}
