//! `vern lsp`: the language server, a thin adapter from LSP to `ide` over the shared database.
//!
//! Configuration: each file is checked with the `vern.toml` that governs it (its rule levels and
//! `as-of`), read through `workspace` exactly as `vern check` reads it, so the editor and CI report
//! the same findings. The server watches each `vern.toml` and the policies it names
//! (`workspace/didChangeWatchedFiles`, registered dynamically when the client can); a change
//! re-publishes every open document's diagnostics.
//!
//! Text sync is incremental. The client's changes are applied to the document text in the order they
//! arrive, synchronously in the notification handler (tower-lsp-server may run handlers
//! concurrently, but starts them in order); the resulting text goes to the database like a full
//! change, and an edit older than the one applied is dropped by its version.
//!
//! Concurrency: edits are applied under the state lock (inside `spawn_blocking`); reads work on a
//! snapshot of the database taken under the lock and released before computing, so a later edit
//! cancels them (salsa unwinds with `Cancelled`), and they answer "content modified". Diagnostics are
//! published only if the version they were computed for is still the latest.
//!
//! The standard library: go to definition leads into the stdlib's sources, served as read-only files;
//! an editor that opens one gets every read-only feature there (hover, definition, symbols, folding,
//! highlighting), and edits, renames and formatting of it are refused.

mod convert;
mod input;
mod state;

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

use crate::check::CheckConfig;
use crate::db::{Database, SourceFile};
use crate::ide;
use convert::Positions;
use state::{Doc, State};

pub fn run() -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let (service, socket) = LspService::build(Backend::new)
            .custom_method(input::MALFORMED, Backend::malformed)
            .finish();
        Server::new(
            input::guard(tokio::io::stdin()),
            tokio::io::stdout(),
            socket,
        )
        .serve(service)
        .await;
    });
    // The input guard may still be blocked reading stdin (the client need not close it after
    // `exit`); do not wait for it.
    runtime.shutdown_background();
    Ok(())
}

/// The text of an open document as the client sees it, with its version.
struct DocText {
    version: i32,
    text: String,
}

struct Backend {
    client: Client,
    state: Arc<Mutex<State>>,
    /// The latest version seen per document, kept apart so async code never waits on the database.
    versions: Arc<Mutex<HashMap<String, i32>>>,
    /// The open documents' texts, to which incremental changes are applied in arrival order.
    texts: Mutex<HashMap<String, DocText>>,
    /// Whether the client lets the server register file watchers.
    can_watch: AtomicBool,
    /// The paths the current watcher registration covers.
    watching: Mutex<Option<Vec<PathBuf>>>,
}

const WATCHER_ID: &str = "vern-watch";

fn content_modified() -> Error {
    Error {
        code: ErrorCode::ContentModified,
        message: "content modified".into(),
        data: None,
    }
}

fn internal(message: &str) -> Error {
    Error {
        code: ErrorCode::InternalError,
        message: message.to_string().into(),
        data: None,
    }
}

fn invalid(message: impl Into<String>) -> Error {
    Error {
        code: ErrorCode::InvalidParams,
        message: message.into().into(),
        data: None,
    }
}

const READ_ONLY: &str = "the standard library is read-only";

impl Backend {
    fn new(client: Client) -> Self {
        Backend {
            client,
            state: Arc::new(Mutex::new(State::new())),
            versions: Arc::new(Mutex::new(HashMap::new())),
            texts: Mutex::new(HashMap::new()),
            can_watch: AtomicBool::new(false),
            watching: Mutex::new(None),
        }
    }

