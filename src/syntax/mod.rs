//! Stage 1, syntax: source text to an owned syntax tree with spans.
//!
//! Input: a `SourceFile`. Output: `ParsedFile`, the declarations that parsed and the diagnostics of
//! those that did not (`syntax-error`, `invalid-literal`). Parsing never fails: the file is cut into
//! top-level chunks (`chunk`), each parsed on its own (`parser`), so one broken declaration is
//! reported and skipped while the rest are read.

pub mod ast;
mod chunk;
mod parser;

use crate::db::SourceFile;
use crate::diagnostic::{Diagnostic, Label, codes};
use ast::{Decl, Span};

/// The deepest nesting of blocks the parser accepts. Real policies nest three levels; the limit keeps
/// hostile input from exhausting the parser's stack.
pub const MAX_DEPTH: i32 = 32;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedFile {
    pub decls: Vec<Decl>,
    /// The byte range of the chunk each of `decls` was cut from (the editor lowers each declaration
    /// on its own, from its chunk's text: `resolve::lower_declaration`).
    pub decl_ranges: Vec<std::ops::Range<usize>>,
    /// Declarations that did not parse, by their head as far as it can be read: resolution still
    /// knows their names and kinds, so one syntax error does not turn every reference into another.
    pub broken: Vec<BrokenDecl>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The head (`KIND NAME`) of a declaration that did not parse.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BrokenDecl {
    pub kind: ast::Ident,
    pub name: Option<ast::Ident>,
    /// The whole chunk the declaration was cut from.
    pub span: Span,
}

// `no_eq`: after an edit the file's tree differs (its spans moved, if nothing else), so comparing
// the old and new trees to reuse dependents only costs a walk of both.
#[salsa::tracked(returns(ref), no_eq)]
pub fn parse(db: &dyn crate::db::Db, file: SourceFile) -> ParsedFile {
    if !db.caches_chunks() {
        return parse_text(file, file.text(db));
    }
    let text = file.text(db);
    let parsed = chunk::chunks(text)
        .into_iter()
        .map(|c| {
            let outcome = too_deep(&c).unwrap_or_else(|| {
                Outcome::Parsed(
                    parse_chunk_cached(db, ChunkText::new(db, &text[c.range.clone()])).clone(),
                )
            });
            (c.range, outcome)
        })
        .collect();
    assemble(file, text, parsed)
}

/// A declaration's text, interned: an edit re-parses only the chunks whose text changed.
#[salsa::interned(debug)]
pub(crate) struct ChunkText<'db> {
    #[returns(ref)]
    pub text: String,
}

/// One chunk parsed with spans relative to its start, cached by its text.
#[salsa::tracked(returns(ref))]
pub(crate) fn parse_chunk_cached<'db>(
    db: &'db dyn salsa::Database,
    chunk: ChunkText<'db>,
) -> parser::ChunkResult {
    parser::parse_chunk(chunk.text(db), 0)
}

/// Parses text without a database (no chunk cache): for tools that need a tree once.
///
/// Declarations are independent chunks, so a large file's chunks are parsed in parallel (rayon);
/// below `PARALLEL_BYTES` the pool's hand-off costs more than it saves.
pub fn parse_text(file: SourceFile, text: &str) -> ParsedFile {
    use rayon::prelude::*;
    let parse_one = |c: chunk::Chunk| {
        let outcome = too_deep(&c)
            .unwrap_or_else(|| Outcome::Parsed(parser::parse_chunk(&text[c.range.clone()], 0)));
        (c.range, outcome)
    };
    let chunks = chunk::chunks(text);
    let parsed = if text.len() < PARALLEL_BYTES {
        chunks.into_iter().map(parse_one).collect()
    } else {
        chunks.into_par_iter().map(parse_one).collect()
    };
    assemble(file, text, parsed)
}

/// The size from which `parse_text` parses chunks in parallel (measured: at 32 KB, 1k lines, the
/// parallel parse is already faster on two cores).
const PARALLEL_BYTES: usize = 32 * 1024;

