//! Semantic tokens: what each piece of a file is, for editors that highlight from the language server
//! rather than from a grammar of their own (Helix has no vern grammar). Syntactic: from the parse tree
//! and a lexical scan for comments, so it costs one pass over the file and never waits for resolve.

use crate::db::{Db, SourceFile};
use crate::syntax::ast::{Atom, Block, Connector, Decl, Item, Span, Text, UseTarget};
use crate::syntax::parse;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A declaration kind (`purpose`), `use`, a connector (`is`, `after`, `until`, ...).
    Keyword,
    /// A declared name (`purpose newsletter`).
    Declaration,
    /// A name used: a parent after `is`, an argument (`basis consent`, `uses email`).
    Reference,
    /// A property key (`uses`, `basis`).
    Property,
    /// A standard-library module (`std.no`).
    Module,
    String,
    /// A language tag before a translation (`en "..."`).
    Language,
    /// A date, duration or number.
    Number,
    Operator,
    Comment,
}

impl TokenKind {
    /// Every kind, in the order of the legend the language server announces.
    pub const ALL: [TokenKind; 10] = [
        TokenKind::Keyword,
        TokenKind::Declaration,
        TokenKind::Reference,
        TokenKind::Property,
        TokenKind::Module,
        TokenKind::String,
        TokenKind::Language,
        TokenKind::Number,
        TokenKind::Operator,
        TokenKind::Comment,
    ];
}

/// Every token of `file` with its kind, in source order, none overlapping.
pub fn semantic_tokens(db: &dyn Db, file: SourceFile) -> Vec<(Span, TokenKind)> {
    let text = file.text(db);
    let mut out = Vec::new();
    for d in &parse(db, file).decls {
        match d {
            Decl::Use(u) => {
                out.push((
                    Span::new(u.span.start(), (u.span.start() + 3).min(u.span.end())),
                    TokenKind::Keyword,
                ));
                match &u.target {
                    UseTarget::Module(m) => out.push((m.span, TokenKind::Module)),
                    UseTarget::File(part) => out.push((part.span, TokenKind::String)),
                }
            }
            Decl::Item(d) => {
                out.push((d.kind.span, TokenKind::Keyword));
                if let Some(n) = &d.name {
                    out.push((n.span, TokenKind::Declaration));
                }
                if let Some(p) = &d.parent {
                    if let Some(is) = word_before(text, p.span.start(), "is") {
                        out.push((is, TokenKind::Keyword));
                    }
                    out.push((p.span, TokenKind::Reference));
                }
                if let Some(t) = &d.text {
                    self::text(text, t, &mut out);
                }
                if let Some(b) = &d.block {
                    block(text, b, &mut out);
                }
            }
        }
    }
    out.extend(
        crate::fmt::comment_spans(text)
            .into_iter()
            .map(|s| (s, TokenKind::Comment)),
    );
    out.sort_by_key(|(s, _)| (s.start(), s.end()));
    // A broken declaration can yield overlapping pieces; keep the first of each overlap.
    let mut end = 0;
    out.retain(|(s, _)| {
        let keep = s.start() >= end && s.end() > s.start();
        if keep {
            end = s.end();
        }
        keep
    });
    out
}

fn block(src: &str, b: &Block, out: &mut Vec<(Span, TokenKind)>) {
    for item in &b.items {
        self::item(src, item, out);
    }
}

fn item(src: &str, item: &Item, out: &mut Vec<(Span, TokenKind)>) {
    out.push((item.key.span, TokenKind::Property));
    for a in &item.args {
        match a {
            Atom::Comma(_) => {}
            Atom::Connector(Connector::Plus, s) => out.push((*s, TokenKind::Operator)),
            Atom::Connector(_, s) => out.push((*s, TokenKind::Keyword)),
            Atom::Text(t) => text(src, t, out),
            Atom::Date(_, s) | Atom::Duration(_, s) | Atom::Number(_, s) => {
                out.push((*s, TokenKind::Number));
            }
            Atom::Path(p) => out.push((p.span, TokenKind::Reference)),
        }
    }
    if let Some(b) = &item.block {
        block(src, b, out);
    }
}

fn text(src: &str, t: &Text, out: &mut Vec<(Span, TokenKind)>) {
    for part in &t.parts {
        if let Some(lang) = &part.lang
            && let Some(tag) = word_before(src, part.span.start(), lang)
        {
            out.push((tag, TokenKind::Language));
        }
        out.push((part.span, TokenKind::String));
    }
}

/// The span of `word` just before `at`, blanks between them skipped, if it is there.
fn word_before(src: &str, at: usize, word: &str) -> Option<Span> {
    let head = src.get(..at)?;
    let trimmed = head.trim_end();
    let start = trimmed.len().checked_sub(word.len())?;
    (trimmed.get(start..)? == word).then(|| Span::new(start, trimmed.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Database;

    #[test]
    fn every_piece_gets_its_kind() {
        let mut db = Database::new();
        let src = "use std.no\n// why\npurpose p is newsletter \"Nyhet\" en \"News\" {\n  retain 5y after contract-end\n}\n";
        let file = db.set_file("t.vern", src.to_string());
        let got: Vec<(&str, TokenKind)> = semantic_tokens(&db, file)
            .into_iter()
            .map(|(s, k)| (&src[s.range()], k))
            .collect();
        assert_eq!(
            got,
            vec![
                ("use", TokenKind::Keyword),
                ("std.no", TokenKind::Module),
                ("// why", TokenKind::Comment),
                ("purpose", TokenKind::Keyword),
                ("p", TokenKind::Declaration),
                ("is", TokenKind::Keyword),
                ("newsletter", TokenKind::Reference),
                ("\"Nyhet\"", TokenKind::String),
                ("en", TokenKind::Language),
                ("\"News\"", TokenKind::String),
                ("retain", TokenKind::Property),
                ("5y", TokenKind::Number),
                ("after", TokenKind::Keyword),
                ("contract-end", TokenKind::Reference),
            ]
        );
    }
}
