//! `vern lsp`: the language server, a thin adapter from LSP to `ide` over the shared database.
//!
//! Concurrency: tower-lsp-server may run notification handlers concurrently, so every document
//! carries its version and an edit older than the one applied is dropped. Edits are applied under
//! the state lock (inside `spawn_blocking`); reads work on a snapshot of the database taken under the
//! lock and released before computing, so a later edit cancels them (salsa unwinds with
//! `Cancelled`), and they answer "content modified". Diagnostics are published only if the version
//! they were computed for is still the latest.

mod convert;
mod input;
mod state;

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Mutex};

use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

use crate::db::{Database, SourceFile};
use crate::ide;
use crate::text_index::LineIndex;
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

struct Backend {
    client: Client,
    state: Arc<Mutex<State>>,
    /// The latest version seen per document, kept apart so async code never waits on the database.
    versions: Arc<Mutex<HashMap<String, i32>>>,
}

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

impl Backend {
    fn new(client: Client) -> Self {
        Backend {
            client,
            state: Arc::new(Mutex::new(State::new())),
            versions: Arc::new(Mutex::new(HashMap::new())),
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

    /// Applies an edit (under the lock), then republishes diagnostics for every open document.
    async fn edit(&self, apply: impl FnOnce(&mut State) + Send + 'static) {
        let state = self.state.clone();
        let applied = tokio::task::spawn_blocking(move || {
            let mut guard = state.lock().ok()?;
            apply(&mut guard);
            if std::env::var_os("VERN_LSP_NO_REUSE").is_some() {
                guard.rebuild();
            }
            Some(Snapshot::take(&guard))
        })
        .await;
        if let Ok(Some(snapshot)) = applied {
            self.publish(snapshot).await;
        }
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
                snapshot
                    .docs
                    .iter()
                    .filter(|(uri, _, version)| latest(uri).is_none_or(|l| l == *version))
                    .map(|(uri, file, version)| {
                        let diags = if file.is_stdlib(&snapshot.db) {
                            Vec::new()
                        } else {
                            ide::diagnostics_for(&snapshot.db, *file, snapshot.config)
                        };
                        let lsp: Vec<Diagnostic> = diags
                            .iter()
                            .map(|d| {
                                convert::diagnostic(
                                    &snapshot.db,
                                    d,
                                    &|f| snapshot.uri_of(f),
                                    &|c| snapshot.explain_uri(c),
                                )
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
        self.client
            .log_message(
                MessageType::WARNING,
                format!("vern: ignored a malformed message ({bytes} bytes)"),
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
    config: crate::check::CheckConfig,
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
            config: state.config,
            docs,
            files,
            served: state.served.clone(),
        }
    }

    fn as_state_view(&self) -> StateView<'_> {
        StateView {
            db: &self.db,
            served: self.served.as_deref(),
        }
    }

    fn uri_of(&self, file: SourceFile) -> Option<Uri> {
        self.as_state_view().uri_of(file)
    }

    fn explain_uri(&self, code: &str) -> Option<Uri> {
        Uri::from_file_path(
            self.served
                .as_ref()?
                .join("explain")
                .join(format!("{code}.md")),
        )
    }

    fn file(&self, uri: &Uri) -> Option<SourceFile> {
        if let Some(f) = self.files.get(uri.as_str()) {
            return Some(*f);
        }
        let path = State::path_of(uri);
        if let Some(served) = &self.served
            && let Ok(rest) = std::path::Path::new(&path).strip_prefix(served.join("stdlib"))
        {
            let stem = rest.to_string_lossy().trim_end_matches(".vern").to_string();
            return self.db.stdlib_module(&format!("std.{stem}"));
        }
        self.db.file(&path)
    }

    fn offset(&self, file: SourceFile, pos: Position) -> usize {
        let text = file.text(&self.db);
        convert::offset(text, &LineIndex::new(text), pos)
    }

    fn location(&self, file: SourceFile, span: crate::syntax::ast::Span) -> Option<Location> {
        Some(Location {
            uri: self.uri_of(file)?,
            range: convert::file_range(&self.db, file, span),
        })
    }
}

struct StateView<'a> {
    db: &'a Database,
    served: Option<&'a std::path::Path>,
}

impl StateView<'_> {
    fn uri_of(&self, file: SourceFile) -> Option<Uri> {
        let path = file.path(self.db);
        if file.is_stdlib(self.db) {
            let stem = path.trim_start_matches("<stdlib/").trim_end_matches('>');
            return Uri::from_file_path(self.served?.join("stdlib").join(stem));
        }
        if path.starts_with('/') {
            Uri::from_file_path(path)
        } else {
            path.parse().ok()
        }
    }
}

fn edits_to_workspace(snapshot: &Snapshot, edits: &[ide::Edit]) -> WorkspaceEdit {
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for e in edits {
        let Some(uri) = snapshot.uri_of(e.file) else {
            continue;
        };
        let range = convert::file_range(&snapshot.db, e.file, e.span);
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

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let root = params
            .workspace_folders
            .as_ref()
            .and_then(|f| f.first())
            .and_then(|f| f.uri.to_file_path().map(|p| p.into_owned()));
        #[allow(deprecated)]
        let root = root.or_else(|| {
            params
                .root_uri
                .as_ref()
                .and_then(|u| u.to_file_path().map(|p| p.into_owned()))
        });
        if let Some(root) = root {
            let state = self.state.clone();
            let _ = tokio::task::spawn_blocking(move || {
                if let Ok(mut s) = state.lock() {
                    s.scan(&root);
                }
            })
            .await;
        }
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                text_document_sync: Some(TextDocumentSyncCapability::Kind(
                    TextDocumentSyncKind::FULL,
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
                ..Default::default()
            },
            server_info: Some(ServerInfo {
                name: "vern".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            ..Default::default()
        })
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        self.note_version(&doc.uri, doc.version);
        self.edit(move |s| {
            let path = State::path_of(&doc.uri);
            let file = match s.stdlib_file(&path) {
                Some(std) => std,
                None => {
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
        let Some(change) = params.content_changes.into_iter().last() else {
            return;
        };
        self.note_version(&uri, version);
        self.edit(move |s| {
            let key = uri.as_str().to_string();
            let Some(doc) = s.docs.get(&key) else { return };
            if doc.version > version || doc.file.is_stdlib(&s.db) {
                return;
            }
            let path = doc.file.path(&s.db).clone();
            let file = s.db.set_file(&path, change.text);
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
        self.client
            .publish_diagnostics(uri.clone(), Vec::new(), None)
            .await;
        self.edit(move |s| {
            if let Some(doc) = s.docs.remove(uri.as_str()) {
                // The file stays known (others may use it), with its text on disk.
                let path = doc.file.path(&s.db).clone();
                if let Ok(text) = crate::workspace::read_source(std::path::Path::new(&path)) {
                    s.db.set_file(&path, text);
                }
            }
        })
        .await;
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let pos = params.text_document_position_params;
        self.read(move |db, snap| {
            let file = snap.file(&pos.text_document.uri)?;
            let offset = snap.offset(file, pos.position);
            let h = ide::hover(db, file, offset, snap.config)?;
            Some(Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: h.markdown,
                }),
                range: Some(convert::file_range(db, file, h.span)),
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
            let target = ide::definition(db, file, snap.offset(file, pos.position))?;
            snap.location(target.file, target.span)
                .map(GotoDefinitionResponse::Scalar)
        })
        .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let pos = params.text_document_position;
        let include = params.context.include_declaration;
        self.read(move |db, snap| {
            let file = snap.file(&pos.text_document.uri)?;
            let refs = ide::references(db, file, snap.offset(file, pos.position), include);
            Some(
                refs.into_iter()
                    .filter_map(|l| snap.location(l.file, l.span))
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
                let edits = ide::rename(db, file, snap.offset(file, pos.position), &new_name)?;
                Ok::<_, String>(edits_to_workspace(snap, &edits))
            })
            .await?;
        result.map(Some).map_err(|message| Error {
            code: ErrorCode::InvalidParams,
            message: message.into(),
            data: None,
        })
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let pos = params.text_document_position;
        self.read(move |db, snap| {
            let file = snap.file(&pos.text_document.uri)?;
            let items = ide::completions(db, file, snap.offset(file, pos.position))
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
            #[allow(deprecated)]
            let symbols = ide::document_symbols(db, file)
                .into_iter()
                .map(|s| DocumentSymbol {
                    name: s.name,
                    detail: Some(s.detail),
                    kind: symbol_kind(s.kind),
                    tags: None,
                    deprecated: None,
                    range: convert::file_range(db, file, s.span),
                    selection_range: convert::file_range(db, file, s.selection),
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
            #[allow(deprecated)]
            let symbols = ide::workspace_symbols(db, &query)
                .into_iter()
                .filter_map(|s| {
                    Some(SymbolInformation {
                        name: s.name,
                        kind: symbol_kind(s.kind),
                        tags: None,
                        deprecated: None,
                        location: snap.location(s.file, s.selection)?,
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
            let ranges = ide::folding_ranges(db, file)
                .into_iter()
                .map(|span| convert::file_range(db, file, span))
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

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        let uri = params.text_document.uri;
        let result = self
            .read(move |db, snap| {
                let file = snap.file(&uri)?;
                if file.is_stdlib(db) {
                    return None;
                }
                let text = file.text(db);
                let formatted = crate::fmt::format(text).ok()?;
                if &formatted == text {
                    return Some(Vec::new());
                }
                let whole = crate::syntax::ast::Span::new(0, text.len());
                Some(vec![TextEdit {
                    range: convert::file_range(db, file, whole),
                    new_text: formatted,
                }])
            })
            .await?;
        if result.is_none() {
            self.client
                .log_message(
                    MessageType::INFO,
                    "vern: not formatted, the file has syntax errors",
                )
                .await;
        }
        Ok(result)
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let range = params.range;
        self.read(move |db, snap| {
            let file = snap.file(&uri)?;
            let start = snap.offset(file, range.start);
            let end = snap.offset(file, range.end);
            let diags = ide::diagnostics_for(db, file, snap.config);
            let actions = ide::code_actions(
                db,
                file,
                crate::syntax::ast::Span::new(start, end),
                &diags,
                *snap.config.as_of(db),
            )
            .into_iter()
            .map(|a| {
                let diagnostics = a.fixes.as_ref().map(|d| {
                    vec![convert::diagnostic(db, d, &|f| snap.uri_of(f), &|c| {
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
