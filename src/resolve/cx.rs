//! The lowering context: reads a declaration's properties and arguments, checks their shape against
//! `lang`, resolves names and collects diagnostics.

use crate::db::SourceFile;
use crate::diagnostic::{Diagnostic, Label, codes};
use crate::ir::{Date, Loc, Ref, Text};
use crate::lang::{Kind, Prop};
use crate::syntax::ast::{self, Atom, Connector, Ident, Item, Span};

use super::scope::{Scope, did_you_mean};

pub struct Cx<'a> {
    pub file: SourceFile,
    pub scope: &'a Scope<'a>,
    /// The language of untagged strings.
    pub default_lang: &'a str,
    /// The policy's languages, to warn about texts in others; `None` for the stdlib.
    pub languages: Option<&'a [String]>,
    pub diags: &'a mut Vec<Diagnostic>,
    /// The name of the declaration being lowered, when the policy's symbol of that name is this
    /// declaration (not a later duplicate): `is NAME` then skips it (`resolve_skipping`).
    pub own: Option<&'a str>,
}

impl Cx<'_> {
    pub fn loc(&self, span: Span) -> Loc {
        Loc {
            file: self.file,
            span,
        }
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    pub fn error(
        &mut self,
        code: &'static str,
        message: impl Into<String>,
        span: Span,
        label: impl Into<String>,
    ) {
        let d = Diagnostic::error(code, message, Label::new(self.file, span, label));
        self.diags.push(d);
    }

    pub fn invalid_args(&mut self, item: &Item, takes: &str, span: Span, found: &str) {
        let d = Diagnostic::error(
            codes::INVALID_ARGUMENTS,
            format!("`{}` takes {}", item.key.text, takes),
            Label::new(self.file, span, format!("found {found}")),
        );
        self.diags.push(d);
    }

    pub fn text(&mut self, text: &ast::Text) -> Text {
        let mut out = Text {
            loc: Some(self.loc(text.span)),
            ..Text::default()
        };
        for part in &text.parts {
            let lang = part.lang.as_deref().unwrap_or(self.default_lang);
            if let (Some(langs), Some(tag)) = (self.languages, &part.lang)
                && !langs.iter().any(|l| l == tag)
            {
                let d = Diagnostic::warning(
                    codes::UNKNOWN_LANGUAGE,
                    format!("text in `{tag}`, which the policy does not declare"),
                    Label::new(self.file, part.span, "never shown in a notice"),
                )
                .with_help(format!(
                    "add `{tag}` to `languages` in the `policy` declaration"
                ));
                self.diags.push(d);
            }
            out.by_lang.insert(lang, part.value.clone());
        }
        out
    }

    pub fn resolve(&mut self, ident: &Ident, kinds: &[Kind]) -> Option<Ref> {
        self.scope
            .resolve(self.file, ident, kinds, None, self.diags)
    }

    /// Resolves the parent of a declaration: its own name is skipped, so that a declaration can
    /// refine the stdlib term it shadows.
    pub fn resolve_skipping(&mut self, ident: &Ident, kinds: &[Kind]) -> Option<Ref> {
        self.scope
            .resolve(self.file, ident, kinds, self.own, self.diags)
    }

    /// Reports properties the declaration does not have, and single-valued properties given twice.
    /// Returns the properties that misspelt keys most likely meant, which then count as attempted.
    pub fn check_props(
        &mut self,
        items: &[Item],
        props: &[Prop],
        noun: &str,
        extra_ok: impl Fn(&str) -> bool,
    ) -> Vec<&'static str> {
        let mut seen: Vec<&Item> = Vec::new();
        let mut meant = Vec::new();
        for item in items {
            let key = item.key.text.as_str();
            match props.iter().find(|p| p.key == key) {
                None if extra_ok(key) => {}
                None => {
                    let suggestion = crate::lang::property_alias(key)
                        .filter(|alias| props.iter().any(|p| p.key == *alias))
                        .or_else(|| {
                            let best = did_you_mean(key, props.iter().map(|p| p.key))?;
                            props.iter().map(|p| p.key).find(|k| *k == best)
                        });
                    meant.extend(suggestion);
                    let help = suggestion
                        .map(|s| format!("did you mean `{s}`?"))
                        .unwrap_or_else(|| {
                            let keys: Vec<_> =
                                props.iter().map(|p| format!("`{}`", p.key)).collect();
                            format!("{} properties are {}", noun, keys.join(", "))
                        });
                    let d = Diagnostic::error(
                        codes::UNKNOWN_PROPERTY,
                        format!("unknown property `{key}` in {}", article(noun)),
                        Label::new(
                            self.file,
                            item.key.span,
                            "not a property of this declaration",
                        ),
                    )
                    .with_help(help);
                    // A listed synonym names exactly one property: renaming it changes the
                    // spelling, not the claim. A guess by similarity is only offered in the editor.
                    let d = match crate::lang::exact_property_alias(key)
                        .filter(|alias| props.iter().any(|p| p.key == *alias))
                    {
                        Some(alias) => d.with_mechanical_fix(
                            format!("Rename `{key}` to `{alias}`"),
                            crate::diagnostic::Edit {
                                file: self.file,
                                span: item.key.span,
                                text: alias.to_string(),
                            },
                        ),
                        None => d,
                    };
                    self.diags.push(d);
                }
                Some(prop) => {
                    if !prop.repeat
                        && let Some(first) = seen.iter().find(|i| i.key.text == key)
                    {
                        let d = Diagnostic::error(
                            codes::DUPLICATE_PROPERTY,
                            format!("`{key}` is given twice"),
                            Label::new(self.file, item.key.span, "given again here"),
                        )
                        .with_secondary(Label::new(self.file, first.key.span, "first given here"))
                        .with_help("keep one; the first is used");
                        self.diags.push(d);
                    }
                    if item.block.is_some() && prop.block.is_empty() && key != "fields" {
                        let span = item.block.as_ref().map_or(item.span, |b| b.span);
                        self.invalid_args(item, &describe_takes(prop), span, "a block");
                    }
                }
            }
            seen.push(item);
        }
        meant
    }

    /// Reports that `item`'s arguments do not fit, pointing at the first one (or the key when none).
    pub fn invalid_first(&mut self, item: &Item, takes: &str) {
        let (span, found) = first_found(item);
        self.invalid_args(item, takes, span, &found);
    }

    pub fn flag(&mut self, items: &[Item], key: &str) -> Option<Loc> {
        let item = find(items, key)?;
        if let Some(extra) = item.args.first() {
            self.invalid_args(item, "no value", extra.span(), &extra.describe());
        }
        Some(self.loc(item.key.span))
    }

    pub fn text_prop(&mut self, items: &[Item], key: &str) -> Option<Text> {
        let item = find(items, key)?;
        self.one_text(item)
    }

    pub fn one_text(&mut self, item: &Item) -> Option<Text> {
        match item.args.as_slice() {
            [Atom::Text(t)] => Some(self.text(t)),
            [] => {
                self.invalid_args(item, "a string", item.key.span, "nothing");
                None
            }
            [first, ..] => {
                let found = item
                    .args
                    .iter()
                    .find(|a| !matches!(a, Atom::Text(_)))
                    .unwrap_or(first);
                self.invalid_args(item, "one string", found.span(), &found.describe());
                None
            }
        }
    }

    /// A plain string: the first (default-language) part of a text.
    /// A one-string property; an e-mail, web or phone field must also work as one (`invalid-contact`).
    pub fn string_prop(&mut self, items: &[Item], key: &str) -> Option<String> {
        let item = find(items, key)?;
        let value = self.one_string(item)?;
        let Some(field) = super::contact::ContactField::for_key(key) else {
            return Some(value);
        };
        let Some((message, help)) = super::contact::problem(field, &value) else {
            return Some(value);
        };
        let span = item.args.first().map_or(item.span, Atom::span);
        self.diags.push(
            Diagnostic::error(
                codes::INVALID_CONTACT,
                message,
                Label::new(self.file, span, "a reader cannot use this"),
            )
            .with_help(help),
        );
        None
    }

    pub fn one_string(&mut self, item: &Item) -> Option<String> {
        match item.args.as_slice() {
            [Atom::Text(t)] => t.parts.first().map(|p| p.value.to_string()),
            _ => {
                let (span, found) = first_found(item);
                self.invalid_args(item, "one string", span, &found);
                None
            }
        }
    }

    pub fn date_prop(&mut self, items: &[Item], key: &str) -> Option<Date> {
        let item = find(items, key)?;
        match item.args.as_slice() {
            [Atom::Date(raw, span)] => self.date(*raw, *span),
            _ => {
                let (span, found) = first_found(item);
                self.invalid_args(item, "a date, such as `2018-05-22`", span, &found);
                None
            }
        }
    }

    pub fn date(&mut self, raw: ast::RawDate, span: Span) -> Option<Date> {
        match Date::new(raw.year, raw.month, raw.day) {
            Ok(d) => Some(d),
            Err(_) => {
                self.error(
                    codes::INVALID_LITERAL,
                    "no such date",
                    span,
                    "this day does not exist",
                );
                None
            }
        }
    }

    pub fn number_prop(&mut self, items: &[Item], key: &str) -> Option<u64> {
        let item = find(items, key)?;
        match item.args.as_slice() {
            [Atom::Number(n, _)] => Some(*n),
            _ => {
                let (span, found) = first_found(item);
                self.invalid_args(item, "a number", span, &found);
                None
            }
        }
    }

    /// A single bare word that is not a name to resolve (`source observed`, `kind scc`).
    pub fn word_prop(
        &mut self,
        items: &[Item],
        key: &str,
        words: &[&str],
    ) -> Option<(String, Span)> {
        let item = find(items, key)?;
        match item.args.first() {
            Some(Atom::Path(word)) if words.is_empty() || words.contains(&word.text.as_str()) => {
                Some((word.text.to_string(), word.span))
            }
            _ => {
                let (span, found) = first_found(item);
                let takes = if words.is_empty() {
                    "a name".to_string()
                } else {
                    one_of(words)
                };
                self.invalid_args(item, &takes, span, &found);
                None
            }
        }
    }

    /// All names listed under `key` (every occurrence), resolved.
    pub fn refs_prop(&mut self, items: &[Item], key: &str, kinds: &[Kind]) -> Vec<Ref> {
        let mut out = Vec::new();
        for item in find_all(items, key) {
            out.extend(self.ref_list(item, &item.args, kinds));
        }
        out
    }

    /// `a, b, c` resolved; anything else in the list is reported.
    pub fn ref_list(&mut self, item: &Item, atoms: &[Atom], kinds: &[Kind]) -> Vec<Ref> {
        let mut out = Vec::new();
        let mut expect_name = true;
        for atom in atoms {
            match (atom, expect_name) {
                (Atom::Path(id), true) => {
                    out.extend(self.resolve(id, kinds));
                    expect_name = false;
                }
                (Atom::Comma(_), false) => expect_name = true,
                (Atom::Path(_), false) => {
                    let d = Diagnostic::error(
                        codes::INVALID_ARGUMENTS,
                        format!("`{}` takes a list separated by commas", item.key.text),
                        Label::new(self.file, atom.span(), "expected `,` before this name"),
                    );
                    self.diags.push(d);
                    expect_name = true;
                    if let Atom::Path(id) = atom {
                        out.extend(self.resolve(id, kinds));
                        expect_name = false;
                    }
                }
                _ => {
                    let noun = kinds.first().map_or("name", |k| k.noun());
                    self.invalid_args(
                        item,
                        &format!("a list of {noun} names"),
                        atom.span(),
                        &atom.describe(),
                    );
                    return out;
                }
            }
        }
        crate::exact(out)
    }
}