    /// Runs `f` on a snapshot of the database, off the async threads; a concurrent edit cancels it.
    async fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Database, &Snapshot) -> T + Send + 'static,
    ) -> Result<T> {
        let state = self.state.clone();
        tokio::task::spawn_blocking(move || {
            let snapshot = {
                let guard = state.lock().map_err(|_| internal("state poisoned"))?;
                Snapshot::take(&guard)
            };
            let result = salsa::Cancelled::catch(AssertUnwindSafe(|| f(&snapshot.db, &snapshot)));
            result.map_err(|_| content_modified())
        })
        .await
        .map_err(|_| internal("request failed"))?
    }

    /// Applies an edit (under the lock), then republishes diagnostics for every open document, and
    /// shows the messages the edit left (a `vern.toml` that cannot be read).
    async fn edit(&self, apply: impl FnOnce(&mut State) + Send + 'static) {
        let state = self.state.clone();
        let applied = tokio::task::spawn_blocking(move || {
            let mut guard = state.lock().ok()?;
            apply(&mut guard);
            if std::env::var_os("VERN_LSP_NO_REUSE").is_some() {
                guard.rebuild();
            }
            let messages = std::mem::take(&mut guard.messages);
            Some((Snapshot::take(&guard), messages, guard.watched()))
        })
        .await;
        if let Ok(Some((snapshot, messages, watched))) = applied {
            for m in messages {
                self.client.show_message(MessageType::WARNING, m).await;
            }
            self.refresh_watchers(watched).await;
            self.publish(snapshot).await;
        }
    }

    /// Registers file watchers for every `vern.toml` and `.vern` file, and for the policies a
    /// `vern.toml` names outside the editor's folders, when the client allows it and the set changed.
    async fn refresh_watchers(&self, watched: Vec<PathBuf>) {
        if !self.can_watch.load(Ordering::Relaxed) {
            return;
        }
        let previous = {
            let Ok(mut w) = self.watching.lock() else {
                return;
            };
            if w.as_ref() == Some(&watched) {
                return;
            }
            w.replace(watched.clone())
        };
        if previous.is_some() {
            let _ = self
                .client
                .unregister_capability(vec![Unregistration {
                    id: WATCHER_ID.into(),
                    method: "workspace/didChangeWatchedFiles".into(),
                }])
                .await;
        }
        let mut patterns = vec!["**/vern.toml".to_string(), "**/*.vern".to_string()];
        for p in watched {
            let p = p.to_string_lossy().into_owned();
            if std::path::Path::new(&p).extension().is_some() {
                patterns.push(p);
            } else {
                patterns.push(format!("{}/**/*.vern", p.trim_end_matches('/')));
            }
        }
        patterns.dedup();
        let watchers = patterns
            .into_iter()
            .map(|p| FileSystemWatcher {
                glob_pattern: GlobPattern::String(p),
                kind: None,
            })
            .collect();
        let Ok(options) =
            serde_json::to_value(DidChangeWatchedFilesRegistrationOptions { watchers })
        else {
            return;
        };
        let _ = self
            .client
            .register_capability(vec![Registration {
                id: WATCHER_ID.into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: Some(options),
            }])
            .await;
    }

    async fn publish(&self, snapshot: Snapshot) {
        let versions = self.versions.clone();
        let computed = tokio::task::spawn_blocking(move || {
            // A document edited again since this snapshot will be published for its newer version:
            // skip it, so a burst of keystrokes costs one check, not one per keystroke.
            let latest = |uri: &Uri| {
                versions
                    .lock()
                    .ok()
                    .and_then(|v| v.get(uri.as_str()).copied())
            };
            salsa::Cancelled::catch(AssertUnwindSafe(|| {
                let mut pos = Positions::new(&snapshot.db);
                snapshot
                    .docs
                    .iter()
                    .filter(|(uri, _, version)| latest(uri).is_none_or(|l| l == *version))
                    .map(|(uri, file, version)| {
                        let diags = if file.is_stdlib(&snapshot.db) {
                            Vec::new()
                        } else {
                            ide::diagnostics_for(&snapshot.db, *file, snapshot.config_for(*file))
                        };
                        let lsp: Vec<Diagnostic> = diags
                            .iter()
                            .map(|d| {
                                convert::diagnostic(&mut pos, d, &|f| snapshot.uri_of(f), &|c| {
                                    snapshot.explain_uri(c)
                                })
                            })
                            .collect();
                        (uri.clone(), *version, lsp)
                    })
                    .collect::<Vec<_>>()
            }))
            .ok()
        })
        .await;
        let Ok(Some(results)) = computed else { return };
        for (uri, version, diags) in results {
            let latest = self
                .versions
                .lock()
                .ok()
                .and_then(|v| v.get(uri.as_str()).copied());
            if latest.is_some_and(|l| l != version) {
                continue;
            }
            self.client
                .publish_diagnostics(uri, diags, Some(version))
                .await;
        }
    }

    async fn malformed(&self, params: serde_json::Value) {
        let bytes = params["bytes"].as_u64().unwrap_or(0);
        let why = params["why"].as_str().unwrap_or("not a JSON object");
        self.client
            .log_message(
                MessageType::WARNING,
                format!("vern: ignored a malformed message ({bytes} bytes: {why})"),
            )
            .await;
    }

    fn note_version(&self, uri: &Uri, version: i32) {
        if let Ok(mut v) = self.versions.lock() {
            v.insert(uri.as_str().to_string(), version);
        }
    }
}

