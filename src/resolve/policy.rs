//! Lowering of the policy's own declarations: `policy`, `controller`, `purpose`, `recipient`,
//! `cookie`, `rights`.

use crate::diagnostic::{Diagnostic, Label, codes};
use crate::ir::*;
use crate::lang::{self, Kind};
use crate::syntax::ast::{Atom, Connector, Item, ItemDecl, Span};

use super::cx::{Cx, find, find_all, split_at};
use super::retention::retention;

pub fn waivers(cx: &mut Cx, items: &[Item]) -> Vec<Waiver> {
    let mut out = Vec::new();
    for item in find_all(items, "waive") {
        match item.args.as_slice() {
            [Atom::Path(rule), Atom::Text(reason)]
                if !reason.parts.iter().all(|p| p.value.trim().is_empty()) =>
            {
                out.push(Waiver {
                    rule: rule.text.to_string(),
                    reason: reason
                        .parts
                        .first()
                        .map(|p| p.value.to_string())
                        .unwrap_or_default(),
                    loc: cx.loc(item.span),
                });
            }
            _ => {
                let span = item.args.first().map_or(item.key.span, |a| a.span());
                let d = Diagnostic::error(
                    codes::INVALID_ARGUMENTS,
                    "`waive` takes a rule id and a reason",
                    Label::new(cx.file, span, "expected `waive RULE \"reason\"`"),
                )
                .with_help("an auditor reads the reason: say why the finding does not apply here");
                cx.push(d);
            }
        }
    }
    out
}

pub fn meta(cx: &mut Cx, decl: &ItemDecl, languages: Vec<String>) -> Meta {
    let items = decl.items();
    let mut negatives = Vec::new();
    for n in Negative::ALL {
        if let Some(item) = find(items, n.key())
            && none_arg(cx, item)
        {
            negatives.push((n, cx.loc(item.span)));
        }
    }
    let default_source = cx
        .word_prop(items, "default-source", SourceKind::WORDS)
        .and_then(|(w, span)| SourceKind::parse(&w).map(|k| (k, cx.loc(span))));
    Meta {
        title: decl.text.as_ref().map(|t| cx.text(t)).unwrap_or_default(),
        languages,
        updated: cx.date_prop(items, "updated"),
        updated_loc: find(items, "updated").map(|i| cx.loc(i.span)),
        version: cx.string_prop(items, "version"),
        url: cx.string_prop(items, "url"),
        audience: cx.refs_prop(items, "audience", &[Kind::Country]),
        description: cx.text_prop(items, "description"),
        negatives,
        default_source,
        accepted_by_use: find(items, "accepted-by-use")
            .map(|i| cx.loc(i.span))
            .and_then(|loc| Some((cx.text_prop(items, "accepted-by-use")?, loc))),
        waivers: waivers(cx, items),
        loc: cx.loc(decl.kind.span),
        close: close_brace(cx, decl),
    }
}

/// The declaration's closing `}`.
fn close_brace(cx: &Cx, decl: &ItemDecl) -> Option<Loc> {
    decl.block
        .as_ref()
        .map(|b| cx.loc(Span::new(b.span.end().saturating_sub(1), b.span.end())))
}

/// `KEY none`: true when the argument is exactly `none`, else reported.
fn none_arg(cx: &mut Cx, item: &Item) -> bool {
    match item.args.as_slice() {
        [Atom::Path(p)] if p.text == "none" => true,
        _ => {
            cx.invalid_first(item, "`none`");
            false
        }
    }
}

pub(super) fn contact(cx: &mut Cx, items: &[Item]) -> Contact {
    Contact {
        name: cx.string_prop(items, "name"),
        addresses: find_all(items, "address")
            .filter_map(|i| cx.one_text(i))
            .collect(),
        email: cx.string_prop(items, "email"),
        phone: cx.string_prop(items, "phone"),
        web: cx.string_prop(items, "web"),
        country: cx
            .refs_prop(items, "country", &[Kind::Country])
            .into_iter()
            .next(),
        region: cx
            .refs_prop(items, "region", &[Kind::Region])
            .into_iter()
            .next(),
        loc: None,
    }
}

fn nested_block<'i>(
    cx: &mut Cx,
    item: &'i Item,
    props: &'static [lang::Prop],
    noun: &str,
) -> &'i [Item] {
    let items = item.block.as_ref().map_or(&[][..], |b| &b.items);
    cx.check_props(items, props, noun, |_| false);
    items
}

