//! Paths to database inputs: finds `.vern` files, reads them, and loads the files they `use`.

use std::path::{Path, PathBuf};

use super::CliError;
use crate::db::{Database, SourceFile};
use crate::resolve::file_imports;
use crate::syntax::ast::{Decl, ItemDecl};
use crate::syntax::parse;

/// Reads a file as UTF-8, with a clear error (and the byte offset) when it is not.
pub fn read_source(path: &Path) -> Result<String, CliError> {
    let bytes = std::fs::read(path).map_err(|e| CliError(format!("cannot read `{}`: {e}", path.display())))?;
    String::from_utf8(bytes).map_err(|e| {
        CliError(format!(
            "`{}` is not valid UTF-8 (at byte {}); vern source files must be UTF-8",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })
}

/// The name a path has in the database and in messages: as given, with `/` separators.
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

fn vern_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), CliError> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| CliError(format!("cannot read directory `{}`: {e}", dir.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            vern_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "vern") {
            out.push(path);
        }
    }
    Ok(())
}

/// Loads the given files and directories into the database and returns the roots to check: every
/// file named explicitly, and in directories every file that declares a `policy` or that no other
/// file uses.
pub fn load_roots(db: &mut Database, paths: &[PathBuf]) -> Result<Vec<SourceFile>, CliError> {
    let mut explicit = Vec::new();
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            vern_files(path, &mut found)?;
        } else {
            explicit.push(path.clone());
        }
    }
    let mut roots = Vec::new();
    for path in &explicit {
        let text = read_source(path)?;
        roots.push(db.set_file(&display_path(path), text));
    }
    let mut discovered = Vec::new();
    for path in &found {
        let text = read_source(path)?;
        discovered.push(db.set_file(&display_path(path), text));
    }
    let all: Vec<SourceFile> = roots.iter().chain(&discovered).copied().collect();
    load_imports(db, &all);
    let used: std::collections::HashSet<String> =
        all.iter().flat_map(|f| file_imports(db, *f)).map(|i| i.path).collect();
    for file in discovered {
        if declares_policy(db, file) || !used.contains(file.path(db)) {
            if !roots.contains(&file) {
                roots.push(file);
            }
        }
    }
    Ok(roots)
}

/// Loads, transitively, every file a loaded file `use`s and that exists on disk. Missing files are
/// left out: resolve reports them where they are named.
pub fn load_imports(db: &mut Database, start: &[SourceFile]) {
    let mut queue: Vec<SourceFile> = start.to_vec();
    while let Some(file) = queue.pop() {
        for import in file_imports(db, file) {
            if db.file(&import.path).is_some() {
                continue;
            }
            if let Ok(text) = read_source(Path::new(&import.path)) {
                queue.push(db.set_file(&import.path, text));
            }
        }
    }
}

fn declares_policy(db: &Database, file: SourceFile) -> bool {
    parse(db, file).decls.iter().any(|d| matches!(d, Decl::Item(ItemDecl { kind, .. }) if kind.text == "policy"))
}
