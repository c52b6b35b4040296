//! Cuts a file into top-level chunks before parsing, so that a broken declaration costs only itself.
//!
//! A chunk starts at a line that begins in column 0 with a letter, when no block, string or block
//! comment is open. A line that begins with a top-level declaration keyword in column 0 starts a chunk
//! even inside an unclosed block or string: that is how a missing `}` or `"` is recovered from.

use crate::lang;

/// One top-level chunk: its byte range, and the deepest nesting of `{` in it (outside strings and
/// comments) with the offset, relative to the chunk, where it was reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    pub range: std::ops::Range<usize>,
    pub depth: i32,
    pub deepest_at: usize,
}

/// The chunks of a file; together they cover the whole text. One pass finds both the boundaries and
/// each chunk's depth, so the parser's depth limit costs no second scan.
pub fn chunks(text: &str) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut scan = Scanner::default();
    let mut deepest = (0, 0);
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if offset > 0 && starts_declaration(line, &scan) {
            out.push(Chunk {
                range: start..offset,
                depth: deepest.0,
                deepest_at: deepest.1,
            });
            start = offset;
            scan = Scanner::default();
            deepest = (0, 0);
        }
        scan.feed_tracking(line, offset - start, &mut deepest);
        offset += line.len();
    }
    out.push(Chunk {
        range: start..text.len(),
        depth: deepest.0,
        deepest_at: deepest.1,
    });
    out
}

fn starts_declaration(line: &str, scan: &Scanner) -> bool {
    if !line.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return false;
    }
    let len = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(line.len());
    let keyword = lang::is_declaration_kind(&line[..len])
        && line[len..].starts_with([' ', '\t', '\n', '\r', '{']);
    keyword || scan.at_top_level()
}

