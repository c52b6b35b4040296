//! The printer: the flattened tree and its attached comments, in the canonical style.

use super::MAX_WIDTH;
use super::tokens::{BlockNode, Flat, Node, Tok, TokKind};
use super::trivia::{Attached, Comment, Leading, TokTrivia, comment_text};
use crate::resolve::LANGUAGES;

const INDENT: usize = 2;

pub fn print(text: &str, comments: &[Comment], flat: &Flat, attached: &Attached) -> String {
    let mut p = Printer {
        text,
        comments,
        toks: &flat.toks,
        triv: &attached.toks,
        out: String::new(),
    };
    for (i, decl) in flat.decls.iter().enumerate() {
        // Declarations with a block are set apart by one blank line; runs of one-line declarations
        // (`use` lines, `data x "X"`) keep the author's grouping.
        let first_blank = match i.checked_sub(1).map(|j| &flat.decls[j]) {
            None => Some(false),
            Some(prev) if prev.block.is_some() || decl.block.is_some() => Some(true),
            Some(_) => None,
        };
        p.leading(decl.head[0], 0, first_blank);
        p.node(decl, 0, false, false);
        p.out.push('\n');
    }
    for l in &attached.trailer {
        if l.blank_before && !p.out.is_empty() {
            p.out.push('\n');
        }
        p.comment(l.comment);
        p.out.push('\n');
    }
    p.out
}

struct Printer<'a> {
    text: &'a str,
    comments: &'a [Comment],
    toks: &'a [Tok],
    triv: &'a [TokTrivia],
    out: String,
}

