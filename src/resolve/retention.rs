//! Retention expressions: `5y`, `5y after end-of-accounting-year`, `until contract-end + 1y`,
//! `6y as bookkeeping`, `up-to 5y as bookkeeping`, `indefinitely archiving historical-research`, and
//! `A or B`. (The qualifier before them and `then anonymise` after them belong to the `retain` line:
//! `resolve::policy`.)

use crate::diagnostic::{Diagnostic, Label, codes};
use crate::ir::Retention;
use crate::lang::Kind;
use crate::syntax::ast::{Atom, Connector, Item};

use super::cx::Cx;

const TAKES: &str = "a retention: `5y`, `5y after EVENT`, `until EVENT`, `until EVENT + 1y`, `as STATUTE`, `6y as STATUTE`, or `indefinitely archiving GROUND`";

/// Parses a whole retention expression; reports and returns `None` on malformed input.
pub fn retention(cx: &mut Cx, item: &Item, atoms: &[Atom]) -> Option<Retention> {
    let mut alts = Vec::new();
    for part in atoms.split(|a| matches!(a, Atom::Connector(Connector::Or, _))) {
        alts.push(alternative(cx, item, part)?);
    }
    if alts.len() == 1 {
        alts.pop()
    } else {
        Some(Retention::FirstOf(alts))
    }
}

fn alternative(cx: &mut Cx, item: &Item, atoms: &[Atom]) -> Option<Retention> {
    let mut rest = atoms;
    let result = match rest {
        [Atom::Path(word), tail @ ..] if word.text == "indefinitely" => {
            rest = &[];
            match tail {
                [] => Retention::Indefinite { ground: None },
                [Atom::Path(a), Atom::Path(g)] if a.text == "archiving" => {
                    let Some(ground) = crate::ir::Art89Ground::parse(&g.text) else {
                        let takes = format!(
                            "an Art. 89(1) ground after `archiving`: {}",
                            super::cx::one_of(crate::ir::Art89Ground::WORDS)
                        );
                        complain(cx, item, tail.get(1), &takes);
                        return None;
                    };
                    Retention::Indefinite {
                        ground: Some(ground),
                    }
                }
                _ => {
                    let takes = format!(
                        "`indefinitely archiving GROUND`, GROUND {}",
                        super::cx::one_of(crate::ir::Art89Ground::WORDS)
                    );
                    complain(cx, item, tail.first(), &takes);
                    return None;
                }
            }
        }
        [
            Atom::Connector(Connector::Until, _),
            Atom::Path(event),
            tail @ ..,
        ] => {
            rest = tail;
            let event = cx.resolve(event, &[Kind::Event])?;
            let plus = match rest {
                [
                    Atom::Connector(Connector::Plus, _),
                    Atom::Duration(d, _),
                    tail @ ..,
                ] => {
                    rest = tail;
                    Some(*d)
                }
                _ => None,
            };
            Retention::Until { event, plus }
        }
        [
            Atom::Connector(Connector::As, _),
            Atom::Path(statute),
            tail @ ..,
        ] => {
            rest = tail;
            statute_retention(cx, statute, None, false, None)?
        }
        [
            Atom::Connector(Connector::UpTo, _),
            Atom::Duration(d, _),
            tail @ ..,
        ]
        | [Atom::Duration(d, _), tail @ ..] => {
            let up_to = matches!(rest.first(), Some(Atom::Connector(Connector::UpTo, _)));
            rest = tail;
            let after = match rest {
                [
                    Atom::Connector(Connector::After, _),
                    Atom::Path(event),
                    tail @ ..,
                ] => {
                    rest = tail;
                    cx.resolve(event, &[Kind::Event])
                }
                _ => None,
            };
            match rest {
                [
                    Atom::Connector(Connector::As, _),
                    Atom::Path(statute),
                    tail @ ..,
                ] => {
                    rest = tail;
                    statute_retention(cx, statute, Some(*d), up_to, after)?
                }
                _ if up_to => {
                    complain(
                        cx,
                        item,
                        atoms.first(),
                        "`up-to` goes with a statute: `up-to 5y as STATUTE`",
                    );
                    return None;
                }
                _ => Retention::Period { period: *d, after },
            }
        }
        _ => {
            complain(cx, item, atoms.first(), TAKES);
            return None;
        }
    };
    if let Some(extra) = rest.first() {
        complain(cx, item, Some(extra), TAKES);
        return None;
    }
    Some(result)
}

fn statute_retention(
    cx: &mut Cx,
    statute: &crate::syntax::ast::Ident,
    stated: Option<crate::syntax::ast::Duration>,
    up_to: bool,
    after: Option<crate::ir::Ref>,
) -> Option<Retention> {
    // A policy's own name shadows a statute family only if it is a statute: `purpose bookkeeping`
    // leaves `retain as bookkeeping` meaning the family (resolution by the expected kind).
    let (name, std_only) = match statute.text.strip_prefix("std.") {
        Some(rest) => (rest, true),
        None => (statute.text.as_str(), false),
    };
    let shadowed = !std_only
        && cx
            .scope
            .local
            .get(name)
            .is_some_and(|s| s.kind == Kind::Statute);
    let is_family = !shadowed && cx.scope.std.families.contains(name);
    let statute = if is_family {
        crate::ir::Ref {
            name: name.into(),
            loc: cx.loc(statute.span),
        }
    } else {
        cx.resolve(statute, &[Kind::Statute])?
    };
    Some(Retention::Statute {
        statute,
        family: is_family,
        stated,
        up_to,
        after,
    })
}

fn complain(cx: &mut Cx, item: &Item, at: Option<&Atom>, takes: &str) {
    let (span, found) = at.map_or((item.key.span, "nothing".to_string()), |a| {
        (a.span(), a.describe())
    });
    let d = Diagnostic::error(
        codes::INVALID_ARGUMENTS,
        format!("`{}` takes {}", item.key.text, takes),
        Label::new(cx.file, span, format!("found {found}")),
    )
    .with_note("retention is never a free string: write a period, an event, or a statute");
    cx.push(d);
}
