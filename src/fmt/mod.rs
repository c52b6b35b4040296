//! The formatter: vern source to the canonical style of docs/style.md. Pure: text in, text out.
//!
//! The syntax tree drops comments (the grammar's `COMMENT` is silent), so formatting works in three
//! steps:
//!
//! 1. `tokens`: the tree is flattened into the tokens the output prints, in source order, each with
//!    its byte span (including the few the tree does not keep: `use`, `is`, language tags, braces),
//!    together with the structure to print them in (declarations and properties, each a head and an
//!    optional block).
//! 2. `trivia`: a lexical scan (which skips strings) finds the comments; each lies in the gap between
//!    two tokens and is attached to the token before it when it is on the same line (a trailing
//!    comment), otherwise to the token after it (an own-line comment, printed on its own line before
//!    that token). The scan also records where the author left blank lines.
//! 3. `layout`: the printer writes the structure with the comments where they were attached.
//!
//! A file with syntax errors is never formatted. Every result is checked before it is returned: it
//! parses without diagnostics to the same tree (spans aside), and holds the same comments. A result
//! that failed the check would be a bug in the formatter; it is reported as an error, never returned.

mod layout;
mod tokens;
mod trivia;

use std::fmt;

use crate::db::{Database, SourceFile};
use crate::syntax::ast::{Atom, Block, Decl, Item, Span, Text, UseTarget};
use crate::syntax::{ParsedFile, parse_text};

/// The spans of the comments in `text`, for the editor's highlighting (none when the text has a
/// comment the formatter refuses, such as one ended by a lone carriage return).
pub fn comment_spans(text: &str) -> Vec<Span> {
    trivia::comments(text)
        .map(|cs| cs.into_iter().map(|c| c.span).collect())
        .unwrap_or_default()
}

/// The widest a line may be before translations and lists are wrapped (strings are never broken).
pub const MAX_WIDTH: usize = 100;

/// Why a text was not formatted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    pub errors: Vec<FormatIssue>,
}

/// One reason: a syntax diagnostic of the file (its code, span and message), or a problem of the
/// formatter itself (code `internal`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatIssue {
    pub code: &'static str,
    pub span: Span,
    pub message: String,
}

impl FormatError {
    fn internal(span: Span, message: impl Into<String>) -> Self {
        FormatError {
            errors: vec![FormatIssue {
                code: "internal",
                span,
                message: message.into(),
            }],
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(
                f,
                "{}[{}..{}]: {}",
                e.code,
                e.span.start(),
                e.span.end(),
                e.message
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for FormatError {}

/// Formats a vern source text. Errors when the text has syntax errors (with the diagnostics' codes,
/// spans and messages), or in the unexpected case that the result would not mean the same.
pub fn format(text: &str) -> Result<String, FormatError> {
    let db = Database::new();
    let file = SourceFile::new(&db, "<fmt>".to_string(), String::new(), false);
    let parsed = parse_text(file, text);
    if !parsed.diagnostics.is_empty() {
        let errors = parsed
            .diagnostics
            .iter()
            .map(|d| FormatIssue {
                code: d.code,
                span: d.primary.span,
                message: d.message.clone(),
            })
            .collect();
        return Err(FormatError { errors });
    }
    let comments = trivia::comments(text).map_err(|(span, m)| FormatError::internal(span, m))?;
    let flat = tokens::flatten(text, &comments, &parsed.decls)
        .map_err(|(span, m)| FormatError::internal(span, m))?;
    let attached = trivia::attach(text, &comments, &flat.toks)
        .map_err(|(span, m)| FormatError::internal(span, m))?;
    let out = layout::print(text, &comments, &flat, &attached);
    verify(file, text, &parsed, &comments, &out)?;
    Ok(out)
}

/// The safety net: the output parses cleanly to the same tree and keeps every comment.
fn verify(
    file: SourceFile,
    text: &str,
    parsed: &ParsedFile,
    comments: &[trivia::Comment],
    out: &str,
) -> Result<(), FormatError> {
    let again = parse_text(file, out);
    if let Some(d) = again.diagnostics.first() {
        return Err(FormatError::internal(
            d.primary.span,
            format!(
                "the formatted text does not parse ({}); please report this",
                d.message
            ),
        ));
    }
    if shape(&parsed.decls) != shape(&again.decls) {
        return Err(FormatError::internal(
            Span::default(),
            "formatting would change the meaning; please report this",
        ));
    }
    let before = comment_texts(text, comments);
    let after = match trivia::comments(out) {
        Ok(c) => comment_texts(out, &c),
        Err((span, m)) => return Err(FormatError::internal(span, m)),
    };
    if before != after {
        return Err(FormatError::internal(
            Span::default(),
            "formatting would lose or move a comment; please report this",
        ));
    }
    Ok(())
}

/// The comments of a text as the formatter writes them, in order.
fn comment_texts(text: &str, comments: &[trivia::Comment]) -> Vec<String> {
    comments
        .iter()
        .map(|c| trivia::comment_text(text, c))
        .collect()
}

/// The tree without spans: two texts whose shapes are equal mean the same.
fn shape(decls: &[Decl]) -> Vec<String> {
    fn text(t: &Text, out: &mut String) {
        for p in &t.parts {
            out.push_str(&format!(" {:?}:{:?}", p.lang, p.value));
        }
    }
    fn block(b: &Block, out: &mut String) {
        out.push_str(" {");
        for i in &b.items {
            item(i, out);
            out.push(';');
        }
        out.push('}');
    }
    fn item(i: &Item, out: &mut String) {
        out.push_str(&format!(" {}", i.key.text));
        for a in &i.args {
            match a {
                Atom::Comma(_) => out.push_str(" ,"),
                Atom::Connector(c, _) => out.push_str(&format!(" {}", c.word())),
                Atom::Text(t) => text(t, out),
                Atom::Date(d, _) => out.push_str(&format!(" {d:?}")),
                Atom::Duration(d, _) => out.push_str(&format!(" {d:?}")),
                Atom::Number(n, _) => out.push_str(&format!(" #{n}")),
                Atom::Path(p) => out.push_str(&format!(" {}", p.text)),
            }
        }
        if let Some(b) = &i.block {
            block(b, out);
        }
    }
    decls
        .iter()
        .map(|d| {
            let mut out = String::new();
            match d {
                Decl::Use(u) => match &u.target {
                    UseTarget::Module(m) => out.push_str(&format!("use {}", m.text)),
                    UseTarget::File(f) => out.push_str(&format!("use {:?}", f.value)),
                },
                Decl::Item(d) => {
                    out.push_str(&d.kind.text);
                    if let Some(n) = &d.name {
                        out.push_str(&format!(" {}", n.text));
                    }
                    if let Some(p) = &d.parent {
                        out.push_str(&format!(" is {}", p.text));
                    }
                    if let Some(t) = &d.text {
                        text(t, &mut out);
                    }
                    if let Some(b) = &d.block {
                        block(b, &mut out);
                    }
                }
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests;
