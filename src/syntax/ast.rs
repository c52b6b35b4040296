//! The owned syntax tree. Spans are byte offsets into the file's text, so the tree can live in the
//! salsa database and be compared for early cut-off. Nothing here knows what a `purpose` is: that is
//! decided by resolve.

use std::fmt;

/// A byte range in one source file, in 32 bits: every span in every tree and IR node, so halving
/// it is a good part of their size. vern reads no file of 4 GiB or more (`workspace::read` caps
/// sources far below that), so an offset always fits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    start: u32,
    end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: offset(start),
            end: offset(end),
        }
    }
    pub fn start(self) -> usize {
        self.start as usize
    }
    pub fn end(self) -> usize {
        self.end as usize
    }
    pub fn len(self) -> usize {
        self.end().saturating_sub(self.start())
    }
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
    pub fn range(self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }
}

/// A byte offset in 32 bits; saturates (never wraps) past 4 GiB, which no source reaches.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// An identifier or dotted path with its span.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Ident {
    pub text: crate::name::Name,
    pub span: Span,
}

impl fmt::Display for Ident {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// One string of a text, in one language (`None`: the file's default language).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TextPart {
    pub lang: Option<String>,
    /// Shared with the texts of the IR lowered from it.
    pub value: std::sync::Arc<str>,
    pub span: Span,
}

/// A human text: a string and its translations.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Text {
    pub parts: Vec<TextPart>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Connector {
    Is,
    After,
    Until,
    As,
    Under,
    For,
    To,
    Via,
    Or,
    When,
    UpTo,
    Plus,
}

impl Connector {
    pub fn from_word(word: &str) -> Option<Connector> {
        Some(match word {
            "is" => Connector::Is,
            "after" => Connector::After,
            "until" => Connector::Until,
            "as" => Connector::As,
            "under" => Connector::Under,
            "for" => Connector::For,
            "to" => Connector::To,
            "via" => Connector::Via,
            "or" => Connector::Or,
            "when" => Connector::When,
            "up-to" => Connector::UpTo,
            "+" => Connector::Plus,
            _ => return None,
        })
    }
    pub fn word(self) -> &'static str {
        match self {
            Connector::Is => "is",
            Connector::After => "after",
            Connector::Until => "until",
            Connector::As => "as",
            Connector::Under => "under",
            Connector::For => "for",
            Connector::To => "to",
            Connector::Via => "via",
            Connector::Or => "or",
            Connector::When => "when",
            Connector::UpTo => "up-to",
            Connector::Plus => "+",
        }
    }
}

/// A length of time as written: `3y6mo` is 42 months. Weeks are kept as days.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Duration {
    pub months: u32,
    pub days: u32,
}

impl Duration {
    /// Days, counting a month as 30.44 days; used only to order mixed durations.
    pub fn approx_days(self) -> u64 {
        u64::from(self.months) * 3044 / 100 + u64::from(self.days)
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, mo) = (self.months / 12, self.months % 12);
        let mut wrote = false;
        if y > 0 {
            write!(f, "{y}y")?;
            wrote = true;
        }
        if mo > 0 {
            write!(f, "{mo}mo")?;
            wrote = true;
        }
        if self.days > 0 || !wrote {
            write!(f, "{}d", self.days)?;
        }
        Ok(())
    }
}

/// A calendar date as written; validity (month 13) is checked by resolve.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RawDate {
    pub year: i16,
    pub month: i8,
    pub day: i8,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Atom {
    Comma(Span),
    Connector(Connector, Span),
    Text(Text),
    Date(RawDate, Span),
    Duration(Duration, Span),
    Number(u64, Span),
    Path(Ident),
}

impl Atom {
    pub fn span(&self) -> Span {
        match self {
            Atom::Comma(s) | Atom::Connector(_, s) | Atom::Date(_, s) => *s,
            Atom::Duration(_, s) | Atom::Number(_, s) => *s,
            Atom::Text(t) => t.span,
            Atom::Path(p) => p.span,
        }
    }
    /// How the atom is named in messages ("expected a date, found a string").
    pub fn describe(&self) -> String {
        match self {
            Atom::Comma(_) => "`,`".into(),
            Atom::Connector(c, _) => format!("`{}`", c.word()),
            Atom::Text(_) => "a string".into(),
            Atom::Date(..) => "a date".into(),
            Atom::Duration(..) => "a duration".into(),
            Atom::Number(..) => "a number".into(),
            Atom::Path(p) => format!("`{}`", p.text),
        }
    }
}

