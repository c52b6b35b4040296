//! Cuts a file into top-level chunks before parsing, so that a broken declaration costs only itself.
//!
//! A chunk starts at a line that begins in column 0 with a letter, when no block, string or block
//! comment is open. A line that begins with a top-level declaration keyword in column 0 starts a chunk
//! even inside an unclosed block or string: that is how a missing `}` or `"` is recovered from.

use crate::lang;

/// Byte ranges of the chunks; together they cover the whole text.
pub fn chunks(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut starts = vec![0];
    let mut scan = Scanner::default();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if offset > 0 && starts_declaration(line, &scan) {
            starts.push(offset);
            scan = Scanner::default();
        }
        scan.feed(line);
        offset += line.len();
    }
    let mut ranges: Vec<_> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    if let Some(&last) = starts.last() {
        ranges.push(last..text.len());
    }
    ranges
}

fn starts_declaration(line: &str, scan: &Scanner) -> bool {
    if !line.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return false;
    }
    let word: String = line
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let keyword = lang::is_declaration_kind(&word)
        && line[word.len()..].starts_with([' ', '\t', '\n', '\r', '{']);
    keyword || scan.at_top_level()
}

/// The deepest nesting of `{` in a chunk (outside strings and comments).
pub fn max_depth(text: &str) -> (i32, usize) {
    let mut scan = Scanner::default();
    let mut deepest = (0, 0);
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        scan.feed_tracking(line, offset, &mut deepest);
        offset += line.len();
    }
    deepest
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

    fn feed(&mut self, line: &str) {
        self.feed_tracking(line, 0, &mut (0, 0));
    }

    /// Like `feed`, and records in `deepest` the greatest depth and the offset where it was reached.
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
        chunks(text).into_iter().map(|r| &text[r]).collect()
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
    fn braces_in_strings_and_comments_do_not_count() {
        let text = "data a \"{\" // {\ndata b\n";
        assert_eq!(pieces(text), ["data a \"{\" // {\n", "data b\n"]);
    }
}