pub fn controller(cx: &mut Cx, decl: &ItemDecl, name: &str) -> Controller {
    let items = decl.items();
    let org_number =
        find(items, "org-number").and_then(|i| cx.one_string(i).map(|s| (s, cx.loc(i.span))));
    let sub_props = lang::find_prop(Kind::Controller.props(), "dpo").map_or(&[][..], |p| p.block);
    let representative = find(items, "representative").map(|i| {
        let block = nested_block(cx, i, sub_props, "representative");
        Contact {
            loc: Some(cx.loc(i.span)),
            ..contact(cx, block)
        }
    });
    let dpo = find(items, "dpo").map(|i| match (i.args.as_slice(), &i.block) {
        ([Atom::Path(none)], None) if none.text == "none" => Dpo::None(cx.loc(i.span)),
        ([], Some(_)) => {
            let block = nested_block(cx, i, sub_props, "dpo");
            Dpo::Appointed(Contact {
                loc: Some(cx.loc(i.span)),
                ..contact(cx, block)
            })
        }
        _ => {
            cx.invalid_args(
                i,
                "a block `{ name ... email ... }` or `none`",
                i.span,
                "something else",
            );
            Dpo::None(cx.loc(i.span))
        }
    });
    Controller {
        name: name.into(),
        contact: Contact {
            loc: Some(cx.loc(decl.head_span())),
            ..contact(cx, items)
        },
        org_number,
        representative,
        dpo,
        description: cx.text_prop(items, "description"),
        waivers: waivers(cx, items),
        loc: cx.loc(decl.head_span()),
        acts_as: super::joint::acts_as(cx, items),
    }
}

pub fn purpose(cx: &mut Cx, decl: &ItemDecl, name: &str) -> Purpose {
    let items = decl.items();
    let kind = decl
        .parent
        .as_ref()
        .and_then(|p| cx.resolve_skipping(p, &[Kind::Purpose]))
        .filter(|k| refines_a_kind(cx, k));
    let bases = crate::exact(
        find_all(items, "basis")
            .filter_map(|i| basis_use(cx, i))
            .collect(),
    );
    let conditions = crate::exact(
        find_all(items, "condition")
            .filter_map(|i| art9_condition(cx, i))
            .collect(),
    );
    let retention = crate::exact(
        find_all(items, "retain")
            .filter_map(|i| retention_rule(cx, i))
            .collect(),
    );
    let requirement = find(items, "requirement").and_then(|i| requirement(cx, i));
    let direct_marketing = find(items, "direct-marketing").map(|i| {
        let channels = match i.args.split_first() {
            None => Vec::new(),
            Some((Atom::Connector(Connector::Via, _), rest)) => {
                cx.ref_list(i, rest, &[Kind::Channel])
            }
            Some((other, _)) => {
                cx.invalid_args(
                    i,
                    "nothing, or `via CHANNEL, ...`",
                    other.span(),
                    &other.describe(),
                );
                Vec::new()
            }
        };
        DirectMarketing {
            channels,
            loc: cx.loc(i.span),
        }
    });
    let soft_opt_in = find(items, "soft-opt-in").map(|i| flagged(cx, i));
    let profiling = find(items, "profiling").map(|i| flagged(cx, i));
    let automated_decision = find(items, "automated-decision").map(|i| automated_decision(cx, i));
    let traits = OwnTraits {
        expects: cx.refs_prop(items, "expects", &[Kind::Basis]),
        tracking: cx.flag(items, "tracking"),
        statute_bound: cx.flag(items, "statute-bound"),
        dpv: cx.string_prop(items, "dpv"),
        fideslang: cx.string_prop(items, "fideslang"),
    };
    let (uses, data_uses) = super::uses::uses(cx, items);
    Purpose {
        name: name.into(),
        kind,
        traits,
        label: decl.text.as_ref().map(|t| cx.text(t)),
        description: cx.text_prop(items, "description"),
        uses,
        data_uses,
        about: cx.refs_prop(items, "about", &[Kind::Subject]),
        bases,
        conditions,
        retention,
        requirement,
        direct_marketing,
        soft_opt_in,
        profiling,
        automated_decision,
        waivers: waivers(cx, items),
        written_bases: find_all(items, "basis").count(),
        written_retention: find_all(items, "retain").count(),
        loc: cx.loc(decl.head_span()),
        controller: super::joint::purpose_controller(cx, items),
    }
}

