//! vern: a compiler for privacy policies written as code.
//!
//! The stages, in the order data flows through them:
//! source -> [`syntax`] -> [`resolve`] -> [`check`] -> [`ir`] -> [`emit`].
//! Around them: [`diagnostic`] (the one diagnostic type and its renderers), [`db`] (the salsa
//! database), [`stdlib`] (the embedded standard library), [`lang`] (the shape of the language), and
//! [`cli`] (the only place that touches the file system).

pub mod lang;
pub mod text_index;
pub mod db;
pub mod stdlib;
pub mod diagnostic;
pub mod syntax;
pub mod fmt;
pub mod ir;
pub mod resolve;
pub mod check;
pub mod diff;
pub mod emit;
pub mod generate;
pub mod ide;
pub mod lsp;
pub mod cli;