impl Printer<'_> {
    fn tok_text(&self, k: usize) -> &str {
        &self.text[self.toks[k].span.range()]
    }

    fn comment(&mut self, c: usize) {
        let t = comment_text(self.text, &self.comments[c]);
        self.out.push_str(&t);
    }

    fn indent(&mut self, n: usize) {
        self.out.extend(std::iter::repeat_n(' ', n));
    }

    /// The own-line comments before a declaration or property, each on its own line at `indent`, with
    /// the author's blank lines (at most one). `first_blank` overrides the blank line before the first
    /// of them (or before the token itself when there are none).
    fn leading(&mut self, tok: usize, indent: usize, first_blank: Option<bool>) {
        let t = &self.triv[tok];
        let mut elems: Vec<(bool, Option<usize>)> = t
            .leading
            .iter()
            .map(|l| (l.blank_before, Some(l.comment)))
            .collect();
        elems.push((t.blank_before, None));
        if let Some(b) = first_blank {
            elems[0].0 = b;
        }
        for (blank, comment) in elems {
            if blank {
                self.out.push('\n');
            }
            if let Some(c) = comment {
                self.indent(indent);
                self.comment(c);
                self.out.push('\n');
            }
        }
    }

    fn trailing(&mut self, tok: usize) {
        for i in 0..self.triv[tok].trailing.len() {
            self.out.push(' ');
            self.comment(self.triv[tok].trailing[i]);
        }
    }

    /// A declaration (`may_wrap` false: its head stays on one line) or a property at `indent`, from
    /// its first token to the end of its last line (without the final line break).
    fn node(&mut self, node: &Node, indent: usize, may_wrap: bool, semicolon: bool) {
        let mut seq = node.head.clone();
        if let Some(b) = &node.block {
            seq.push(b.open);
        }
        self.indent(indent);
        self.line(&seq, indent, may_wrap, semicolon && node.block.is_none());
        if let Some(b) = &node.block {
            self.block(b, indent);
        }
    }

    /// After the `{`: the properties, the comments before the `}`, and the `}`.
    fn block(&mut self, b: &BlockNode, indent: usize) {
        let inner = indent + INDENT;
        if b.items.is_empty()
            && self.triv[b.open].trailing.is_empty()
            && self.triv[b.close].leading.is_empty()
        {
            self.out.push('}');
            self.trailing(b.close);
            return;
        }
        self.out.push('\n');
        for (i, item) in b.items.iter().enumerate() {
            self.leading(item.head[0], inner, (i == 0).then_some(false));
            let semicolon = self.needs_semicolon(item, b.items.get(i + 1));
            self.node(item, inner, true, semicolon);
            self.out.push('\n');
        }
        let dangling: Vec<Leading> = self.triv[b.close].leading.clone();
        for (j, l) in dangling.iter().enumerate() {
            if l.blank_before && (j > 0 || !b.items.is_empty()) {
                self.out.push('\n');
            }
            self.indent(inner);
            self.comment(l.comment);
            self.out.push('\n');
        }
        self.indent(indent);
        self.out.push('}');
        self.trailing(b.close);
    }

    /// Whether a line break after this property would join the next one to it, so that the two must
    /// stay apart with `;`: a list continues after a trailing comma, and a text continues with a
    /// translation when the next line starts with a language tag and a string.
    fn needs_semicolon(&self, item: &Node, next: Option<&Node>) -> bool {
        let Some(next) = next else { return false };
        let Some(&last) = item.head.last() else {
            return false;
        };
        if item.block.is_some() {
            return false;
        }
        match self.toks[last].kind {
            TokKind::Comma => true,
            TokKind::Str => {
                LANGUAGES.contains(&self.tok_text(next.head[0]))
                    && next
                        .head
                        .get(1)
                        .is_some_and(|&k| self.toks[k].kind == TokKind::Str)
            }
            _ => false,
        }
    }

    fn has_line_comment_after(&self, tok: usize) -> bool {
        self.triv[tok]
            .trailing
            .iter()
            .any(|&c| self.comments[c].line)
    }

    /// The printed width of a token with the block comments that trail it on its line.
    fn width(&self, tok: usize) -> usize {
        let mut w = self.tok_text(tok).chars().count();
        for &c in &self.triv[tok].trailing {
            if !self.comments[c].line {
                w += 1 + comment_text(self.text, &self.comments[c]).chars().count();
            }
        }
        w
    }

    fn spaced(&self, tok: usize) -> usize {
        usize::from(self.toks[tok].kind != TokKind::Comma)
    }

    /// One logical line: the tokens of a head (and its `{`), broken where comments force it and,
    /// when `may_wrap`, where the line would be wider than `MAX_WIDTH`: an overlong line breaks before
    /// every translation, and a line still too long breaks after the commas that let it fill each line
    /// as far as it goes. Continuation lines are indented one step more than the line.
    fn line(&mut self, seq: &[usize], indent: usize, may_wrap: bool, semicolon: bool) {
        let n = seq.len();
        let cont = indent + INDENT;
        let mut breaks: Vec<bool> = (0..n)
            .map(|j| {
                j > 0
                    && (self.has_line_comment_after(seq[j - 1])
                        || !self.triv[seq[j]].leading.is_empty())
            })
            .collect();
        if may_wrap {
            let mut start = 0;
            for j in 1..=n {
                if j < n && !breaks[j] {
                    continue;
                }
                let first_col = if start == 0 { indent } else { cont };
                let width = first_col
                    + self.width(seq[start])
                    + (start + 1..j)
                        .map(|k| self.spaced(seq[k]) + self.width(seq[k]))
                        .sum::<usize>();
                if width > MAX_WIDTH {
                    for k in start + 1..j {
                        if self.toks[seq[k]].translation {
                            breaks[k] = true;
                        }
                    }
                }
                start = j;
            }
            let mut col = indent + self.width(seq[0]);
            for j in 1..n {
                if breaks[j] {
                    col = cont + self.width(seq[j]);
                    continue;
                }
                let step = self.spaced(seq[j]) + self.width(seq[j]);
                if self.toks[seq[j - 1]].kind == TokKind::Comma {
                    let mut run = self.width(seq[j]);
                    let mut k = j + 1;
                    while k < n && !breaks[k] && self.toks[seq[k - 1]].kind != TokKind::Comma {
                        run += self.spaced(seq[k]) + self.width(seq[k]);
                        k += 1;
                    }
                    if col + self.spaced(seq[j]) + run > MAX_WIDTH {
                        breaks[j] = true;
                        col = cont + self.width(seq[j]);
                        continue;
                    }
                }
                col += step;
            }
        }
        for (j, &tok) in seq.iter().enumerate() {
            if j > 0 {
                if breaks[j] {
                    self.out.push('\n');
                    for i in 0..self.triv[tok].leading.len() {
                        self.indent(cont);
                        self.comment(self.triv[tok].leading[i].comment);
                        self.out.push('\n');
                    }
                    self.indent(cont);
                } else if self.spaced(tok) == 1 {
                    self.out.push(' ');
                }
            }
            self.out.push_str(&self.text[self.toks[tok].span.range()]);
            if semicolon && j == n - 1 {
                self.out.push(';');
            }
            self.trailing(tok);
        }
    }
}