/// A purpose refines a purpose kind of the standard library, never another purpose of the policy:
/// reports `purpose a is b` where `b` is the policy's own purpose.
fn refines_a_kind(cx: &mut Cx, kind: &Ref) -> bool {
    let Some(local) = cx.scope.local.get(kind.name.as_str()) else {
        return true;
    };
    if local.kind != Kind::Purpose {
        return true;
    }
    let std_has = cx
        .scope
        .std
        .symbols
        .get(kind.name.as_str())
        .is_some_and(|s| s.kind == Kind::Purpose);
    let mut d = Diagnostic::error(
        codes::WRONG_KIND,
        format!(
            "expected a purpose kind of the standard library, found the purpose `{}` of this policy",
            kind.name
        ),
        Label::new(kind.loc.file, kind.loc.span, "a purpose, not a purpose kind"),
    )
    .with_secondary(Label::at_declaration(local.file, &kind.name, "declared here"));
    d = if std_has {
        d.with_help(format!(
            "the policy's purpose `{0}` hides the stdlib's purpose kind; write `is std.{0}`",
            kind.name
        ))
    } else {
        d.with_help("`is` names a stdlib purpose kind (`vern vocab purposes` lists them); purposes do not refine each other")
    };
    cx.push(d);
    false
}

fn flagged(cx: &mut Cx, item: &Item) -> Flagged {
    let text = match item.args.as_slice() {
        [] => None,
        [Atom::Text(t)] => Some(cx.text(t)),
        [other, ..] => {
            cx.invalid_args(item, "nothing or a string", other.span(), &other.describe());
            None
        }
    };
    Flagged {
        text,
        loc: cx.loc(item.span),
    }
}

fn basis_use(cx: &mut Cx, item: &Item) -> Option<BasisUse> {
    let (head, condition) = split_at(&item.args, Connector::When);
    let (head, statute) = split_at(head, Connector::Under);
    let (basis, interest) = match head {
        [Atom::Path(b)] => (b, None),
        [Atom::Path(b), Atom::Text(t)] => (b, Some(cx.text(t))),
        _ => {
            let at = head.get(1).or(head.first());
            let (span, found) = at.map_or((item.key.span, "nothing".into()), |a| {
                (a.span(), a.describe())
            });
            cx.invalid_args(
                item,
                "a legal basis, then an optional text: `basis legitimate-interest \"...\"`",
                span,
                &found,
            );
            return None;
        }
    };
    let basis = cx.resolve(basis, &[Kind::Basis])?;
    let condition = match condition {
        None => None,
        Some([Atom::Text(t)]) => Some(cx.text(t)),
        Some(other) => {
            let span = other.first().map_or(item.span, |a| a.span());
            cx.invalid_args(
                item,
                "`when \"the case this basis covers\"`",
                span,
                "something else",
            );
            None
        }
    };
    let statute = match statute {
        None => None,
        Some([Atom::Path(s)]) => cx.resolve(s, &[Kind::Statute]),
        Some(other) => {
            let span = other.first().map_or(item.span, |a| a.span());
            cx.invalid_args(item, "`under STATUTE`", span, "something else");
            None
        }
    };
    let sub = lang::find_prop(Kind::Purpose.props(), "basis").map_or(&[][..], |p| p.block);
    let block = match &item.block {
        Some(_) => nested_block(cx, item, sub, "basis block"),
        None => &[],
    };
    let interest = match (interest, cx.text_prop(block, "interest")) {
        (Some(a), _) => Some(a),
        (None, b) => b,
    };
    let statute = statute.or_else(|| {
        cx.refs_prop(block, "statute", &[Kind::Statute])
            .into_iter()
            .next()
    });
    Some(BasisUse {
        basis,
        interest,
        condition,
        statute,
        mechanism: cx
            .refs_prop(block, "mechanism", &[Kind::Mechanism])
            .into_iter()
            .next(),
        collected: cx.text_prop(block, "collected"),
        withdraw: cx.text_prop(block, "withdraw"),
        balancing: cx.text_prop(block, "balancing"),
        loc: cx.loc(item.span),
    })
}

fn art9_condition(cx: &mut Cx, item: &Item) -> Option<Art9Condition> {
    let (basis, text) = match item.args.as_slice() {
        [Atom::Path(b)] => (b, None),
        [Atom::Path(b), Atom::Text(t)] => (b, Some(cx.text(t))),
        _ => {
            cx.invalid_first(item, "an Art. 9(2) condition and an optional text");
            return None;
        }
    };
    Some(Art9Condition {
        basis: cx.resolve(basis, &[Kind::Basis])?,
        text,
        loc: cx.loc(item.span),
    })
}

