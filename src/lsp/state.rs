//! The server's state: the one mutable database, the open documents and their versions, the
//! configuration of each workspace (`vern.toml`), and where the stdlib and explain pages are served
//! from. Only the worker side (inside `spawn_blocking`) locks it; readers take a snapshot
//! (`db.clone()`) and release the lock before computing.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use salsa::Setter;
use tower_lsp_server::ls_types::Uri;

use crate::check::CheckConfig;
use crate::db::{Database, Db, SourceFile};
use crate::workspace::{self, Root};

pub struct Doc {
    pub file: SourceFile,
    pub version: i32,
}

/// One `vern.toml`: the check configuration of every file in its folder, and what it names.
pub struct Workspace {
    pub toml: PathBuf,
    pub config: CheckConfig,
    /// `[workspace] policies`, as absolute paths: loaded and watched.
    pub policies: Vec<PathBuf>,
}

pub struct State {
    pub db: Database,
    /// The configuration of files under no `vern.toml`: today's date, default levels.
    pub fallback: CheckConfig,
    /// Workspaces by the folder of their `vern.toml`.
    pub workspaces: BTreeMap<PathBuf, Workspace>,
    /// Open documents by URI string.
    pub docs: HashMap<String, Doc>,
    /// A folder with the stdlib's sources and the explain pages as read-only files, so that editors
    /// can open them (go to definition into the stdlib, links from diagnostics).
    pub served: Option<PathBuf>,
    /// Problems to show the user (a `vern.toml` that cannot be read), taken by the server after an edit.
    pub messages: Vec<String>,
}

impl State {
    pub fn new() -> Self {
        let db = Database::for_editor();
        let fallback = CheckConfig::with_date(&db, workspace::config::today());
        State {
            db,
            fallback,
            workspaces: BTreeMap::new(),
            docs: HashMap::new(),
            served: serve_static(),
            messages: Vec::new(),
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
        for (path, file) in files {
            let new = self.db.set_file(&path, file.text(&old).clone());
            for doc in self.docs.values_mut() {
                if doc.file == file {
                    doc.file = new;
                }
            }
        }
        let copy = |db: &Database, c: CheckConfig| {
            CheckConfig::new(db, *c.as_of(&old), c.levels(&old).clone())
        };
        self.fallback = copy(&self.db, self.fallback);
        for ws in self.workspaces.values_mut() {
            ws.config = copy(&self.db, ws.config);
        }
    }

    /// The database path of a URI: the file's path for `file:` URIs, else the URI itself.
    pub fn path_of(uri: &Uri) -> String {
        uri.to_file_path()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|| uri.as_str().to_string())
    }

    /// The stdlib file an editor opened from the served folder, if `path` is one.
    pub fn stdlib_file(&self, path: &str) -> Option<SourceFile> {
        stdlib_at(&self.db, self.served.as_deref(), path)
    }

    /// The configurations by folder, for readers: (folder, config), the deepest folder first.
    pub fn config_table(&self) -> Vec<(PathBuf, CheckConfig)> {
        let mut table: Vec<(PathBuf, CheckConfig)> = self
            .workspaces
            .iter()
            .map(|(dir, ws)| (dir.clone(), ws.config))
            .collect();
        table.sort_by_key(|(dir, _)| std::cmp::Reverse(dir.components().count()));
        table
    }

    /// Loads every `.vern` file under `root` that is not open (bounded, so a huge folder cannot
    /// stall the server), the files they use, and the `vern.toml` each is governed by.
    pub fn scan(&mut self, root: &Path) {
        if let Some(toml) = workspace::config::find(root) {
            self.load_workspace(&toml);
        }
        let found = workspace::walk::vern_files(root).unwrap_or_default();
        let mut loaded = Vec::new();
        for path in found.into_iter().take(5000) {
            self.workspace_of(&path);
            if let Some(f) = self.load_from_disk(&path) {
                loaded.push(f);
            }
        }
        workspace::load_imports(&mut self.db, &loaded);
    }

    /// Reads a file that is not open from disk (inside its workspace root, with the usual limits).
    pub fn load_from_disk(&mut self, path: &Path) -> Option<SourceFile> {
        let key = path.to_string_lossy().into_owned();
        if self.docs.values().any(|d| d.file.path(&self.db) == &key) {
            return None;
        }
        let text = Root::of(path).read(path).ok()?;
        Some(self.db.set_file(&key, text))
    }

