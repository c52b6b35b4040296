//! Step 2 of parsing: one chunk of text to the owned syntax tree, with pest.
//! Only this file touches pest types.

use pest::Parser;
use pest::error::{ErrorVariant, InputLocation};
use pest::iterators::Pair;

use super::ast::*;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/vern.pest"]
struct VernParser;

/// A syntax error at a byte range of the chunk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
    pub found: String,
}

/// A string literal whose escape could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadEscape {
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChunkResult {
    pub decl: Option<Decl>,
    pub error: Option<SyntaxError>,
    pub bad_escapes: Vec<BadEscape>,
}

/// Parses one chunk whose text starts at `base` in the file.
pub fn parse_chunk(text: &str, base: usize) -> ChunkResult {
    let mut lower = Lower {
        base,
        bad_escapes: Vec::new(),
    };
    match VernParser::parse(Rule::chunk, text) {
        Ok(pairs) => {
            let decl = pairs.into_iter().find_map(|pair| lower.decl(pair));
            if let Some(Decl::Item(d)) = &decl
                && let Some(name) = d
                    .name
                    .as_ref()
                    .filter(|n| crate::lang::is_reserved(&n.text))
            {
                let error = SyntaxError {
                    span: name.span,
                    message: format!("expected a name, found `{}`", name.text),
                    found: format!("`{}`", name.text),
                };
                return ChunkResult {
                    decl: None,
                    error: Some(error),
                    bad_escapes: lower.bad_escapes,
                };
            }
            ChunkResult {
                decl,
                error: None,
                bad_escapes: lower.bad_escapes,
            }
        }
        Err(err) => ChunkResult {
            decl: None,
            error: Some(syntax_error(text, base, &err)),
            bad_escapes: vec![],
        },
    }
}

fn syntax_error(text: &str, base: usize, err: &pest::error::Error<Rule>) -> SyntaxError {
    let pos = match err.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    if let Some(unclosed) =
        unclosed_string(text, base, pos).or_else(|| unclosed_brace(text, base, pos))
    {
        return unclosed;
    }
    let found = describe_found(&text[pos..]);
    let expected = match &err.variant {
        ErrorVariant::ParsingError { positives, .. } => expected_list(positives),
        ErrorVariant::CustomError { message } => message.clone(),
    };
    let end = pos + found_len(&text[pos..]);
    let message = if expected.is_empty() {
        format!("unexpected {}", found)
    } else {
        format!("expected {expected}, found {found}")
    };
    SyntaxError {
        span: Span::new(base + pos, base + end),
        message,
        found,
    }
}

/// A string that runs to the end of the declaration: say so, rather than what else was expected.
fn unclosed_string(text: &str, base: usize, pos: usize) -> Option<SyntaxError> {
    let rest = text.get(pos..)?;
    if !rest.starts_with('"') {
        return None;
    }
    let mut escaped = false;
    for c in rest[1..].chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return None,
            _ => escaped = false,
        }
    }
    let line_end = rest.find('\n').unwrap_or(rest.len());
    Some(SyntaxError {
        span: Span::new(base + pos, base + pos + line_end),
        message: "unclosed string".into(),
        found: "`\"`".into(),
    })
}

/// An error at the very end of a chunk with a `{` still open: the chunker cut the declaration at the
/// next keyword, so point at the brace that was never closed.
fn unclosed_brace(text: &str, base: usize, pos: usize) -> Option<SyntaxError> {
    let rest = text.get(pos..)?;
    let only_trivia = rest.lines().all(|l| {
        let t = l.trim();
        t.is_empty() || t.starts_with("//")
    });
    if !only_trivia {
        return None;
    }
    let mut open = Vec::new();
    let mut in_string = false;
    let mut chars = text[..pos].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if in_string => {
                chars.next();
            }
            '"' => in_string = !in_string,
            '/' if !in_string && chars.peek().is_some_and(|(_, n)| *n == '/') => {
                while chars.peek().is_some_and(|(_, n)| *n != '\n') {
                    chars.next();
                }
            }
            '{' if !in_string => open.push(i),
            '}' if !in_string => {
                open.pop();
            }
            _ => {}
        }
    }
    let brace = *open.last()?;
    Some(SyntaxError {
        span: Span::new(base + brace, base + brace + 1),
        message: "unclosed `{`".into(),
        found: "end of line".into(),
    })
}

fn found_len(rest: &str) -> usize {
    let word: usize = rest
        .char_indices()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '-' || *c == '_')
        .map(|(_, c)| c.len_utf8())
        .sum();
    if word > 0 {
        word
    } else {
        rest.chars()
            .next()
            .map_or(0, |c| if c == '\n' { 0 } else { c.len_utf8() })
    }
}

