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

/// A vector without the room it grew. A vector that is pushed to or collected from a filter starts
/// with room for four items and doubles; the trees and the policy are kept for as long as a file is
/// open, and on a 27 MB policy that spare room was a quarter of a check's peak memory (heaptrack,
/// issue 14). Shrinking moves the items once, which costs less than the memory it frees.
pub(crate) fn exact<T>(mut list: Vec<T>) -> Vec<T> {
    list.shrink_to_fit();
    list
}