/// One chunk, parsed with spans relative to its start, or refused for its depth.
// Nearly every chunk is `Parsed`: boxing it would add an allocation per declaration to save space
// only in the rare refused one.
#[allow(clippy::large_enum_variant)]
enum Outcome {
    TooDeep { depth: i32, at: usize },
    Parsed(parser::ChunkResult),
}

fn too_deep(chunk: &chunk::Chunk) -> Option<Outcome> {
    (chunk.depth > MAX_DEPTH).then_some(Outcome::TooDeep {
        depth: chunk.depth,
        at: chunk.deepest_at,
    })
}

/// Places each chunk's result in the file (absolute spans) and turns its errors into diagnostics, in
/// file order.
fn assemble(
    file: SourceFile,
    text: &str,
    parsed: Vec<(std::ops::Range<usize>, Outcome)>,
) -> ParsedFile {
    // Nearly every chunk is a declaration: room for all of them, not a list grown by doubling.
    let mut decls = Vec::with_capacity(parsed.len());
    let mut decl_ranges = Vec::with_capacity(parsed.len());
    let mut broken = Vec::new();
    let mut diagnostics = Vec::new();
    for (range, outcome) in parsed {
        let mut result = match outcome {
            Outcome::Parsed(result) => result,
            Outcome::TooDeep { depth, at } => {
                let span = Span::new(range.start + at, range.start + at + 1);
                diagnostics.push(
                    Diagnostic::error(
                        codes::SYNTAX_ERROR,
                        format!("blocks are nested {depth} deep; at most {MAX_DEPTH} are allowed"),
                        Label::new(file, span, "too deep"),
                    )
                    .with_help("vern declarations nest a few levels at most: check for stray `{`"),
                );
                continue;
            }
        };
        let base = range.start;
        if let Some(d) = &mut result.decl {
            ast::Shift::shift(d, base);
        }
        if let Some(e) = &mut result.error {
            ast::Shift::shift(&mut e.span, base);
            // A string may span lines, so a missing `"` shows only where the text after it fails to
            // parse: point at the string that ran on instead.
            if let Some(open) = chunk::runaway_string(&text[range.clone()])
                && base + open < e.span.start()
                && e.message != "unclosed string"
            {
                *e = parser::SyntaxError {
                    span: Span::new(base + open, base + open + 1),
                    message: "a string runs on past the end of its line".into(),
                    found: "unclosed string".into(),
                };
            }
        }
        result
            .bad_escapes
            .iter_mut()
            .for_each(|b| ast::Shift::shift(&mut b.span, base));
        let head = (result.decl.is_none() && result.error.is_some())
            .then(|| chunk::head(&text[range.clone()], base))
            .flatten();
        if let Some(d) = result.decl {
            decls.push(d);
            decl_ranges.push(range.clone());
        }
        if let Some(err) = result.error {
            let fix = head
                .as_ref()
                .and_then(|h| label_before_is_fix(file, text, h, &err));
            let d = syntax_diagnostic(file, err);
            diagnostics.push(match fix {
                Some(edit) => d.with_mechanical_fix("Move `is PARENT` before the label", edit),
                None => d,
            });
        }
        broken.extend(head);
        for bad in result.bad_escapes {
            diagnostics.push(
                Diagnostic::error(
                    codes::INVALID_LITERAL,
                    "invalid escape in string",
                    Label::new(file, bad.span, "here"),
                )
                .with_help("the escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\u{HEX}` (not for bidirectional controls)"),
            );
        }
    }
    diagnostics.extend(bidi_controls(file, text));
    ParsedFile {
        decls,
        decl_ranges,
        broken,
        diagnostics,
    }
}

/// Unicode's explicit embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they make text
/// display in another order than it is stored (CVE-2021-42574).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A `text-direction-codepoint` error for each bidirectional control in the file, in strings and
/// comments alike.
fn bidi_controls(file: SourceFile, text: &str) -> Vec<Diagnostic> {
    text.char_indices()
        .filter(|&(_, c)| is_bidi_control(c))
        .map(|(i, c)| {
            let span = Span::new(i, i + c.len_utf8());
            Diagnostic::error(
                codes::TEXT_DIRECTION_CODEPOINT,
                format!(
                    "a bidirectional control character (U+{:04X}) would make this text read differently from how it displays",
                    u32::from(c)
                ),
                Label::new(file, span, format!("an invisible U+{:04X}", u32::from(c))),
            )
            .with_help("remove it: notices set the text direction themselves")
        })
        .collect()
}

