//! The server's state: the one mutable database, the open documents and their versions, and where
//! the stdlib and explain pages are served from. Only the worker side (inside `spawn_blocking`)
//! locks it; readers take a snapshot (`db.clone()`) and release the lock before computing.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tower_lsp_server::ls_types::Uri;

use crate::check::CheckConfig;
use crate::db::{Database, Db, SourceFile};

pub struct Doc {
    pub file: SourceFile,
    pub version: i32,
}

pub struct State {
    pub db: Database,
    pub config: CheckConfig,
    /// Open documents by URI string.
    pub docs: HashMap<String, Doc>,
    /// A folder with the stdlib's sources and the explain pages as read-only files, so that editors
    /// can open them (go to definition into the stdlib, links from diagnostics).
    pub served: Option<PathBuf>,
}

impl State {
    pub fn new() -> Self {
        let db = Database::for_editor();
        let config = CheckConfig::with_date(&db, crate::workspace::config::today());
        State {
            db,
            config,
            docs: HashMap::new(),
            served: serve_static(),
        }
    }

    /// Starts over with a fresh database holding the same files: what the server does after every edit
    /// when `VERN_LSP_NO_REUSE` is set, to measure what salsa's reuse is worth.
    pub fn rebuild(&mut self) {
        let old = std::mem::take(&mut self.db);
        let files: Vec<(String, SourceFile)> = old
            .file_set()
            .files(&old)
            .iter()
            .map(|(p, f)| (p.clone(), *f))
            .collect();
        let as_of = *self.config.as_of(&old);
        for (path, file) in files {
            let new = self.db.set_file(&path, file.text(&old).clone());
            for doc in self.docs.values_mut() {
                if doc.file == file {
                    doc.file = new;
                }
            }
        }
        self.config = CheckConfig::with_date(&self.db, as_of);
    }

    /// The database path of a URI: the file's path for `file:` URIs, else the URI itself.
    pub fn path_of(uri: &Uri) -> String {
        uri.to_file_path()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|| uri.as_str().to_string())
    }

    /// The stdlib file an editor opened from the served folder, if `path` is one.
    pub fn stdlib_file(&self, path: &str) -> Option<SourceFile> {
        let served = self.served.as_ref()?.join("stdlib");
        let stem = Path::new(path)
            .strip_prefix(&served)
            .ok()?
            .to_str()?
            .trim_end_matches(".vern")
            .to_string();
        self.db.stdlib_module(&format!("std.{stem}"))
    }

    /// Loads every `.vern` file under `root` that is not open (bounded, so a huge folder cannot
    /// stall the server), and the files they use.
    pub fn scan(&mut self, root: &Path) {
        let mut found = Vec::new();
        walk(root, &mut found, 0);
        let mut loaded = Vec::new();
        for path in found.into_iter().take(5000) {
            let key = path.to_string_lossy().into_owned();
            if self.docs.values().any(|d| d.file.path(&self.db) == &key) {
                continue;
            }
            if let Ok(text) = crate::workspace::read_source(&path) {
                loaded.push(self.db.set_file(&key, text));
            }
        }
        crate::workspace::load_imports(&mut self.db, &loaded);
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    if depth > 12 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name == "target" || name == "node_modules" {
            continue;
        }
        if p.is_dir() {
            walk(&p, out, depth + 1);
        } else if p.extension().is_some_and(|e| e == "vern") {
            out.push(p);
        }
    }
}

/// Writes the stdlib sources and the explain pages into a per-version cache folder, once.
fn serve_static() -> Option<PathBuf> {
    let dir = std::env::temp_dir().join(format!(
        "vern-{}-{}",
        env!("CARGO_PKG_VERSION"),
        stdlib_hash()
    ));
    let stdlib = dir.join("stdlib");
    let explain = dir.join("explain");
    if !stdlib.is_dir() || !explain.is_dir() {
        std::fs::create_dir_all(&stdlib).ok()?;
        std::fs::create_dir_all(&explain).ok()?;
        for m in crate::stdlib::MODULES {
            let path = stdlib.join(format!("{}.vern", m.stem()));
            std::fs::write(&path, m.source).ok()?;
            make_read_only(&path);
        }
        for r in crate::check::rules::RULES {
            let page = format!(
                "# {}\n\n{}\n\n{}",
                r.id,
                r.summary,
                crate::check::explain::visible(r.explain)
            );
            std::fs::write(explain.join(format!("{}.md", r.id)), page).ok()?;
        }
        for c in crate::diagnostic::codes::CODES {
            std::fs::write(
                explain.join(format!("{}.md", c.id)),
                format!("# {}\n\n{}\n\n{}", c.id, c.summary, c.explain),
            )
            .ok()?;
        }
    }
    Some(dir)
}

fn make_read_only(path: &Path) {
    if let Ok(meta) = std::fs::metadata(path) {
        let mut perms = meta.permissions();
        perms.set_readonly(true);
        let _ = std::fs::set_permissions(path, perms);
    }
}

/// A short hash of what is served, so a changed stdlib or explain page gets a fresh folder.
fn stdlib_hash() -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let texts = crate::stdlib::MODULES
        .iter()
        .map(|m| m.source)
        .chain(crate::check::rules::RULES.iter().map(|r| r.explain));
    for text in texts {
        for b in text.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
    }
    format!("{h:016x}")
}
