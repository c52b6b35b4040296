//! Editor features over the database: diagnostics per file, hover, definition, references, rename,
//! completion, symbols, folding and code actions. Positions are byte offsets and results are plain
//! data; `lsp` converts them to and from the protocol. Nothing here knows about LSP types.

mod actions;
mod complete;
mod goto;
mod hover;
mod hover_words;
pub mod locate;
mod symbols;
mod tokens;
mod workspace;

pub use actions::{Action, code_actions};
pub use complete::{Completion, CompletionKind, completions};
pub use goto::{Location, definition, references, rename};
pub use hover::{Hover, describe, hover};
pub use symbols::{Symbol, SymbolKind, document_symbols, folding_ranges, workspace_symbols};
pub use tokens::{TokenKind, semantic_tokens};
pub use workspace::{context_root, diagnostics_for, roots_for};

pub use crate::diagnostic::Edit;
