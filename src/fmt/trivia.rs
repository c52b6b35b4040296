//! Comments and blank lines: the lexical scan that finds the comments (the syntax tree drops them),
//! and their attachment to the tokens around them.

use super::tokens::Tok;
use crate::syntax::ast::Span;

/// A comment in the source: `// ...` (a line comment) or `/* ... */`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Comment {
    pub span: Span,
    pub line: bool,
}

/// What surrounds one token: the own-line comments before it, whether a blank line comes right
/// before it, and the comments after it on its line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TokTrivia {
    pub leading: Vec<Leading>,
    pub blank_before: bool,
    pub trailing: Vec<usize>,
}

/// An own-line comment (an index into the comments) and whether a blank line comes right before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Leading {
    pub comment: usize,
    pub blank_before: bool,
}

/// The trivia of every token, and the own-line comments after the last token.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attached {
    pub toks: Vec<TokTrivia>,
    pub trailer: Vec<Leading>,
}

pub type Problem = (Span, String);

/// The comments of a text, in order. Strings are skipped, as the grammar reads them: `"` to the next
/// `"` that no backslash escapes. A line comment ends before `\n` or `\r\n`; one ended by a lone `\r`
/// (which the grammar takes for the end of the comment but not for a line break) is refused, since
/// the formatter could not keep its meaning.
pub fn comments(text: &str) -> Result<Vec<Comment>, Problem> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() {
                    match b[i] {
                        // The escaped character's first byte is skipped; its other bytes (if any)
                        // are never ASCII, so they cannot be taken for a quote or a backslash.
                        b'\\' => i += 2,
                        b'"' => {
                            i += 1;
                            break;
                        }
                        _ => i += 1,
                    }
                }
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let start = i;
                while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
                if i < b.len() && b[i] == b'\r' && b.get(i + 1) != Some(&b'\n') {
                    return Err((
                        Span::new(start, i + 1),
                        "a line comment ends at a lone carriage return".into(),
                    ));
                }
                out.push(Comment {
                    span: Span::new(start, i),
                    line: true,
                });
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let start = i;
                match text[i + 2..].find("*/") {
                    Some(end) => i = i + 2 + end + 2,
                    None => {
                        return Err((Span::new(start, b.len()), "unclosed block comment".into()));
                    }
                }
                out.push(Comment {
                    span: Span::new(start, i),
                    line: false,
                });
            }
            _ => i += 1,
        }
    }
    Ok(out)
}

/// A comment as the formatter writes it: trailing whitespace removed from each of its lines, line
/// breaks as `\n`.
pub fn comment_text(text: &str, c: &Comment) -> String {
    let raw = &text[c.span.range()];
    if c.line {
        return raw.trim_end().to_string();
    }
    raw.split('\n')
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\u{FEFF}' | ';')
}

/// Attaches every comment to a token. Between two tokens there may only be whitespace, `;` and
/// comments (anything else means the tokens do not cover the text: an error, never a guess). A
/// comment with no line break between it and the token before it trails that token; any other
/// comment is an own-line comment of the token after it (or of the end of the file).
pub fn attach(text: &str, comments: &[Comment], toks: &[Tok]) -> Result<Attached, Problem> {
    let mut out = Attached {
        toks: vec![TokTrivia::default(); toks.len()],
        trailer: Vec::new(),
    };
    let mut ci = 0;
    let mut prev_end = 0;
    for k in 0..=toks.len() {
        let gap_end = toks.get(k).map_or(text.len(), |t| t.span.start());
        if gap_end < prev_end {
            return Err((Span::new(gap_end, prev_end), "tokens overlap".into()));
        }
        let mut pos = prev_end;
        let mut newlines = 0;
        let mut seen_newline = k == 0;
        let mut leading = Vec::new();
        loop {
            let next = comments.get(ci).filter(|c| c.span.start() < gap_end);
            let stop = next.map_or(gap_end, |c| c.span.start());
            if stop < pos {
                return Err((Span::new(stop, pos), "a comment overlaps a token".into()));
            }
            for (off, ch) in text[pos..stop].char_indices() {
                if ch == '\n' {
                    newlines += 1;
                    seen_newline = true;
                } else if !is_space(ch) {
                    let at = pos + off;
                    return Err((
                        Span::new(at, at + ch.len_utf8()),
                        format!("unexpected `{ch}` between tokens"),
                    ));
                }
            }
            let Some(c) = next else { break };
            if c.span.end() > gap_end {
                return Err((c.span, "a comment overlaps a token".into()));
            }
            if seen_newline {
                leading.push(Leading {
                    comment: ci,
                    blank_before: newlines >= 2,
                });
            } else if let Some(prev) = k.checked_sub(1).and_then(|p| out.toks.get_mut(p)) {
                prev.trailing.push(ci);
            }
            newlines = 0;
            pos = c.span.end();
            ci += 1;
        }
        match out.toks.get_mut(k) {
            Some(t) => {
                t.leading = leading;
                t.blank_before = newlines >= 2;
            }
            None => out.trailer = leading,
        }
        if let Some(t) = toks.get(k) {
            prev_end = t.span.end();
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        comments(text)
            .unwrap_or_default()
            .iter()
            .map(|c| &text[c.span.range()])
            .collect()
    }

    #[test]
    fn comments_in_strings_are_not_comments() {
        let text =
            "data a \"// no /* no */\" // yes\n/* also\n yes */ data b \"\\\" // still a string\"";
        assert_eq!(texts(text), ["// yes", "/* also\n yes */"]);
    }

    #[test]
    fn a_line_comment_stops_before_crlf() {
        assert_eq!(texts("data a // c\r\ndata b"), ["// c"]);
        assert!(comments("data a // c\rdata b").is_err());
    }

    #[test]
    fn comment_text_drops_trailing_whitespace_of_each_line() {
        let text = "/* a  \r\n b */ // c  \t";
        let cs = comments(text).unwrap_or_default();
        assert_eq!(comment_text(text, &cs[0]), "/* a\n b */");
        assert_eq!(comment_text(text, &cs[1]), "// c");
    }
}