/// What a reader needs, taken under the lock: a database snapshot and the document table.
struct Snapshot {
    db: Database,
    fallback: CheckConfig,
    /// The configuration of each workspace folder, the deepest first.
    configs: Vec<(PathBuf, CheckConfig)>,
    docs: Vec<(Uri, SourceFile, i32)>,
    files: HashMap<String, SourceFile>,
    served: Option<std::path::PathBuf>,
}

impl Snapshot {
    fn take(state: &State) -> Snapshot {
        let docs = state
            .docs
            .iter()
            .filter_map(|(uri, d)| Some((uri.parse::<Uri>().ok()?, d.file, d.version)))
            .collect();
        let files = state
            .docs
            .iter()
            .map(|(u, d)| (u.clone(), d.file))
            .collect();
        Snapshot {
            db: state.db.clone(),
            fallback: state.fallback,
            configs: state.config_table(),
            docs,
            files,
            served: state.served.clone(),
        }
    }

    /// The configuration of the `vern.toml` that governs `file`, as `vern check` would use it.
    fn config_for(&self, file: SourceFile) -> CheckConfig {
        let path = std::path::Path::new(file.path(&self.db));
        self.configs
            .iter()
            .find(|(dir, _)| path.starts_with(dir))
            .map_or(self.fallback, |(_, c)| *c)
    }

    fn uri_of(&self, file: SourceFile) -> Option<Uri> {
        let path = file.path(&self.db);
        if file.is_stdlib(&self.db) {
            let stem = path.trim_start_matches("<stdlib/").trim_end_matches('>');
            return Uri::from_file_path(self.served.as_ref()?.join("stdlib").join(stem));
        }
        if path.starts_with('/') {
            Uri::from_file_path(path)
        } else {
            path.parse().ok()
        }
    }

    fn explain_uri(&self, code: &str) -> Option<Uri> {
        // An organisation rule has no served page: hover shows the one generated from its declaration.
        if crate::check::rules::lookup(code).is_none()
            && crate::diagnostic::codes::lookup(code).is_none()
        {
            return None;
        }
        Uri::from_file_path(
            self.served
                .as_ref()?
                .join("explain")
                .join(format!("{code}.md")),
        )
    }

    /// The file behind a URI: an open document, a served stdlib file (open or not), or a workspace
    /// file the server loaded.
    fn file(&self, uri: &Uri) -> Option<SourceFile> {
        if let Some(f) = self.files.get(uri.as_str()) {
            return Some(*f);
        }
        let path = State::path_of(uri);
        state::stdlib_at(&self.db, self.served.as_deref(), &path).or_else(|| self.db.file(&path))
    }

    fn location(
        &self,
        pos: &mut Positions<'_>,
        file: SourceFile,
        span: crate::syntax::ast::Span,
    ) -> Option<Location> {
        Some(Location {
            uri: self.uri_of(file)?,
            range: pos.range(file, span),
        })
    }
}

