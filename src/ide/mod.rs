//! Editor features over the database: diagnostics per file, hover, definition, references, rename,
//! completion, symbols, folding and code actions. Positions are byte offsets and results are plain
//! data; `lsp` converts them to and from the protocol. Nothing here knows about LSP types.

mod actions;
mod complete;
mod goto;
mod hover;
pub mod locate;
mod symbols;
mod workspace;

pub use actions::{code_actions, Action};
pub use complete::{completions, Completion, CompletionKind};
pub use goto::{definition, references, rename, Location};
pub use hover::{describe, hover, Hover};
pub use symbols::{document_symbols, folding_ranges, workspace_symbols, Symbol, SymbolKind};
pub use workspace::{context_root, diagnostics_for, roots_for};

/// A replacement of `span` in `file` by `text`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Edit {
    pub file: crate::db::SourceFile,
    pub span: crate::syntax::ast::Span,
    pub text: String,
}
