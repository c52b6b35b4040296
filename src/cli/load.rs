//! Paths to database inputs: finds `.vern` files, reads them, and loads the files they `use`.

use std::path::{Path, PathBuf};

use super::CliError;
use crate::db::{Database, SourceFile};
use crate::resolve::file_imports;
use crate::syntax::ast::{Decl, ItemDecl};
use crate::syntax::parse;

/// The largest source file vern reads, in bytes (`--max-file-size`).
static MAX_FILE_SIZE: std::sync::atomic::AtomicU64 =
    std::sync::atomic::AtomicU64::new(DEFAULT_MAX_FILE_SIZE);

pub const DEFAULT_MAX_FILE_SIZE: u64 = 32 * 1024 * 1024;

pub fn set_max_file_size(bytes: u64) {
    MAX_FILE_SIZE.store(bytes, std::sync::atomic::Ordering::Relaxed);
}

/// Reads a file as UTF-8 text, with a clear error when it is missing, unreadable, too large, binary,
/// or not UTF-8 (with the byte offset of the first bad byte).
pub fn read_source(path: &Path) -> Result<String, CliError> {
    let max = MAX_FILE_SIZE.load(std::sync::atomic::Ordering::Relaxed);
    let meta = std::fs::metadata(path)
        .map_err(|e| CliError(format!("cannot read `{}`: {e}", path.display())))?;
    if meta.is_dir() {
        return Err(CliError(format!(
            "`{}` is a directory, not a file",
            path.display()
        )));
    }
    if meta.len() > max {
        return Err(CliError(format!(
            "`{}` is {} bytes, more than the limit of {max} bytes (raise it with --max-file-size)",
            path.display(),
            meta.len()
        )));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| CliError(format!("cannot read `{}`: {e}", path.display())))?;
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(CliError(format!(
            "`{}` looks like a binary file (a NUL byte at byte {at}); vern reads text files",
            path.display()
        )));
    }
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

/// Loads, transitively, every file a loaded file `use`s and that exists on disk. Missing files are
/// left out: resolve reports them where they are named. Inside a workspace (a `vern.toml` above the
/// first file), files outside its folder are refused and marked, so resolve reports them too.
pub fn load_imports(db: &mut Database, start: &[SourceFile]) {
    let workspace = start
        .first()
        .and_then(|f| super::config::find(Path::new(f.path(db))))
        .and_then(|toml| {
            toml.parent().and_then(|p| {
                std::fs::canonicalize(if p.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    p
                })
                .ok()
            })
        });
    let mut queue: Vec<SourceFile> = start.to_vec();
    while let Some(file) = queue.pop() {
        for import in file_imports(db, file) {
            if db.file(&import.path).is_some() {
                continue;
            }
            if let Some(root) = &workspace {
                let inside =
                    std::fs::canonicalize(&import.path).map_or(true, |p| p.starts_with(root));
                if !inside {
                    db.mark_outside(&import.path);
                    continue;
                }
            }
            if let Ok(text) = read_source(Path::new(&import.path)) {
                queue.push(db.set_file(&import.path, text));
            }
        }
    }
}

fn declares_policy(db: &Database, file: SourceFile) -> bool {
    parse(db, file)
        .decls
        .iter()
        .any(|d| matches!(d, Decl::Item(ItemDecl { kind, .. }) if kind.text == "policy"))
}