fn edits_to_workspace(snapshot: &Snapshot, edits: &[ide::Edit]) -> WorkspaceEdit {
    let mut pos = Positions::new(&snapshot.db);
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for e in edits {
        let Some(uri) = snapshot.uri_of(e.file) else {
            continue;
        };
        let range = pos.range(e.file, e.span);
        changes.entry(uri).or_default().push(TextEdit {
            range,
            new_text: e.text.clone(),
        });
    }
    WorkspaceEdit {
        changes: Some(changes),
        ..Default::default()
    }
}

/// The semantic token legend: one type per `ide::TokenKind`, in `TokenKind::ALL`'s order.
fn token_type(kind: ide::TokenKind) -> SemanticTokenType {
    match kind {
        ide::TokenKind::Keyword => SemanticTokenType::KEYWORD,
        ide::TokenKind::Declaration => SemanticTokenType::TYPE,
        ide::TokenKind::Reference => SemanticTokenType::VARIABLE,
        ide::TokenKind::Property => SemanticTokenType::PROPERTY,
        ide::TokenKind::Module => SemanticTokenType::NAMESPACE,
        ide::TokenKind::String => SemanticTokenType::STRING,
        ide::TokenKind::Language => SemanticTokenType::MODIFIER,
        ide::TokenKind::Number => SemanticTokenType::NUMBER,
        ide::TokenKind::Operator => SemanticTokenType::OPERATOR,
        ide::TokenKind::Comment => SemanticTokenType::COMMENT,
    }
}

fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: ide::TokenKind::ALL.iter().map(|k| token_type(*k)).collect(),
        token_modifiers: vec![SemanticTokenModifier::DECLARATION],
    }
}

