//! The syntax tree flattened into the tokens the formatter prints, with their source spans, and the
//! structure to print them in.

use std::collections::HashMap;

use super::trivia::{Comment, Problem};
use crate::syntax::ast::{Atom, Block, Decl, Item, ItemDecl, Span, Text, UseDecl, UseTarget};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// A keyword, name, connector, date, duration or number: printed as written.
    Word,
    Comma,
    /// A language tag before a string.
    Lang,
    Str,
    Open,
    Close,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub span: Span,
    pub kind: TokKind,
    /// A language tag that starts a translation (not the first string of its text): a place where a
    /// long line may break.
    pub translation: bool,
}

/// A declaration or a property: a head (one logical line, as token indices) and an optional block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    pub head: Vec<usize>,
    pub block: Option<BlockNode>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockNode {
    pub open: usize,
    pub items: Vec<Node>,
    pub close: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Flat {
    pub toks: Vec<Tok>,
    pub decls: Vec<Node>,
}

pub fn flatten(text: &str, comments: &[Comment], decls: &[Decl]) -> Result<Flat, Problem> {
    let comment_at_end = comments
        .iter()
        .map(|c| (c.span.end(), c.span.start()))
        .collect();
    let mut b = Builder {
        text,
        comment_at_end,
        toks: Vec::new(),
    };
    let mut nodes = Vec::new();
    for decl in decls {
        nodes.push(match decl {
            Decl::Use(u) => b.use_decl(u)?,
            Decl::Item(d) => b.item_decl(d)?,
        });
    }
    Ok(Flat {
        toks: b.toks,
        decls: nodes,
    })
}

struct Builder<'a> {
    text: &'a str,
    /// Comment start by comment end, to step back over comments.
    comment_at_end: HashMap<usize, usize>,
    toks: Vec<Tok>,
}

impl Builder<'_> {
    fn push(&mut self, span: Span, kind: TokKind) -> usize {
        self.toks.push(Tok {
            span,
            kind,
            translation: false,
        });
        self.toks.len() - 1
    }

    /// A token whose text is known, checked against the source.
    fn expect(&mut self, span: Span, kind: TokKind, want: &str) -> Result<usize, Problem> {
        match self.text.get(span.range()) {
            Some(t) if t == want => Ok(self.push(span, kind)),
            _ => Err((span, format!("expected `{want}` here"))),
        }
    }

    /// The word that ends before `pos`, stepping back over whitespace and comments: the `is` before a
    /// parent, the language tag before a string.
    fn word_before(&self, pos: usize) -> Span {
        let mut p = pos;
        loop {
            if let Some(&start) = self.comment_at_end.get(&p) {
                p = start;
                continue;
            }
            match self.text[..p].chars().next_back() {
                Some(c) if c.is_whitespace() || c == '\u{FEFF}' => p -= c.len_utf8(),
                _ => break,
            }
        }
        let end = p;
        while let Some(c) = self.text[..p].chars().next_back() {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                p -= 1;
            } else {
                break;
            }
        }
        Span::new(p, end)
    }

    fn use_decl(&mut self, u: &UseDecl) -> Result<Node, Problem> {
        let kw = self.expect(
            Span::new(u.span.start(), u.span.start() + 3),
            TokKind::Word,
            "use",
        )?;
        let target = match &u.target {
            UseTarget::Module(m) => self.push(m.span, TokKind::Word),
            UseTarget::File(f) => self.push(f.span, TokKind::Str),
        };
        Ok(Node {
            head: vec![kw, target],
            block: None,
        })
    }

    fn item_decl(&mut self, d: &ItemDecl) -> Result<Node, Problem> {
        let mut head = vec![self.push(d.kind.span, TokKind::Word)];
        if let Some(name) = &d.name {
            head.push(self.push(name.span, TokKind::Word));
        }
        if let Some(parent) = &d.parent {
            let is = self.word_before(parent.span.start());
            head.push(self.expect(is, TokKind::Word, "is")?);
            head.push(self.push(parent.span, TokKind::Word));
        }
        if let Some(text) = &d.text {
            self.text(text, &mut head)?;
        }
        let block = d.block.as_ref().map(|b| self.block(b)).transpose()?;
        Ok(Node { head, block })
    }

    fn text(&mut self, t: &Text, head: &mut Vec<usize>) -> Result<(), Problem> {
        for (i, part) in t.parts.iter().enumerate() {
            if let Some(lang) = &part.lang {
                let span = self.word_before(part.span.start());
                let tag = self.expect(span, TokKind::Lang, lang)?;
                self.toks[tag].translation = i > 0;
                head.push(tag);
            }
            head.push(self.push(part.span, TokKind::Str));
        }
        Ok(())
    }

    fn block(&mut self, b: &Block) -> Result<BlockNode, Problem> {
        let open = self.expect(
            Span::new(b.span.start(), b.span.start() + 1),
            TokKind::Open,
            "{",
        )?;
        let items = b
            .items
            .iter()
            .map(|i| self.item(i))
            .collect::<Result<_, _>>()?;
        let end = b.span.end().saturating_sub(1);
        let close = self.expect(Span::new(end, end + 1), TokKind::Close, "}")?;
        Ok(BlockNode { open, items, close })
    }

    fn item(&mut self, item: &Item) -> Result<Node, Problem> {
        let mut head = vec![self.push(item.key.span, TokKind::Word)];
        for atom in &item.args {
            match atom {
                Atom::Comma(s) => head.push(self.expect(*s, TokKind::Comma, ",")?),
                Atom::Text(t) => self.text(t, &mut head)?,
                other => head.push(self.push(other.span(), TokKind::Word)),
            }
        }
        let block = item.block.as_ref().map(|b| self.block(b)).transpose()?;
        Ok(Node { head, block })
    }
}