pub fn find<'i>(items: &'i [Item], key: &str) -> Option<&'i Item> {
    items.iter().find(|i| i.key.text == key)
}

pub fn find_all<'i>(items: &'i [Item], key: &'i str) -> impl Iterator<Item = &'i Item> + 'i {
    items.iter().filter(move |i| i.key.text == key)
}

/// Splits atoms at the first connector `c`: `(before, Some(after))`.
pub fn split_at(atoms: &[Atom], c: Connector) -> (&[Atom], Option<&[Atom]>) {
    match atoms
        .iter()
        .position(|a| matches!(a, Atom::Connector(x, _) if *x == c))
    {
        Some(i) => (&atoms[..i], Some(&atoms[i + 1..])),
        None => (atoms, None),
    }
}

fn first_found(item: &Item) -> (Span, String) {
    match item.args.first() {
        Some(a) => (a.span(), a.describe()),
        None => (item.key.span, "nothing".into()),
    }
}

pub fn one_of(words: &[&str]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("one of {} or {}", init.join(", "), last),
    }
}

fn describe_takes(prop: &Prop) -> String {
    if prop.args.is_empty() {
        "no value".into()
    } else {
        format!("`{}`", prop.args)
    }
}

pub fn article(noun: &str) -> String {
    let a = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{a} {noun}")
}