fn syntax_diagnostic(file: SourceFile, err: parser::SyntaxError) -> Diagnostic {
    let label = match err.message.as_str() {
        "unclosed `{`" => "this block is never closed",
        "unclosed string" => "this string is never closed",
        "a string runs on past the end of its line" => "this string is not closed on its line",
        _ if err.found == "end of line" || err.found == "end of file" => {
            "the declaration stops here"
        }
        _ => "unexpected here",
    };
    let help = syntax_help(&err.message).or_else(|| reserved_help(&err.found));
    Diagnostic::error(
        codes::SYNTAX_ERROR,
        err.message,
        Label::new(file, err.span, label),
    )
    .with_note("the rest of this declaration is skipped; the next declaration is read as usual")
    .with_help_opt(help)
}

/// `data shoe-size "Skostørrelse" is shoe-data {` -> `data shoe-size is shoe-data "Skostørrelse" {`:
/// the same words in the order the grammar reads, so the fix changes nothing but the order.
fn label_before_is_fix(
    file: SourceFile,
    text: &str,
    head: &BrokenDecl,
    err: &parser::SyntaxError,
) -> Option<crate::diagnostic::Edit> {
    if err.found != "`is`" {
        return None;
    }
    let name_end = head.name.as_ref()?.span.end();
    let labels = text.get(name_end..err.span.start())?.trim();
    if labels.is_empty() || !labels.starts_with('"') || labels.contains(['\n', '{', '}']) {
        return None;
    }
    let after_is = err.span.end();
    let rest = text.get(after_is..)?;
    let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let parent_len = rest[gap..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
        .unwrap_or(rest.len() - gap);
    if gap == 0 || parent_len == 0 {
        return None;
    }
    let parent_end = after_is + gap + parent_len;
    let parent = &text[after_is + gap..parent_end];
    Some(crate::diagnostic::Edit {
        file,
        span: Span::new(name_end, parent_end),
        text: format!(" is {parent} {labels}"),
    })
}

/// A hint for the syntax mistakes people make most.
fn syntax_help(message: &str) -> Option<String> {
    if message == "unclosed `{`" {
        return Some("add the missing `}`; the next declaration was read on its own".into());
    }
    if message == "a string runs on past the end of its line" {
        return Some(
            "add the missing `\"` at the end of the text; the text after it could not be read"
                .into(),
        );
    }
    if message == "unclosed string" {
        return Some("add the missing `\"`; the next declaration was read on its own".into());
    }
    if message.contains("found `\"`")
        || message.ends_with("found end of file") && message.contains("`}`")
    {
        return Some("check for an unclosed `{` or `\"` above".into());
    }
    if message.contains("expected a value") && message.contains("end of line") {
        return Some("a list continues on the next line only after a trailing `,`; remove the last `,` if the list ends here".into());
    }
    None
}

fn reserved_help(found: &str) -> Option<String> {
    let word = found.trim_matches('`');
    if word == "is" {
        return Some(
            "`is PARENT` goes right after the name, before the label: `subject shop-customer is customer \"Kunde\" en \"Customer\"`".into(),
        );
    }
    crate::lang::is_reserved(word).then(|| {
        format!("`{word}` is a reserved word (a connector or a language tag); choose another name")
    })
}

/// The span of the whole file, for diagnostics about a file rather than a place in it.
pub fn file_start() -> Span {
    Span::new(0, 0)
}

/// Parses one declaration's text without a file or database, for embedded data read lazily (the
/// cookie registry, `sema::registry`): the declaration, or `None` when it does not parse.
pub fn parse_one_decl(text: &str) -> Option<ast::Decl> {
    let result = parser::parse_chunk(text, 0);
    if result.error.is_some() || !result.bad_escapes.is_empty() {
        return None;
    }
    result.decl
}