/// The `KIND NAME` head of a chunk, read lexically (for a declaration that did not parse). `None` when
/// the chunk does not start with a declaration keyword.
pub fn head(text: &str, base: usize) -> Option<super::BrokenDecl> {
    let word = |from: usize| -> Option<(usize, usize)> {
        let rest = &text[from..];
        let skipped = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let start = from + skipped;
        let len = text[start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
            .unwrap_or(text.len() - start);
        (len > 0).then_some((start, start + len))
    };
    let (ks, ke) = word(0)?;
    let kind = &text[ks..ke];
    if !lang::is_declaration_kind(kind) {
        return None;
    }
    let ident = |(s, e): (usize, usize)| crate::syntax::ast::Ident {
        text: text[s..e].into(),
        span: crate::syntax::ast::Span::new(base + s, base + e),
    };
    let name = word(ke)
        .filter(|&(s, e)| {
            let w = &text[s..e];
            w.starts_with(|c: char| c.is_ascii_alphabetic()) && !lang::is_reserved(w)
        })
        .map(ident);
    Some(super::BrokenDecl {
        kind: ident((ks, ke)),
        name,
        span: crate::syntax::ast::Span::new(base, base + text.len()),
    })
}

/// The offset of the opening `"` of the first string in `text` that runs over a line end and whose
/// line, after the string closes, holds no more than the start of a property (`  org-number "`): the
/// sign of a forgotten `"` rather than a deliberate multi-line text.
pub fn runaway_string(text: &str) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    let mut in_comment = false;
    while let Some((i, c)) = chars.next() {
        if in_comment {
            in_comment = c != '\n';
            continue;
        }
        match c {
            '/' if chars.peek().map(|p| p.1) == Some('/') => in_comment = true,
            '"' => {
                let mut crossed = false;
                let mut close = None;
                while let Some((j, d)) = chars.next() {
                    match d {
                        '\\' => {
                            chars.next();
                        }
                        '\n' => crossed = true,
                        '"' => {
                            close = Some(j);
                            break;
                        }
                        _ => {}
                    }
                }
                let close = close?;
                if crossed {
                    // The closing quote opens a new string on a property line: `  key "`.
                    let line_start = text[..close].rfind('\n').map_or(0, |n| n + 1);
                    let before = text[line_start..close].trim();
                    let looks_like_key = !before.is_empty()
                        && before
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-');
                    if looks_like_key {
                        return Some(i);
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// Lexical state at the end of the lines seen so far.
#[derive(Default)]
struct Scanner {
    depth: i32,
    in_string: bool,
    in_block_comment: bool,
}

impl Scanner {
    fn at_top_level(&self) -> bool {
        self.depth <= 0 && !self.in_string && !self.in_block_comment
    }

    /// Feeds one line, and records in `deepest` the greatest depth and the offset where it was reached.
    fn feed_tracking(&mut self, line: &str, base: usize, deepest: &mut (i32, usize)) {
        let mut chars = line.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if self.in_block_comment {
                if c == '*' && chars.peek().map(|p| p.1) == Some('/') {
                    chars.next();
                    self.in_block_comment = false;
                }
            } else if self.in_string {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => self.in_string = false,
                    _ => {}
                }
            } else {
                match c {
                    '"' => self.in_string = true,
                    '{' => {
                        self.depth += 1;
                        if self.depth > deepest.0 {
                            *deepest = (self.depth, base + i);
                        }
                    }
                    '}' => self.depth -= 1,
                    '/' if chars.peek().map(|p| p.1) == Some('/') => return,
                    '/' if chars.peek().map(|p| p.1) == Some('*') => {
                        chars.next();
                        self.in_block_comment = true;
                    }
                    _ => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        chunks(text).into_iter().map(|c| &text[c.range]).collect()
    }

    #[test]
    fn splits_at_each_declaration() {
        let text = "// head\ndata a\npurpose p {\n  uses a\n}\nrights {\n}\n";
        assert_eq!(
            pieces(text),
            [
                "// head\n",
                "data a\n",
                "purpose p {\n  uses a\n}\n",
                "rights {\n}\n"
            ]
        );
    }

    #[test]
    fn unindented_properties_stay_in_their_block() {
        let text = "controller c {\nname \"x\"\n}\n";
        assert_eq!(pieces(text).len(), 1);
    }

    #[test]
    fn a_missing_brace_is_recovered_at_the_next_keyword() {
        let text = "purpose p {\n  uses a\npurpose q {\n}\n";
        assert_eq!(
            pieces(text),
            ["purpose p {\n  uses a\n", "purpose q {\n}\n"]
        );
    }

    #[test]
    fn an_unclosed_string_is_recovered_at_the_next_keyword() {
        let text = "data a \"open\ndata b\n";
        assert_eq!(pieces(text), ["data a \"open\n", "data b\n"]);
    }

    #[test]
    fn the_head_of_a_broken_declaration_is_read_lexically() {
        let found = head("purpose keep-accounts is bookkeeping \"B\n", 10).expect("a head");
        assert_eq!(found.kind.text, "purpose");
        let name = found.name.expect("a name");
        assert_eq!(
            (name.text.as_str(), name.span.start()),
            ("keep-accounts", 18)
        );
        assert!(head("  uses a\n", 0).is_none());
        assert!(head("purpose \"x\"\n", 0).is_some_and(|h| h.name.is_none()));
    }

    #[test]
    fn a_forgotten_quote_is_found_at_its_string() {
        let text = "controller c {\n  name \"Shop AS\n  email \"a@b.example\"\n}\n";
        assert_eq!(runaway_string(text), text.find('"'));
        let multi = "data d \"one line\n  and the next\" {\n}\n";
        assert_eq!(runaway_string(multi), None);
    }

    #[test]
    fn braces_in_strings_and_comments_do_not_count() {
        let text = "data a \"{\" // {\ndata b\n";
        assert_eq!(pieces(text), ["data a \"{\" // {\n", "data b\n"]);
    }
}