fn retention_rule(cx: &mut Cx, item: &Item) -> Option<RetentionRule> {
    let (head, data) = split_at(&item.args, Connector::For);
    let data = data
        .map(|d| cx.ref_list(item, d, &[Kind::Data]))
        .unwrap_or_default();
    let mut head = head;
    let qualifier = match head.first() {
        Some(Atom::Path(w)) => crate::ir::Qualifier::parse(&w.text).map(|q| (q, cx.loc(w.span))),
        _ => None,
    };
    if qualifier.is_some() {
        head = &head[1..];
    }
    let then_anonymise = match head {
        [init @ .., Atom::Path(then), Atom::Path(what)]
            if then.text == "then" && matches!(what.text.as_str(), "anonymise" | "anonymize") =>
        {
            head = init;
            Some(cx.loc(crate::syntax::ast::Span::new(
                then.span.start(),
                what.span.end(),
            )))
        }
        _ => None,
    };
    Some(RetentionRule {
        retention: retention(cx, item, head)?,
        qualifier,
        then_anonymise,
        data,
        loc: cx.loc(item.span),
    })
}

fn requirement(cx: &mut Cx, item: &Item) -> Option<(Requirement, Option<Text>, Loc)> {
    let (kind, text) = match item.args.as_slice() {
        [Atom::Path(k)] => (k, None),
        [Atom::Path(k), Atom::Text(t)] => (k, Some(t)),
        _ => {
            cx.invalid_first(item, &super::cx::one_of(Requirement::WORDS));
            return None;
        }
    };
    let Some(req) = Requirement::parse(&kind.text) else {
        cx.invalid_args(
            item,
            &super::cx::one_of(Requirement::WORDS),
            kind.span,
            &format!("`{}`", kind.text),
        );
        return None;
    };
    let text = text.map(|t| cx.text(t));
    Some((req, text, cx.loc(item.span)))
}

fn automated_decision(cx: &mut Cx, item: &Item) -> AutomatedDecision {
    match (item.args.as_slice(), &item.block) {
        ([Atom::Path(none)], None) if none.text == "none" => {
            AutomatedDecision::None(cx.loc(item.span))
        }
        ([], Some(_)) => {
            let sub = lang::find_prop(Kind::Purpose.props(), "automated-decision")
                .map_or(&[][..], |p| p.block);
            let block = nested_block(cx, item, sub, "automated-decision block");
            AutomatedDecision::Significant {
                logic: cx.text_prop(block, "logic"),
                significance: cx.text_prop(block, "significance"),
                consequences: cx.text_prop(block, "consequences"),
                safeguards: cx.text_prop(block, "safeguards"),
                loc: cx.loc(item.span),
            }
        }
        _ => {
            cx.invalid_args(
                item,
                "`none` or a block `{ logic ... }`",
                item.span,
                "something else",
            );
            AutomatedDecision::None(cx.loc(item.span))
        }
    }
}

pub fn recipient(cx: &mut Cx, decl: &ItemDecl, name: &str) -> Recipient {
    let items = decl.items();
    let vendor = decl
        .parent
        .as_ref()
        .and_then(|p| cx.resolve(p, &[Kind::Vendor]));
    let safeguards = crate::exact(
        find_all(items, "safeguard")
            .filter_map(|i| safeguard_use(cx, i))
            .collect(),
    );
    let receives = find_all(items, "receives")
        .map(|i| {
            let (data, purposes) = split_at(&i.args, Connector::For);
            let data = cx.ref_list(i, data, &[Kind::Data]);
            let purposes = purposes
                .map(|p| cx.ref_list(i, p, &[Kind::Purpose]))
                .unwrap_or_default();
            Receives {
                data,
                purposes,
                loc: cx.loc(i.span),
            }
        })
        .collect();
    Recipient {
        name: name.into(),
        vendor,
        label: decl.text.as_ref().map(|t| cx.text(t)),
        description: cx.text_prop(items, "description"),
        entity: cx.string_prop(items, "entity"),
        roles: cx.refs_prop(items, "role", &[Kind::Role]),
        kind: cx
            .refs_prop(items, "kind", &[Kind::RecipientKind])
            .into_iter()
            .next(),
        countries: cx.refs_prop(items, "country", &[Kind::Country, Kind::Region]),
        safeguards,
        receives,
        arrangement: cx.text_prop(items, "arrangement"),
        dpf_certified: cx.flag(items, "dpf-certified").is_some(),
        waivers: waivers(cx, items),
        loc: cx.loc(decl.head_span()),
    }
}

