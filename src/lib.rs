//! vern: a compiler for privacy policies written as code.
//!
//! The stages, in the order data flows through them:
//! source -> [`syntax`] -> [`resolve`] -> [`check`] -> [`ir`] -> [`emit`].
//! Around them: [`diagnostic`] (the one diagnostic type and its renderers), [`db`] (the salsa
//! database), [`stdlib`] (the embedded standard library), [`lang`] (the shape of the language), and
//! [`cli`] (the only place that touches the file system).

/// `eprintln!` that does not panic: a message to a closed stderr (`vern ... 2>&1 | head`) is
/// dropped, as a closed stdout ends the output quietly (`cli::write_stdout`).
macro_rules! errln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// `eprint!` that does not panic (see `errln!`).
macro_rules! errout {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($arg)*);
    }};
}

pub mod check;
pub mod cli;
pub mod db;
pub mod diagnostic;
pub mod diff;
pub mod emit;
pub mod evidence;
pub mod fmt;
pub mod generate;
pub mod ide;
pub mod ir;
// The pest parser is built without its `std` feature (its per-call stack probe costs a sixth of the
// parse time; `syntax` bounds nesting itself), and its generated code names `alloc`.
extern crate alloc;

pub mod lang;
pub mod lsp;
pub mod name;
pub mod registry;
pub mod resolve;
pub mod sema;
pub mod stdlib;
pub mod syntax;
pub mod text_index;
pub mod workspace;