    /// Makes sure the `vern.toml` that governs `path` (if any) is loaded.
    pub fn workspace_of(&mut self, path: &Path) {
        let Some(dir) = path.parent() else { return };
        if self.workspaces.keys().any(|d| dir.starts_with(d)) {
            return;
        }
        if let Some(toml) = workspace::config::find(path) {
            self.load_workspace(&toml);
        }
    }

    /// (Re)reads a `vern.toml`: its levels and as-of change the configuration of its folder in place
    /// (so every file there is re-checked), and the policies it names are loaded. A file that cannot
    /// be read leaves the defaults in force and a message for the user.
    pub fn load_workspace(&mut self, toml: &Path) {
        let toml = workspace::read::absolute(toml);
        let dir = toml.parent().unwrap_or(Path::new("/")).to_path_buf();
        let config = match workspace::config::read(&toml) {
            Ok(c) => c,
            Err(e) => {
                self.messages.push(format!(
                    "vern: {e}; the default rule levels apply until it is fixed"
                ));
                workspace::Config::default()
            }
        };
        let as_of = config.as_of.unwrap_or_else(workspace::config::today);
        let policies: Vec<PathBuf> = config
            .policies
            .iter()
            .map(|p| workspace::read::absolute(p))
            .collect();
        match self.workspaces.get_mut(&dir) {
            Some(ws) => {
                if *ws.config.as_of(&self.db) != as_of {
                    ws.config.set_as_of(&mut self.db).to(as_of);
                }
                if ws.config.levels(&self.db) != &config.levels {
                    ws.config.set_levels(&mut self.db).to(config.levels);
                }
                ws.policies = policies.clone();
            }
            None => {
                let check = CheckConfig::new(&self.db, as_of, config.levels);
                self.workspaces.insert(
                    dir,
                    Workspace {
                        toml: toml.clone(),
                        config: check,
                        policies: policies.clone(),
                    },
                );
            }
        }
        let mut loaded = Vec::new();
        for p in &policies {
            let files = if p.is_dir() {
                workspace::walk::vern_files(p).unwrap_or_default()
            } else {
                vec![p.clone()]
            };
            for f in files.into_iter().take(5000) {
                if let Some(file) = self.load_from_disk(&f) {
                    loaded.push(file);
                }
            }
        }
        workspace::load_imports(&mut self.db, &loaded);
    }

    /// A `vern.toml` was deleted: its folder falls back to the defaults (or an outer `vern.toml`).
    pub fn drop_workspace(&mut self, toml: &Path) {
        let toml = workspace::read::absolute(toml);
        if let Some(dir) = toml.parent() {
            let dir = dir.to_path_buf();
            if let Some(ws) = self.workspaces.get_mut(&dir) {
                let today = workspace::config::today();
                ws.config.set_as_of(&mut self.db).to(today);
                ws.config.set_levels(&mut self.db).to(Default::default());
                ws.policies.clear();
            }
        }
    }

    /// Every path the server wants to hear about: each `vern.toml` and the policies it names.
    pub fn watched(&self) -> Vec<PathBuf> {
        self.workspaces
            .values()
            .flat_map(|ws| std::iter::once(ws.toml.clone()).chain(ws.policies.iter().cloned()))
            .collect()
    }
}

/// The stdlib module served at `path`, if `path` lies in the served stdlib folder.
pub fn stdlib_at(db: &Database, served: Option<&Path>, path: &str) -> Option<SourceFile> {
    let served = served?.join("stdlib");
    let stem = Path::new(path)
        .strip_prefix(&served)
        .ok()?
        .to_str()?
        .trim_end_matches(".vern")
        .to_string();
    db.stdlib_module(&format!("std.{stem}"))
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
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).ok()?;
            }
            std::fs::write(&path, m.source).ok()?;
            make_read_only(&path);
        }
        let registry = stdlib.join("registry").join("vendors.vern");
        std::fs::create_dir_all(stdlib.join("registry")).ok()?;
        std::fs::write(&registry, crate::stdlib::REGISTRY_VENDORS).ok()?;
        make_read_only(&registry);
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
        .chain([crate::stdlib::REGISTRY_VENDORS])
        .chain(crate::check::rules::RULES.iter().map(|r| r.explain))
        .chain(crate::diagnostic::codes::CODES.iter().map(|c| c.explain));
    for text in texts {
        for b in text.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
    }
    format!("{h:016x}")
}
