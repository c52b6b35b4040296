//! Organisation rules: `forbid ID "text" { CONDITION ... }` and `require ID "text" { ... }` lowered to
//! `ir::OrgRule`. Each condition line is `KEY ARGS` (`data contact-details`, `retain at-most 3y`), alone
//! or after `when` / `unless`. The rule's id is checked against the built-in rules in `check::org`
//! (resolve knows no rules).

use crate::ir::{OrgCondition, OrgLevel, OrgMode, OrgRule, OrgTest};
use crate::lang::{self, Kind};
use crate::syntax::ast::{Atom, Item, ItemDecl};

use super::cx::{Cx, find, one_of};

pub fn lower(cx: &mut Cx, decl: &ItemDecl, kind: Kind, name: &str) -> OrgRule {
    let items = decl.items();
    let mode = if kind == Kind::Forbid {
        OrgMode::Forbid
    } else {
        OrgMode::Require
    };
    let mut broken = false;
    let level = match find(items, "level") {
        None => OrgLevel::Deny,
        Some(item) => match item.args.as_slice() {
            [Atom::Path(w)] if OrgLevel::parse(&w.text).is_some() => {
                OrgLevel::parse(&w.text).unwrap_or(OrgLevel::Deny)
            }
            _ => {
                cx.invalid_first(item, &one_of(OrgLevel::WORDS));
                OrgLevel::Deny
            }
        },
    };
    let mut conditions = Vec::new();
    let mut when = Vec::new();
    let mut unless = Vec::new();
    for item in items {
        let key = item.key.text.as_str();
        let (into, key_ident, args) = match key {
            "when" | "unless" => {
                let into = if key == "when" {
                    &mut when
                } else {
                    &mut unless
                };
                match item.args.split_first() {
                    Some((Atom::Path(k), rest))
                        if lang::find_prop(lang::ORG_CONDITIONS, &k.text).is_some() =>
                    {
                        (into, k.text.as_str(), rest)
                    }
                    _ => {
                        let keys: Vec<&str> = lang::ORG_CONDITIONS.iter().map(|p| p.key).collect();
                        cx.invalid_first(item, &format!("a condition: {}", one_of(&keys)));
                        broken = true;
                        continue;
                    }
                }
            }
            _ if lang::find_prop(lang::ORG_CONDITIONS, key).is_some() => {
                (&mut conditions, key, item.args.as_slice())
            }
            // `level`, `description` and unknown keys (reported by `check_props`).
            _ => {
                if lang::find_prop(lang::spec(kind).props, key).is_none() {
                    broken = true;
                }
                continue;
            }
        };
        match condition(cx, item, key_ident, args) {
            Some(test) => into.push(OrgCondition {
                test,
                loc: cx.loc(item.span),
            }),
            None => broken = true,
        }
    }
    if conditions.is_empty() && !broken {
        let what = match mode {
            OrgMode::Forbid => "what it forbids",
            OrgMode::Require => "what it requires",
        };
        cx.push(
            crate::diagnostic::Diagnostic::error(
                crate::diagnostic::codes::INVALID_ARGUMENTS,
                format!("`{}` states no condition, so it says nothing", mode.keyword()),
                crate::diagnostic::Label::new(
                    cx.file,
                    decl.head_span(),
                    format!("this rule needs {what}"),
                ),
            )
            .with_help(format!(
                "write conditions in its block, e.g. `{} {name} {{ data contact-details; purpose targeted-ads }}`",
                mode.keyword()
            )),
        );
        broken = true;
    }
    OrgRule {
        id: name.into(),
        mode,
        text: decl.text.as_ref().map(|t| cx.text(t)),
        description: cx.text_prop(items, "description"),
        level,
        conditions,
        when,
        unless,
        broken,
        loc: cx.loc(decl.head_span()),
        span_loc: cx.loc(decl.span),
    }
}

/// One condition: `key args`. `None` when it could not be read (already reported).
fn condition(cx: &mut Cx, item: &Item, key: &str, args: &[Atom]) -> Option<OrgTest> {
    let before = cx.diags.len();
    let refs = |cx: &mut Cx, kinds: &[Kind]| {
        if args.is_empty() {
            let noun = kinds.first().map_or("name", |k| k.noun());
            cx.invalid_first(item, &format!("a list of {noun} names"));
        }
        cx.ref_list(item, args, kinds)
    };
    let test = match key {
        "data" => OrgTest::Data(refs(cx, &[Kind::Data])),
        "purpose" => OrgTest::Purpose(refs(cx, &[Kind::Purpose])),
        "subject" => OrgTest::Subject(refs(cx, &[Kind::Subject])),
        "basis" => OrgTest::Basis(refs(cx, &[Kind::Basis])),
        "recipient" => OrgTest::Recipient(refs(cx, &[Kind::Recipient, Kind::Vendor])),
        "role" => OrgTest::Role(refs(cx, &[Kind::Role])),
        "recipient-kind" => OrgTest::RecipientKind(refs(cx, &[Kind::RecipientKind])),
        "country" => OrgTest::Country(refs(cx, &[Kind::Country, Kind::Region])),
        "special-data" | "children" | "third-country" => {
            if let Some(extra) = args.first() {
                cx.invalid_args(item, "no value", extra.span(), &extra.describe());
                return None;
            }
            match key {
                "special-data" => OrgTest::SpecialData,
                "children" => OrgTest::Children,
                _ => OrgTest::ThirdCountry,
            }
        }
        "retain" => match args {
            [Atom::Path(bound), Atom::Duration(d, _)] if bound.text == "at-most" => {
                OrgTest::RetainAtMost(*d)
            }
            [Atom::Path(bound), Atom::Duration(d, _)] if bound.text == "at-least" => {
                OrgTest::RetainAtLeast(*d)
            }
            _ => {
                let span = args.first().map_or(item.key.span, Atom::span);
                let found = args.first().map_or("nothing".into(), Atom::describe);
                cx.invalid_args(
                    item,
                    "`at-most DURATION` or `at-least DURATION`",
                    span,
                    &found,
                );
                return None;
            }
        },
        _ => return None,
    };
    // A name that did not resolve is reported; the condition would say less than was written.
    (cx.diags.len() == before).then_some(test)
}