/// `KEY ATOMS* BLOCK?` inside a block.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Item {
    pub key: Ident,
    pub args: Vec<Atom>,
    pub block: Option<Block>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Block {
    pub items: Vec<Item>,
    pub span: Span,
}

/// `use std.no` or `use "file.vern"`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum UseTarget {
    Module(Ident),
    File(TextPart),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct UseDecl {
    pub target: UseTarget,
    pub span: Span,
}

/// `KIND NAME? (is PARENT)? TEXT? BLOCK?`
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ItemDecl {
    pub kind: Ident,
    pub name: Option<Ident>,
    pub parent: Option<Ident>,
    pub text: Option<Text>,
    pub block: Option<Block>,
    pub span: Span,
    /// The name was written as a string (`cookie "_ga"`): its span includes the quotes.
    pub name_quoted: bool,
}

impl ItemDecl {
    pub fn items(&self) -> &[Item] {
        self.block.as_ref().map_or(&[], |b| &b.items)
    }
    /// The span a diagnostic about the whole declaration points at: its head.
    pub fn head_span(&self) -> Span {
        self.name
            .as_ref()
            .map_or(self.kind.span, |n| self.kind.span.cover(n.span))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Decl {
    Use(UseDecl),
    Item(ItemDecl),
}

/// The comments of a file, kept for the formatter and the notices' "why" trail.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Comment {
    pub text: String,
    pub span: Span,
}

/// Moves every span of a tree by `by` bytes: chunks are parsed (and cached) with spans relative to
/// their start, then placed in their file.
pub trait Shift {
    fn shift(&mut self, by: usize);
}

impl Shift for Span {
    fn shift(&mut self, by: usize) {
        *self = Span::new(self.start() + by, self.end() + by);
    }
}

impl Shift for Ident {
    fn shift(&mut self, by: usize) {
        self.span.shift(by);
    }
}

impl Shift for TextPart {
    fn shift(&mut self, by: usize) {
        self.span.shift(by);
    }
}

impl Shift for Text {
    fn shift(&mut self, by: usize) {
        self.span.shift(by);
        self.parts.iter_mut().for_each(|p| p.shift(by));
    }
}

impl Shift for Atom {
    fn shift(&mut self, by: usize) {
        match self {
            Atom::Comma(s)
            | Atom::Connector(_, s)
            | Atom::Date(_, s)
            | Atom::Duration(_, s)
            | Atom::Number(_, s) => s.shift(by),
            Atom::Text(t) => t.shift(by),
            Atom::Path(p) => p.shift(by),
        }
    }
}

impl Shift for Item {
    fn shift(&mut self, by: usize) {
        self.key.shift(by);
        self.args.iter_mut().for_each(|a| a.shift(by));
        if let Some(b) = &mut self.block {
            b.shift(by);
        }
        self.span.shift(by);
    }
}

impl Shift for Block {
    fn shift(&mut self, by: usize) {
        self.items.iter_mut().for_each(|i| i.shift(by));
        self.span.shift(by);
    }
}

impl Shift for Decl {
    fn shift(&mut self, by: usize) {
        match self {
            Decl::Use(u) => {
                match &mut u.target {
                    UseTarget::Module(m) => m.shift(by),
                    UseTarget::File(f) => f.shift(by),
                }
                u.span.shift(by);
            }
            Decl::Item(d) => {
                d.kind.shift(by);
                if let Some(n) = &mut d.name {
                    n.shift(by);
                }
                if let Some(p) = &mut d.parent {
                    p.shift(by);
                }
                if let Some(t) = &mut d.text {
                    t.shift(by);
                }
                if let Some(b) = &mut d.block {
                    b.shift(by);
                }
                d.span.shift(by);
            }
        }
    }
}