fn describe_found(rest: &str) -> String {
    match rest.chars().next() {
        None => "end of file".into(),
        Some('\n') | Some('\r') => "end of line".into(),
        Some(_) => format!("`{}`", &rest[..found_len(rest)]),
    }
}

fn expected_list(rules: &[Rule]) -> String {
    let mut names: Vec<&str> = Vec::new();
    let atoms = rules
        .iter()
        .filter(|r| {
            matches!(
                r,
                Rule::text | Rule::date | Rule::duration | Rule::number | Rule::path
            )
        })
        .count();
    for rule in rules {
        let name = match rule {
            Rule::text | Rule::date | Rule::duration | Rule::number | Rule::path if atoms >= 3 => {
                "a value"
            }
            Rule::comma | Rule::lang | Rule::bare_lang if atoms >= 3 => continue,
            Rule::connector if atoms >= 3 => continue,
            other => rule_name(*other),
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}

fn rule_name(rule: Rule) -> &'static str {
    match rule {
        Rule::item_decl | Rule::use_decl | Rule::kind | Rule::cookie_kind => "a declaration",
        Rule::quoted_name => "a string",
        Rule::name | Rule::ident => "a name",
        Rule::parent | Rule::kw_is => "`is`",
        Rule::text | Rule::string => "a string",
        Rule::lang => "a language tag",
        Rule::block | Rule::lbrace => "`{`",
        Rule::rbrace => "`}`",
        Rule::item | Rule::key => "a property",
        Rule::comma => "`,`",
        Rule::connector | Rule::plus => "a connector word",
        Rule::date => "a date",
        Rule::duration | Rule::unit => "a duration",
        Rule::number => "a number",
        Rule::path => "a name",
        Rule::module_path => "a module name or a file path",
        Rule::EOI => "end of line",
        _ => "end of line",
    }
}

struct Lower {
    base: usize,
    bad_escapes: Vec<BadEscape>,
}

impl Lower {
    fn span(&self, pair: &Pair<Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.base + s.start(), self.base + s.end())
    }

    fn ident(&self, pair: &Pair<Rule>) -> Ident {
        Ident {
            text: pair.as_str().into(),
            span: self.span(pair),
        }
    }

    fn decl(&mut self, pair: Pair<Rule>) -> Option<Decl> {
        match pair.as_rule() {
            Rule::use_decl => Some(Decl::Use(self.use_decl(pair))),
            Rule::item_decl => Some(Decl::Item(self.item_decl(pair))),
            _ => None,
        }
    }

    fn use_decl(&mut self, pair: Pair<Rule>) -> UseDecl {
        let span = self.span(&pair);
        let mut target = UseTarget::Module(Ident {
            text: String::new().into(),
            span,
        });
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::module_path => target = UseTarget::Module(self.ident(&inner)),
                Rule::string => target = UseTarget::File(self.string(&inner, None)),
                _ => {}
            }
        }
        UseDecl { target, span }
    }

    fn item_decl(&mut self, pair: Pair<Rule>) -> ItemDecl {
        let span = self.span(&pair);
        let mut decl = ItemDecl {
            kind: Ident {
                text: String::new().into(),
                span,
            },
            name: None,
            parent: None,
            text: None,
            block: None,
            span,
            name_quoted: false,
        };
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::kind | Rule::cookie_kind => decl.kind = self.ident(&inner),
                Rule::name => decl.name = Some(self.ident(&inner)),
                // The name is the string's value; its span keeps the quotes, so the formatter and the
                // editor show it as written.
                Rule::quoted_name => {
                    let span = self.span(&inner);
                    let value = inner
                        .into_inner()
                        .next()
                        .map(|s| self.string(&s, None).value)
                        .unwrap_or_default();
                    decl.name = Some(Ident {
                        text: crate::name::Name::new(&value),
                        span,
                    });
                    decl.name_quoted = true;
                }
                Rule::parent => {
                    decl.parent = inner
                        .into_inner()
                        .find(|p| p.as_rule() == Rule::path)
                        .map(|p| self.ident(&p))
                }
                Rule::text => decl.text = Some(self.text(inner)),
                Rule::block => decl.block = Some(self.block(inner)),
                _ => {}
            }
        }
        decl
    }

    fn block(&mut self, pair: Pair<Rule>) -> Block {
        let span = self.span(&pair);
        let items = pair
            .into_inner()
            .filter(|p| p.as_rule() == Rule::item)
            .map(|p| self.item(p))
            .collect();
        Block {
            items: crate::exact(items),
            span,
        }
    }

    fn item(&mut self, pair: Pair<Rule>) -> Item {
        let span = self.span(&pair);
        let mut key = Ident {
            text: String::new().into(),
            span,
        };
        let mut args = Vec::new();
        let mut block = None;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::key => key = self.ident(&inner),
                Rule::block => block = Some(self.block(inner)),
                _ => {
                    if let Some(atom) = self.atom(inner) {
                        args.push(atom);
                    }
                }
            }
        }
        // The pair's span can reach over a trailing comment; the item ends with its last part.
        let end = block
            .as_ref()
            .map(|b| b.span.end())
            .or_else(|| args.last().map(|a| a.span().end()))
            .unwrap_or(key.span.end());
        let span = Span::new(span.start(), end.max(key.span.end()));
        Item {
            key,
            args: crate::exact(args),
            block,
            span,
        }
    }

    fn atom(&mut self, pair: Pair<Rule>) -> Option<Atom> {
        let span = self.span(&pair);
        Some(match pair.as_rule() {
            Rule::comma => Atom::Comma(Span::new(span.start(), span.start() + 1)),
            Rule::connector => Atom::Connector(Connector::from_word(pair.as_str())?, span),
            Rule::text => Atom::Text(self.text(pair)),
            Rule::date => Atom::Date(parse_date(pair.as_str())?, span),
            Rule::duration => Atom::Duration(parse_duration(pair.as_str()), span),
            Rule::number => Atom::Number(pair.as_str().parse().unwrap_or(u64::MAX), span),
            Rule::path | Rule::bare_lang => Atom::Path(self.ident(&pair)),
            _ => return None,
        })
    }

    fn text(&mut self, pair: Pair<Rule>) -> Text {
        let span = self.span(&pair);
        // Nearly every text is one string.
        let mut parts = Vec::with_capacity(1);
        let mut lang = None;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::lang => lang = Some(inner.as_str().to_string()),
                Rule::string => {
                    let part = self.string(&inner, lang.take());
                    parts.push(part);
                }
                _ => {}
            }
        }
        // The pair's own span can reach over trailing comments; the strings bound the text.
        let span = match (parts.first(), parts.last()) {
            (Some(first), Some(last)) => first.span.cover(last.span),
            _ => span,
        };
        Text {
            parts: crate::exact(parts),
            span,
        }
    }

    fn string(&mut self, pair: &Pair<Rule>, lang: Option<String>) -> TextPart {
        let span = self.span(pair);
        let raw = pair.as_str();
        let inner = &raw[1..raw.len().saturating_sub(1).max(1)];
        let value = match unescape(inner) {
            Some(v) => v,
            None => {
                self.bad_escapes.push(BadEscape { span });
                inner.to_string()
            }
        };
        TextPart {
            lang,
            value: value.into(),
            span,
        }
    }
}

