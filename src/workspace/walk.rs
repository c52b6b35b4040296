//! The `.vern` files under a folder, for `vern check DIR`, `vern fmt DIR` and the language server's
//! first scan: walked with the `ignore` crate, which follows symbolic links but detects loops (a link
//! to an ancestor is walked once, not until the path is too long), skips hidden entries (`.git`) and
//! what `.gitignore` and `.ignore` files exclude. A file reached by two paths is listed once.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::Error;

/// Every `.vern` file under `dir`, sorted by path, each once (by the file it really is).
pub fn vern_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    if !dir.is_dir() {
        return Err(Error(format!(
            "cannot read directory `{}`: not a directory",
            dir.display()
        )));
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let walker = ignore::WalkBuilder::new(dir)
        .follow_links(true)
        .standard_filters(true)
        .sort_by_file_path(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        // A loop, or an entry that vanished or cannot be read while walking: its files are either
        // reached by another path or not there to check.
        let Ok(entry) = entry else { continue };
        let path = entry.path();
        let is_vern = path.extension().is_some_and(|e| e == "vern");
        if !is_vern || entry.file_type().is_some_and(|t| t.is_dir()) {
            continue;
        }
        let identity = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if seen.insert(identity) {
            out.push(path.to_path_buf());
        }
    }
    Ok(out)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_symlink_loop_is_walked_once() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(sub.join("p.vern"), "data x \"X\"\n").unwrap_or_else(|e| panic!("{e}"));
        std::os::unix::fs::symlink(dir.path(), sub.join("loop")).unwrap_or_else(|e| panic!("{e}"));
        let found = vern_files(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(found, vec![sub.join("p.vern")]);
    }
}
