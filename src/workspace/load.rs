//! Paths to database inputs: the roots to check, and, transitively, the files they `use`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::{Error, Root, display_path, walk};
use crate::db::{Database, Refused, SourceFile};
use crate::resolve::file_imports;
use crate::syntax::ast::{Decl, ItemDecl};
use crate::syntax::parse;

/// Loads the given files and directories into the database and returns the roots to check: every
/// file named explicitly, and in directories every file that declares a `policy` or that no other
/// file uses. Each file is read inside its workspace root ([`Root::of`]); a refusal is an error.
pub fn load_roots(db: &mut Database, paths: &[PathBuf]) -> Result<Vec<SourceFile>, Error> {
    let mut explicit = Vec::new();
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            found.extend(walk::vern_files(path)?);
        } else {
            explicit.push(path.clone());
        }
    }
    let mut roots_by_dir = RootCache::default();
    let mut roots = Vec::new();
    for path in &explicit {
        let text = roots_by_dir.of(path).read(path)?;
        roots.push(db.set_file(&display_path(path), text));
    }
    let mut discovered = Vec::new();
    for path in &found {
        let text = roots_by_dir.of(path).read(path)?;
        discovered.push(db.set_file(&display_path(path), text));
    }
    let all: Vec<SourceFile> = roots.iter().chain(&discovered).copied().collect();
    load_imports(db, &all);
    let used: std::collections::HashSet<String> = all
        .iter()
        .flat_map(|f| file_imports(db, *f))
        .map(|i| i.path)
        .collect();
    for file in discovered {
        if (declares_policy(db, file) || !used.contains(file.path(db))) && !roots.contains(&file) {
            roots.push(file);
        }
    }
    Ok(roots)
}

/// The workspace root of each folder, looked up once.
#[derive(Default)]
struct RootCache(HashMap<PathBuf, Root>);

impl RootCache {
    fn of(&mut self, file: &Path) -> &Root {
        let dir = file.parent().unwrap_or(Path::new(".")).to_path_buf();
        self.0.entry(dir).or_insert_with(|| Root::of(file))
    }
}

/// Loads, transitively, every file a loaded file `use`s, each read inside the workspace root of the
/// file the chain started from. A missing file is left out (resolve reports it where it is named); a
/// refused one is recorded with its reason, which resolve reports there too.
pub fn load_imports(db: &mut Database, start: &[SourceFile]) {
    let mut roots = RootCache::default();
    for &file in start {
        if file.is_stdlib(db) {
            continue;
        }
        let root = roots.of(Path::new(file.path(db))).clone();
        let mut queue = vec![file];
        while let Some(file) = queue.pop() {
            for import in file_imports(db, file) {
                if db.file(&import.path).is_some() {
                    continue;
                }
                match root.read(Path::new(&import.path)) {
                    Ok(text) => queue.push(db.set_file(&import.path, text)),
                    Err(r) if r.is_not_found() => {}
                    Err(r) => db.refuse(
                        &import.path,
                        Refused {
                            outside: r.is_outside(),
                            reason: r.to_string(),
                        },
                    ),
                }
            }
        }
    }
}

pub fn declares_policy(db: &dyn crate::db::Db, file: SourceFile) -> bool {
    parse(db, file)
        .decls
        .iter()
        .any(|d| matches!(d, Decl::Item(ItemDecl { kind, .. }) if kind.text == "policy"))
}