fn unescape(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            '"' => out.push('"'),
            '\\' => out.push('\\'),
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'u' => {
                let rest: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let hex = rest.strip_prefix('{')?;
                let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
                // An escaped direction override would reach the notice as surely as a raw one.
                if super::is_bidi_control(c) {
                    return None;
                }
                out.push(c);
            }
            _ => return None,
        }
    }
    Some(out)
}

fn parse_date(s: &str) -> Option<RawDate> {
    let mut it = s.split('-');
    Some(RawDate {
        year: it.next()?.parse().ok()?,
        month: it.next()?.parse().ok()?,
        day: it.next()?.parse().ok()?,
    })
}

fn parse_duration(s: &str) -> Duration {
    let mut d = Duration::default();
    let mut n: u32 = 0;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(digit) = c.to_digit(10) {
            n = n.saturating_mul(10).saturating_add(digit);
            continue;
        }
        match c {
            'y' => d.months = d.months.saturating_add(n.saturating_mul(12)),
            'm' => {
                chars.next(); // the `o` of `mo`
                d.months = d.months.saturating_add(n);
            }
            'w' => d.days = d.days.saturating_add(n.saturating_mul(7)),
            _ => d.days = d.days.saturating_add(n),
        }
        n = 0;
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_combine_units() {
        assert_eq!(
            parse_duration("3y6mo"),
            Duration {
                months: 42,
                days: 0
            }
        );
        assert_eq!(
            parse_duration("2w3d"),
            Duration {
                months: 0,
                days: 17
            }
        );
    }

    #[test]
    fn escapes_are_decoded_and_bad_ones_rejected() {
        assert_eq!(unescape(r#"a\"b\u{E6}"#).as_deref(), Some("a\"bæ"));
        assert_eq!(unescape(r"\q"), None);
    }
}
