//! The salsa database shared by the CLI and the language server.
//!
//! Inputs are the source files (user files and the embedded stdlib) and the file set a workspace knows.
//! Each stage has one tracked entry point taking `db` first: `syntax::parse`, `resolve::resolve_policy`,
//! `check::check_policy`. The CLI builds one `Database`, turns paths into inputs and asks for results;
//! the language server keeps one per workspace and applies edits to it.
//!
//! In the editor's database (`for_editor`) the work below the policy-wide entry points is cached per
//! declaration, by its text: its parse (`syntax::parse_chunk_cached`) and its lowering
//! (`resolve::lower_declaration`, which reads the position-free `resolve::decl_context`), both with
//! spans relative to the declaration, moved into place when the file and the policy are assembled.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use salsa::{Durability, Setter};

use crate::stdlib;

/// One source file: a path (as shown in messages) and its text.
#[salsa::input(debug)]
pub struct SourceFile {
    #[returns(ref)]
    pub path: String,
    #[returns(ref)]
    pub text: String,
    /// True for the embedded standard library, whose files are shown as `<stdlib/NAME.vern>`.
    #[returns(copy)]
    pub is_stdlib: bool,
}

/// The files the database knows, by normalised path, and the stdlib modules by module name.
#[salsa::input(debug)]
pub struct FileSet {
    #[returns(ref)]
    pub files: BTreeMap<String, SourceFile>,
    #[returns(ref)]
    pub stdlib: BTreeMap<String, SourceFile>,
    /// Paths a `use` names that vern refused to read (outside the workspace, not a regular file, too
    /// large, not text): not loaded, and reported where they are used, with the reason.
    #[returns(ref)]
    pub refused: BTreeMap<String, Refused>,
}

/// Why the file a `use` names was not read; the reason names the path, never the file's content.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Refused {
    /// The file lies outside the workspace root.
    pub outside: bool,
    pub reason: String,
}

#[salsa::db]
#[derive(Clone)]
pub struct Database {
    storage: salsa::Storage<Self>,
    files: Option<FileSet>,
    /// Names of the queries that ran, when logging is on (tests of incrementality use it).
    log: Option<Arc<Mutex<Vec<String>>>>,
    cache_chunks: bool,
}

#[salsa::db]
impl salsa::Database for Database {}

/// What the stages need from a database beyond salsa's own: the file set.
#[salsa::db]
pub trait Db: salsa::Database {
    fn file_set(&self) -> FileSet;
    /// Whether `parse` caches each declaration's parse by its text. That pays in an editor, where one
    /// declaration changes at a time; a one-shot run would only pay its memory and hashing. Fixed when
    /// the database is created, so reading it in a query is safe.
    fn caches_chunks(&self) -> bool;
}

#[salsa::db]
impl Db for Database {
    fn file_set(&self) -> FileSet {
        match self.files {
            Some(set) => set,
            None => unreachable_file_set(),
        }
    }

    fn caches_chunks(&self) -> bool {
        self.cache_chunks
    }
}

impl Default for Database {
    fn default() -> Self {
        Self::new()
    }
}

impl Database {
    pub fn new() -> Self {
        Self::build(None)
    }

    /// A database for an editor session: declarations' parses are cached by their text, so an edit
    /// re-parses only what it touched.
    pub fn for_editor() -> Self {
        let mut db = Self::build(None);
        db.cache_chunks = true;
        db
    }

    /// A database that records every query execution, for tests of incremental reuse.
    pub fn with_log() -> (Self, Arc<Mutex<Vec<String>>>) {
        let log = Arc::new(Mutex::new(Vec::new()));
        (Self::build(Some(log.clone())), log)
    }

    /// This database with the editor's chunk cache (`for_editor`), before any query has run: for tests
    /// of incremental reuse in the editor's configuration.
    pub fn into_editor(mut self) -> Self {
        self.cache_chunks = true;
        self
    }

    fn build(log: Option<Arc<Mutex<Vec<String>>>>) -> Self {
        let storage = match &log {
            None => salsa::Storage::default(),
            Some(log) => {
                let log = log.clone();
                salsa::Storage::new(Some(Box::new(move |event: salsa::Event| {
                    if let salsa::EventKind::WillExecute { database_key } = event.kind
                        && let Ok(mut log) = log.lock()
                    {
                        log.push(format!("{database_key:?}"));
                    }
                })))
            }
        };
        let mut db = Database {
            storage,
            files: None,
            log,
            cache_chunks: false,
        };
        let mut std_files = BTreeMap::new();
        for module in stdlib::MODULES {
            let file = SourceFile::builder(module.display_path(), module.source.to_string(), true)
                .durability(Durability::HIGH)
                .new(&db);
            std_files.insert(module.name.to_string(), file);
        }
        let registry = SourceFile::builder(
            stdlib::REGISTRY_VENDORS_PATH.to_string(),
            stdlib::REGISTRY_VENDORS.to_string(),
            true,
        )
        .durability(Durability::HIGH)
        .new(&db);
        std_files.insert(stdlib::REGISTRY_VENDORS_MODULE.to_string(), registry);
        let set = FileSet::builder(BTreeMap::new(), std_files, Default::default())
            .durability(Durability::HIGH)
            .new(&db);
        db.files = Some(set);
        db
    }

    /// Adds a file, or replaces the text of a known one; returns its input.
    pub fn set_file(&mut self, path: &str, text: String) -> SourceFile {
        let set = self.file_set();
        if let Some(&file) = set.files(self).get(path) {
            if file.text(self) != &text {
                file.set_text(self).to(text);
            }
            return file;
        }
        if set.refused(self).contains_key(path) {
            let mut refused = set.refused(self).clone();
            refused.remove(path);
            set.set_refused(self).to(refused);
        }
        let file = SourceFile::new(self, path.to_string(), text, false);
        let mut files = set.files(self).clone();
        files.insert(path.to_string(), file);
        set.set_files(self).to(files);
        file
    }

    /// Records that the file `path` was refused, and why.
    pub fn refuse(&mut self, path: &str, why: Refused) {
        let set = self.file_set();
        if set.refused(self).get(path) != Some(&why) {
            let mut refused = set.refused(self).clone();
            refused.insert(path.to_string(), why);
            set.set_refused(self).to(refused);
        }
    }

    pub fn file(&self, path: &str) -> Option<SourceFile> {
        self.file_set().files(self).get(path).copied()
    }

    pub fn stdlib_module(&self, name: &str) -> Option<SourceFile> {
        self.file_set().stdlib(self).get(name).copied()
    }

    pub fn take_log(&self) -> Vec<String> {
        self.log
            .as_ref()
            .and_then(|log| log.lock().ok().map(|mut l| std::mem::take(&mut *l)))
            .unwrap_or_default()
    }
}

#[cold]
fn unreachable_file_set() -> ! {
    // `build` always sets the file set before the database is handed out.
    unreachable!("database used before its file set was created")
}