/// Tokens in the protocol's relative encoding; a token over several lines (a block comment, a string
/// with a line break) is sent as one token per line, since clients need not support multi-line ones.
fn encode_tokens(
    text: &str,
    tokens: &[(crate::syntax::ast::Span, ide::TokenKind)],
) -> Vec<SemanticToken> {
    let index = crate::text_index::LineIndex::new(text);
    let mut out = Vec::with_capacity(tokens.len());
    let (mut prev_line, mut prev_start) = (0u32, 0u32);
    for (span, kind) in tokens {
        let token_type = ide::TokenKind::ALL
            .iter()
            .position(|k| k == kind)
            .unwrap_or(0) as u32;
        let modifiers = u32::from(*kind == ide::TokenKind::Declaration);
        let mut start = span.start();
        while start < span.end() {
            let line_end = text[start..span.end()]
                .find('\n')
                .map_or(span.end(), |i| start + i);
            let p = convert::position(text, &index, start);
            let length = text[start..line_end].encode_utf16().count() as u32;
            if length > 0 {
                let delta_line = p.line - prev_line;
                let delta_start = if delta_line == 0 {
                    p.character - prev_start
                } else {
                    p.character
                };
                out.push(SemanticToken {
                    delta_line,
                    delta_start,
                    length,
                    token_type,
                    token_modifiers_bitset: modifiers,
                });
                prev_line = p.line;
                prev_start = p.character;
            }
            start = line_end + 1;
        }
    }
    out
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let can_watch = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        self.can_watch.store(can_watch, Ordering::Relaxed);
        let mut roots: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| f.uri.to_file_path().map(|p| p.into_owned()))
            .collect();
        #[allow(deprecated)]
        if roots.is_empty()
            && let Some(root) = params
                .root_uri
                .as_ref()
                .and_then(|u| u.to_file_path().map(|p| p.into_owned()))
        {
            roots.push(root);
        }
        let state = self.state.clone();
        let _ = tokio::task::spawn_blocking(move || {
            if let Ok(mut s) = state.lock() {
                for root in roots {
                    s.scan(&root);
                }
            }
        })
        .await;
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                text_document_sync: Some(TextDocumentSyncCapability::Kind(
                    TextDocumentSyncKind::INCREMENTAL,
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Left(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
                code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
                document_formatting_provider: Some(OneOf::Left(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec![" ".into(), ".".into()]),
                    ..Default::default()
                }),
                semantic_tokens_provider: Some(
                    SemanticTokensServerCapabilities::SemanticTokensOptions(
                        SemanticTokensOptions {
                            legend: legend(),
                            full: Some(SemanticTokensFullOptions::Bool(true)),
                            range: None,
                            ..Default::default()
                        },
                    ),
                ),
                ..Default::default()
            },
            server_info: Some(ServerInfo {
                name: "vern".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            ..Default::default()
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let watched = self.state.lock().map(|s| s.watched()).unwrap_or_default();
        self.refresh_watchers(watched).await;
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        self.note_version(&doc.uri, doc.version);
        if let Ok(mut texts) = self.texts.lock() {
            texts.insert(
                doc.uri.as_str().to_string(),
                DocText {
                    version: doc.version,
                    text: doc.text.clone(),
                },
            );
        }
        self.edit(move |s| {
            let path = State::path_of(&doc.uri);
            let file = match s.stdlib_file(&path) {
                // The stdlib as vern embeds it, whatever the editor's copy says: read-only.
                Some(std) => std,
                None => {
                    s.workspace_of(std::path::Path::new(&path));
                    let f = s.db.set_file(&path, doc.text);
                    crate::workspace::load_imports(&mut s.db, &[f]);
                    f
                }
            };
            s.docs.insert(
                doc.uri.as_str().to_string(),
                Doc {
                    file,
                    version: doc.version,
                },
            );
        })
        .await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        // Applied here, before any `await`: handlers start in the order the changes arrived.
        let text = {
            let Ok(mut texts) = self.texts.lock() else {
                return;
            };
            // A change to a document that was never opened has nothing to apply to: ignored.
            let Some(doc) = texts.get_mut(uri.as_str()) else {
                return;
            };
            if version <= doc.version {
                return;
            }
            for change in params.content_changes {
                convert::apply_change(&mut doc.text, change);
            }
            doc.version = version;
            doc.text.clone()
        };
        if text.len() as u64 > crate::workspace::MAX_READABLE_SIZE {
            // Spans are 32-bit offsets: a document this large is kept as the client's text but not
            // analysed (its last diagnostics stay until it shrinks).
            self.client
                .log_message(
                    MessageType::WARNING,
                    "vern: this document is larger than 4 GiB and is no longer checked",
                )
                .await;
            return;
        }
        self.note_version(&uri, version);
        self.edit(move |s| {
            let key = uri.as_str().to_string();
            let Some(doc) = s.docs.get(&key) else { return };
            if doc.version > version {
                return;
            }
            if doc.file.is_stdlib(&s.db) {
                // Read-only: the embedded text stays; the version moves on so diagnostics follow.
                let file = doc.file;
                s.docs.insert(key, Doc { file, version });
                return;
            }
            let path = doc.file.path(&s.db).clone();
            let file = s.db.set_file(&path, text);
            crate::workspace::load_imports(&mut s.db, &[file]);
            s.docs.insert(key, Doc { file, version });
        })
        .await;
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if let Ok(mut v) = self.versions.lock() {
            v.remove(uri.as_str());
        }
        if let Ok(mut t) = self.texts.lock() {
            t.remove(uri.as_str());
        }
        self.client
            .publish_diagnostics(uri.clone(), Vec::new(), None)
            .await;
        self.edit(move |s| {
            if let Some(doc) = s.docs.remove(uri.as_str())
                && !doc.file.is_stdlib(&s.db)
            {
                // The file stays known (others may use it), with its text on disk.
                let path = doc.file.path(&s.db).clone();
                let _ = s.load_from_disk(std::path::Path::new(&path));
            }
        })
        .await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        self.edit(move |s| {
            let mut changed = Vec::new();
            for event in params.changes {
                let Some(path) = event.uri.to_file_path().map(|p| p.into_owned()) else {
                    continue;
                };
                let is_toml = path
                    .file_name()
                    .is_some_and(|n| n == crate::workspace::config::FILE_NAME);
                if is_toml {
                    if event.typ == FileChangeType::DELETED {
                        s.drop_workspace(&path);
                    } else {
                        s.load_workspace(&path);
                    }
                } else if path.extension().is_some_and(|e| e == "vern") {
                    // Open documents follow the editor, not the disk.
                    if event.typ != FileChangeType::DELETED
                        && let Some(f) = s.load_from_disk(&path)
                    {
                        changed.push(f);
                    }
                }
            }
            crate::workspace::load_imports(&mut s.db, &changed);
        })
        .await;
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let pos = params.text_document_position_params;
        self.read(move |db, snap| {
            let file = snap.file(&pos.text_document.uri)?;
            let mut p = Positions::new(db);
            let offset = p.offset(file, pos.position);
            let h = ide::hover(db, file, offset, snap.config_for(file))?;
            Some(Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: h.markdown,
                }),
                range: Some(p.range(file, h.span)),
            })
        })
        .await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let pos = params.text_document_position_params;
        self.read(move |db, snap| {
            let file = snap.file(&pos.text_document.uri)?;
            let mut p = Positions::new(db);
            let target = ide::definition(db, file, p.offset(file, pos.position))?;
            snap.location(&mut p, target.file, target.span)
                .map(GotoDefinitionResponse::Scalar)
        })
        .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let pos = params.text_document_position;
        let include = params.context.include_declaration;
        self.read(move |db, snap| {
            let file = snap.file(&pos.text_document.uri)?;
            let mut p = Positions::new(db);
            let offset = p.offset(file, pos.position);
            let refs = ide::references(db, file, offset, include);
            Some(
                refs.into_iter()
                    .filter_map(|l| snap.location(&mut p, l.file, l.span))
                    .collect(),
            )
        })
        .await
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let pos = params.text_document_position;
        let new_name = params.new_name;
        let result = self
            .read(move |db, snap| {
                let file = snap
                    .file(&pos.text_document.uri)
                    .ok_or_else(|| "unknown document".to_string())?;
                if file.is_stdlib(db) {
                    return Err(READ_ONLY.to_string());
                }
                let offset = Positions::new(db).offset(file, pos.position);
                let edits = ide::rename(db, file, offset, &new_name)?;
                if edits.iter().any(|e| e.file.is_stdlib(db)) {
                    return Err(format!(
                        "the name is declared in the standard library, which is read-only; {READ_ONLY}"
                    ));
                }
                Ok::<_, String>(edits_to_workspace(snap, &edits))
            })
            .await?;
        result.map(Some).map_err(invalid)
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let pos = params.text_document_position;
        self.read(move |db, snap| {
            let file = snap.file(&pos.text_document.uri)?;
            let offset = Positions::new(db).offset(file, pos.position);
            let items = ide::completions(db, file, offset)
                .into_iter()
                .map(|c| CompletionItem {
                    label: c.label,
                    kind: Some(match c.kind {
                        ide::CompletionKind::Keyword => CompletionItemKind::KEYWORD,
                        ide::CompletionKind::Property => CompletionItemKind::PROPERTY,
                        ide::CompletionKind::Name => CompletionItemKind::REFERENCE,
                        ide::CompletionKind::Rule => CompletionItemKind::VALUE,
                        ide::CompletionKind::Module => CompletionItemKind::MODULE,
                    }),
                    detail: Some(c.detail),
                    documentation: (!c.documentation.is_empty()).then_some({
                        Documentation::MarkupContent(MarkupContent {
                            kind: MarkupKind::Markdown,
                            value: c.documentation,
                        })
                    }),
                    ..Default::default()
                })
                .collect();
            Some(CompletionResponse::Array(items))
        })
        .await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let uri = params.text_document.uri;
        self.read(move |db, snap| {
            let file = snap.file(&uri)?;
            let mut p = Positions::new(db);
            #[allow(deprecated)]
            let symbols = ide::document_symbols(db, file)
                .into_iter()
                .map(|s| DocumentSymbol {
                    name: s.name,
                    detail: Some(s.detail),
                    kind: symbol_kind(s.kind),
                    tags: None,
                    deprecated: None,
                    range: p.range(file, s.span),
                    selection_range: p.range(file, s.selection),
                    children: None,
                })
                .collect();
            Some(DocumentSymbolResponse::Nested(symbols))
        })
        .await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        let query = params.query;
        self.read(move |db, snap| {
            let mut p = Positions::new(db);
            #[allow(deprecated)]
            let symbols = ide::workspace_symbols(db, &query)
                .into_iter()
                .filter_map(|s| {
                    Some(SymbolInformation {
                        name: s.name,
                        kind: symbol_kind(s.kind),
                        tags: None,
                        deprecated: None,
                        location: snap.location(&mut p, s.file, s.selection)?,
                        container_name: Some(s.detail),
                    })
                })
                .collect();
            Some(WorkspaceSymbolResponse::Flat(symbols))
        })
        .await
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        let uri = params.text_document.uri;
        self.read(move |db, snap| {
            let file = snap.file(&uri)?;
            let mut p = Positions::new(db);
            let ranges = ide::folding_ranges(db, file)
                .into_iter()
                .map(|span| p.range(file, span))
                .filter(|r| r.end.line > r.start.line)
                .map(|r| FoldingRange {
                    start_line: r.start.line,
                    end_line: r.end.line,
                    kind: Some(FoldingRangeKind::Region),
                    ..Default::default()
                })
                .collect();
            Some(ranges)
        })
        .await
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        let uri = params.text_document.uri;
        self.read(move |db, snap| {
            let file = snap.file(&uri)?;
            let tokens = ide::semantic_tokens(db, file);
            Some(SemanticTokensResult::Tokens(SemanticTokens {
                result_id: None,
                data: encode_tokens(file.text(db), &tokens),
            }))
        })
        .await
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        let uri = params.text_document.uri;
        let result = self
            .read(move |db, snap| {
                let file = snap.file(&uri)?;
                if file.is_stdlib(db) {
                    // Read-only: nothing to change.
                    return Some(Ok(Vec::new()));
                }
                let text = file.text(db);
                let Ok(formatted) = crate::fmt::format(text) else {
                    return Some(Err(()));
                };
                if &formatted == text {
                    return Some(Ok(Vec::new()));
                }
                let whole = crate::syntax::ast::Span::new(0, text.len());
                Some(Ok(vec![TextEdit {
                    range: Positions::new(db).range(file, whole),
                    new_text: formatted,
                }]))
            })
            .await?;
        match result {
            Some(Ok(edits)) => Ok(Some(edits)),
            Some(Err(())) => {
                self.client
                    .log_message(
                        MessageType::INFO,
                        "vern: not formatted, the file has syntax errors",
                    )
                    .await;
                Ok(None)
            }
            None => Ok(None),
        }
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let range = params.range;
        self.read(move |db, snap| {
            let file = snap.file(&uri)?;
            if file.is_stdlib(db) {
                return Some(Vec::new());
            }
            let mut p = Positions::new(db);
            let span = p.span(file, range);
            let config = snap.config_for(file);
            let diags = ide::diagnostics_for(db, file, config);
            let actions = ide::code_actions(db, file, span, &diags, *config.as_of(db))
                .into_iter()
                .filter(|a| !a.edits.iter().any(|e| e.file.is_stdlib(db)))
                .map(|a| {
                    let diagnostics = a.fixes.as_ref().map(|d| {
                        vec![convert::diagnostic(&mut p, d, &|f| snap.uri_of(f), &|c| {
                            snap.explain_uri(c)
                        })]
                    });
                    CodeActionOrCommand::CodeAction(CodeAction {
                        title: a.title,
                        kind: Some(CodeActionKind::QUICKFIX),
                        diagnostics,
                        edit: Some(edits_to_workspace(snap, &a.edits)),
                        is_preferred: Some(a.preferred),
                        ..Default::default()
                    })
                })
                .collect();
            Some(actions)
        })
        .await
    }
}

fn symbol_kind(k: ide::SymbolKind) -> SymbolKind {
    match k {
        ide::SymbolKind::Module => SymbolKind::MODULE,
        ide::SymbolKind::Class => SymbolKind::CLASS,
        ide::SymbolKind::Function => SymbolKind::FUNCTION,
        ide::SymbolKind::Field => SymbolKind::FIELD,
        ide::SymbolKind::Constant => SymbolKind::CONSTANT,
    }
}