fn safeguard_use(cx: &mut Cx, item: &Item) -> Option<SafeguardUse> {
    let (safeguard, reference) = match item.args.as_slice() {
        [Atom::Path(s)] => (s, None),
        [Atom::Path(s), Atom::Text(t)] => (s, Some(cx.text(t))),
        _ => {
            cx.invalid_first(item, "a safeguard and an optional reference text");
            return None;
        }
    };
    let safeguard = cx.resolve(safeguard, &[Kind::Safeguard])?;
    let sub = lang::find_prop(Kind::Recipient.props(), "safeguard").map_or(&[][..], |p| p.block);
    let block = match &item.block {
        Some(_) => nested_block(cx, item, sub, "safeguard block"),
        None => &[],
    };
    let reference = reference.or_else(|| cx.text_prop(block, "reference"));
    Some(SafeguardUse {
        safeguard,
        reference,
        copy: cx.text_prop(block, "copy"),
        module: cx.string_prop(block, "module"),
        loc: cx.loc(item.span),
    })
}

pub fn cookie(cx: &mut Cx, decl: &ItemDecl, name: &str) -> Cookie {
    let items = decl.items();
    let provider = find(items, "provider").and_then(|i| match i.args.as_slice() {
        [Atom::Text(t)] => t
            .parts
            .first()
            .map(|p| Provider::Named(p.value.to_string())),
        [Atom::Path(r)] => cx.resolve(r, &[Kind::Recipient]).map(Provider::Recipient),
        _ => {
            cx.invalid_first(i, "a string or a recipient");
            None
        }
    });
    let lifetime = find(items, "lifetime").and_then(|i| match i.args.as_slice() {
        [Atom::Duration(d, _)] => Some(Lifetime::Period(*d)),
        [Atom::Path(p)] if p.text == "session" => Some(Lifetime::Session),
        _ => {
            cx.invalid_first(i, "a duration or `session`");
            None
        }
    });
    Cookie {
        name: name.into(),
        quoted: decl.name_quoted,
        label: decl.text.as_ref().map(|t| cx.text(t)),
        description: cx.text_prop(items, "description"),
        provider,
        kind: cx
            .refs_prop(items, "kind", &[Kind::CookieKind])
            .into_iter()
            .next(),
        lifetime,
        consent: cx
            .refs_prop(items, "consent", &[Kind::Mechanism])
            .into_iter()
            .next(),
        purposes: cx.refs_prop(items, "for", &[Kind::Purpose]),
        waivers: waivers(cx, items),
        loc: cx.loc(decl.head_span()),
    }
}

pub fn rights(cx: &mut Cx, decl: &ItemDecl) -> Rights {
    let items = decl.items();
    let mut rights = Vec::new();
    let mut complaints = Vec::new();
    for item in items {
        match item.key.text.as_str() {
            "exercise" | "waive" => {}
            "complaint" => match item.args.as_slice() {
                [Atom::Connector(Connector::To, _), Atom::Path(a), rest @ ..] => {
                    let text = match rest {
                        [] => None,
                        [Atom::Text(t)] => Some(cx.text(t)),
                        [other, ..] => {
                            cx.invalid_args(
                                item,
                                "`to AUTHORITY` and an optional text",
                                other.span(),
                                &other.describe(),
                            );
                            None
                        }
                    };
                    if let Some(authority) = cx.resolve(a, &[Kind::Authority]) {
                        complaints.push(Complaint {
                            authority,
                            text,
                            loc: cx.loc(item.span),
                        });
                    }
                    let complaint_right = crate::syntax::ast::Ident {
                        text: "complaint".into(),
                        span: item.key.span,
                    };
                    if let Some(right) = cx.resolve(&complaint_right, &[Kind::Right]) {
                        rights.push(RightStatement {
                            right,
                            how: None,
                            subjects: Vec::new(),
                            loc: cx.loc(item.span),
                        });
                    }
                }
                _ => {
                    cx.invalid_first(
                        item,
                        "`to AUTHORITY`, such as `complaint to no-datatilsynet`",
                    );
                }
            },
            _ => {
                let Some(right) = cx.resolve(&item.key, &[Kind::Right]) else {
                    continue;
                };
                let (head, scope) = split_at(&item.args, Connector::For);
                let how = match head {
                    [] => None,
                    [Atom::Text(t)] => Some(cx.text(t)),
                    [other, ..] => {
                        cx.invalid_args(
                            item,
                            "an optional text saying how to exercise the right, and `for SUBJECT, ...`",
                            other.span(),
                            &other.describe(),
                        );
                        None
                    }
                };
                let subjects = super::scoped::right_subjects(cx, item, scope);
                rights.push(RightStatement {
                    right,
                    how,
                    subjects,
                    loc: cx.loc(item.span),
                });
            }
        }
    }
    Rights {
        exercise: cx.text_prop(items, "exercise"),
        rights,
        complaints,
        waivers: waivers(cx, items),
        loc: cx.loc(decl.kind.span),
        close: close_brace(cx, decl),
    }
}
