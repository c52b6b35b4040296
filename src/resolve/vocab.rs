//! Lowering of vocabulary declarations (data categories, subjects, bases, safeguards, statutes, ...),
//! for the stdlib and for a policy's own.

use crate::diagnostic::{Diagnostic, Label, codes};
use crate::ir::*;
use crate::lang::Kind;
use crate::syntax::ast::{Atom, ItemDecl};

use super::cx::{Cx, find, find_all};
use super::retention::retention;

pub fn entry(cx: &mut Cx, decl: &ItemDecl, name: &str, module: Option<&str>) -> Entry {
    let items = decl.items();
    let label = decl.text.as_ref().map(|t| cx.text(t)).unwrap_or_default();
    let cite = find_all(items, "cite")
        .filter_map(|i| cx.one_string(i))
        .collect();
    Entry {
        name: name.into(),
        label,
        description: cx.text_prop(items, "description"),
        cite,
        unverified: cx.flag(items, "unverified").is_some(),
        module: module.map(str::to_string),
        loc: cx.loc(decl.head_span()),
    }
}

/// Lowers one vocabulary declaration into `vocab`. Returns false for kinds that are not vocabulary.
pub fn lower(
    cx: &mut Cx,
    decl: &ItemDecl,
    kind: Kind,
    name: &str,
    module: Option<&str>,
    vocab: &mut Vocabulary,
) -> bool {
    let items = decl.items();
    let entry = entry(cx, decl, name, module);
    let key = name.to_string();
    match kind {
        Kind::Data => {
            let parent = decl
                .parent
                .as_ref()
                .and_then(|p| cx.resolve_skipping(p, &[Kind::Data]));
            let data = data_category(cx, decl, entry, parent);
            vocab.data.insert(key.into(), data);
        }
        Kind::Subject => {
            let parent = decl
                .parent
                .as_ref()
                .and_then(|p| cx.resolve_skipping(p, &[Kind::Subject]));
            let subject = Subject {
                entry,
                parent,
                child: cx.flag(items, "child").is_some(),
                min_age: cx.number_prop(items, "min-age"),
                dpv: cx.string_prop(items, "dpv"),
                fideslang: cx.string_prop(items, "fideslang"),
                waivers: super::policy::waivers(cx, items),
            };
            vocab.subjects.insert(key.into(), subject);
        }
        Kind::Purpose => {
            let kind = PurposeKind {
                entry,
                expects: cx.refs_prop(items, "expects", &[Kind::Basis]),
                direct_marketing: cx.flag(items, "direct-marketing").is_some(),
                profiling: cx.flag(items, "profiling").is_some(),
                tracking: cx.flag(items, "tracking").is_some(),
                statute_bound: cx.flag(items, "statute-bound").is_some(),
                dpv: cx.string_prop(items, "dpv"),
                fideslang: cx.string_prop(items, "fideslang"),
            };
            vocab.purpose_kinds.insert(key.into(), kind);
        }
        Kind::Basis => {
            let basis = Basis {
                entry,
                article: cx.string_prop(items, "article"),
                art9: cx.flag(items, "art9").is_some(),
                withdrawable: cx.flag(items, "withdrawable").is_some(),
                states_interest: cx.flag(items, "states-interest").is_some(),
                cites_statute: cx.flag(items, "cites-statute").is_some(),
                requires_rights: cx.refs_prop(items, "requires-rights", &[Kind::Right]),
                excludes: cx.refs_prop(items, "excludes", &[Kind::Basis]),
                dpv: cx.string_prop(items, "dpv"),
                fideslang: cx.string_prop(items, "fideslang"),
            };
            vocab.bases.insert(key.into(), basis);
        }
        Kind::Right | Kind::Role | Kind::Term => {
            let concept = Concept {
                entry,
                article: cx.string_prop(items, "article"),
                dpv: cx.string_prop(items, "dpv"),
            };
            match kind {
                Kind::Right => vocab.rights.insert(key.into(), concept),
                Kind::Role => vocab.roles.insert(key.into(), concept),
                _ => vocab.terms.insert(key.into(), concept),
            };
        }
        Kind::RecipientKind => {
            let typical_role = cx
                .refs_prop(items, "typical-role", &[Kind::Role])
                .into_iter()
                .next();
            vocab.recipient_kinds.insert(
                key.into(),
                RecipientKind {
                    entry,
                    typical_role,
                },
            );
        }
        Kind::Vendor => {
            let vendor = Vendor {
                entry,
                entity: cx.string_prop(items, "entity"),
                countries: cx.refs_prop(items, "country", &[Kind::Country, Kind::Region]),
                kind: cx
                    .refs_prop(items, "kind", &[Kind::RecipientKind])
                    .into_iter()
                    .next(),
                joint_controller_pattern: cx.flag(items, "joint-controller-pattern").is_some(),
                domains: find_all(items, "domain")
                    .filter_map(|i| cx.one_string(i))
                    .collect(),
            };
            vocab.vendors.insert(key.into(), vendor);
        }
        Kind::Safeguard => {
            let safeguard = Safeguard {
                entry,
                kind: cx
                    .word_prop(items, "kind", SafeguardKind::WORDS)
                    .and_then(|(w, _)| SafeguardKind::parse(&w)),
                instrument: cx.string_prop(items, "instrument"),
                valid_from: cx.date_prop(items, "valid-from"),
                valid_until: cx.date_prop(items, "valid-until"),
                no_new_contracts_after: cx.date_prop(items, "no-new-contracts-after"),
                ended_by: cx.string_prop(items, "ended-by"),
                countries: cx.refs_prop(items, "countries", &[Kind::Country, Kind::Region]),
                requires_certification: cx.flag(items, "requires-certification").is_some(),
                insufficient: cx.flag(items, "insufficient").is_some(),
                exporter: cx
                    .refs_prop(items, "exporter", &[Kind::Country])
                    .into_iter()
                    .next(),
            };
            vocab.safeguards.insert(key.into(), safeguard);
        }
        Kind::Country => {
            let adequacy = find_all(items, "adequacy")
                .map(|i| adequacy(cx, i))
                .collect();
            let country = Country {
                entry,
                language: cx
                    .word_prop(items, "language", super::LANGUAGES)
                    .map(|(w, _)| w),
                eea: cx.flag(items, "eea").is_some(),
                eu: cx.flag(items, "eu").is_some(),
                adequacy,
                org_number: find_all(items, "org-number")
                    .next()
                    .and_then(|i| org_number(cx, i)),
            };
            vocab.countries.insert(key.into(), country);
        }
        Kind::Region => {
            let region = Region {
                entry,
                third_country: cx.flag(items, "third-country").is_some(),
                eea: cx.flag(items, "eea").is_some(),
                country: cx
                    .refs_prop(items, "country", &[Kind::Country])
                    .into_iter()
                    .next(),
            };
            vocab.regions.insert(key.into(), region);
        }
        Kind::Statute => {
            let retain = find(items, "retain").and_then(|i| retention(cx, i, &i.args));
            let statute = Statute {
                entry,
                country: cx
                    .refs_prop(items, "country", &[Kind::Country])
                    .into_iter()
                    .next(),
                family: cx.word_prop(items, "family", &[]).map(|(w, _)| w),
                section: cx.string_prop(items, "section"),
                retain,
                in_force: cx.date_prop(items, "in-force"),
                repealed: cx.date_prop(items, "repealed"),
                age: cx.number_prop(items, "age"),
                consent_standard: cx.word_prop(items, "consent-standard", &[]).map(|(w, _)| w),
            };
            vocab.statutes.insert(key.into(), statute);
        }
        Kind::Event => {
            let event = Event {
                entry,
                vague: cx.flag(items, "vague").is_some(),
                fits: cx.refs_prop(items, "fits", &[Kind::Basis]),
            };
            vocab.events.insert(key.into(), event);
        }
        Kind::Mechanism => {
            let invalid = find(items, "invalid").and_then(|i| cx.one_text(i));
            let mechanism = Mechanism {
                entry,
                valid: cx.flag(items, "valid").is_some(),
                invalid,
                bundled: cx.flag(items, "bundled").is_some(),
            };
            vocab.mechanisms.insert(key.into(), mechanism);
        }
        Kind::Channel => {
            vocab.channels.insert(
                key.into(),
                Channel {
                    entry,
                    electronic: cx.flag(items, "electronic").is_some(),
                },
            );
        }
        Kind::CookieKind => {
            vocab.cookie_kinds.insert(
                key.into(),
                CookieKind {
                    entry,
                    exempt: cx.flag(items, "exempt").is_some(),
                },
            );
        }
        Kind::Authority => {
            let authority = Authority {
                entry,
                country: cx
                    .refs_prop(items, "country", &[Kind::Country])
                    .into_iter()
                    .next(),
                region: cx
                    .refs_prop(items, "region", &[Kind::Region])
                    .into_iter()
                    .next(),
                addresses: find_all(items, "address")
                    .filter_map(|i| cx.one_text(i))
                    .collect(),
                email: cx.string_prop(items, "email"),
                phone: cx.string_prop(items, "phone"),
                web: cx.string_prop(items, "web"),
            };
            vocab.authorities.insert(key.into(), authority);
        }
        Kind::Phrases => {
            let mut phrases = Vec::new();
            for item in find_all(items, "match") {
                for atom in &item.args {
                    match atom {
                        Atom::Text(t) => {
                            phrases.extend(t.parts.iter().map(|p| p.value.to_string()))
                        }
                        Atom::Comma(_) => {}
                        other => cx.invalid_args(
                            item,
                            "strings separated by commas",
                            other.span(),
                            &other.describe(),
                        ),
                    }
                }
            }
            vocab.phrases.insert(
                key.into(),
                Phrases {
                    entry,
                    phrases,
                    matcher: Default::default(),
                },
            );
        }
        Kind::LegalEvent => {
            let affects = find_all(items, "affects")
                .flat_map(|i| i.args.iter())
                .filter_map(|a| {
                    if let Atom::Path(p) = a {
                        Some(p.text.to_string())
                    } else {
                        None
                    }
                })
                .collect();
            let event = LegalEvent {
                entry,
                date: cx.date_prop(items, "date"),
                affects,
            };
            vocab.legal_events.insert(key.into(), event);
        }
        Kind::Policy
        | Kind::Controller
        | Kind::Recipient
        | Kind::Cookie
        | Kind::Rights
        | Kind::Joint
        | Kind::Forbid
        | Kind::Require => {
            return false;
        }
    }
    true
}

/// A `source` line: a stated source, or `source unstated`.
enum Stated {
    Source(DataSource),
    Unstated(crate::ir::Loc),
}

fn data_source(cx: &mut Cx, item: &crate::syntax::ast::Item) -> Option<Stated> {
    let expected = format!("{} or `unstated`", super::cx::one_of(SourceKind::WORDS));
    let (word, span) = match item.args.first() {
        Some(Atom::Path(p)) if p.text == "unstated" || SourceKind::parse(&p.text).is_some() => {
            (p.text.clone(), p.span)
        }
        other => {
            let (span, found) = other.map_or((item.key.span, "nothing".into()), |a| {
                (a.span(), a.describe())
            });
            cx.invalid_args(item, &expected, span, &found);
            return None;
        }
    };
    let text = match item.args.get(1..) {
        Some([Atom::Text(t)]) if word != "unstated" => Some(cx.text(t)),
        Some([]) | None => None,
        Some([other, ..]) => {
            let what = if word == "unstated" {
                "nothing after `unstated`"
            } else {
                "a source and an optional string"
            };
            cx.invalid_args(item, what, other.span(), &other.describe());
            return None;
        }
    };
    if word == "unstated" {
        return Some(Stated::Unstated(cx.loc(span)));
    }
    Some(Stated::Source(DataSource {
        kind: SourceKind::parse(&word)?,
        text,
        loc: cx.loc(span),
    }))
}

fn data_category(cx: &mut Cx, decl: &ItemDecl, entry: Entry, parent: Option<Ref>) -> DataCategory {
    let items = decl.items();
    let mut sources = Vec::new();
    let mut source_unstated = None;
    for item in items.iter().filter(|i| i.key.text == "source") {
        match data_source(cx, item) {
            Some(Stated::Source(s)) => sources.push(s),
            Some(Stated::Unstated(loc)) => source_unstated = Some((loc, item)),
            None => {}
        }
    }
    if let (Some((_, item)), Some(first)) = (source_unstated, sources.first()) {
        cx.diags.push(
            Diagnostic::error(
                codes::INVALID_ARGUMENTS,
                "`source unstated` contradicts a stated source",
                Label::new(cx.file, item.span, "says the source is not stated"),
            )
            .with_secondary(Label::new(
                first.loc.file,
                first.loc.span,
                "a source is stated here",
            ))
            .with_help("keep the sources the policy states, or only `source unstated`"),
        );
    }
    let source_unstated = source_unstated.map(|(loc, _)| loc);
    let fields = find(items, "fields")
        .map(|i| fields(cx, i))
        .unwrap_or_default();
    DataCategory {
        entry,
        parent,
        includes: cx.refs_prop(items, "includes", &[Kind::Data]),
        special: cx.flag(items, "special").is_some(),
        criminal: cx.flag(items, "criminal").is_some(),
        identifier: cx.flag(items, "identifier").is_some(),
        quasi_identifier: cx.flag(items, "quasi-identifier").is_some(),
        national_id: cx.flag(items, "national-id").is_some(),
        anonymous: cx.flag(items, "anonymous"),
        pseudonymised: cx.flag(items, "pseudonymised").is_some(),
        justification: cx.text_prop(items, "justification"),
        sources,
        source_unstated,
        fields,
        dpv: cx.string_prop(items, "dpv"),
        fideslang: cx.string_prop(items, "fideslang"),
        waivers: super::policy::waivers(cx, items),
    }
}

fn fields(cx: &mut Cx, item: &crate::syntax::ast::Item) -> Vec<Field> {
    let Some(block) = &item.block else {
        cx.invalid_args(
            item,
            "a block of fields: `fields { NAME TYPE }`",
            item.key.span,
            "no block",
        );
        return Vec::new();
    };
    let types = crate::lang::field_types();
    let mut out = Vec::new();
    for field in &block.items {
        let mut args = field.args.iter();
        let ty = match args.next() {
            Some(Atom::Path(t)) if types.contains(&t.text.as_str()) => t.text.to_string(),
            other => {
                let (span, found) = other.map_or((field.key.span, "nothing".into()), |a| {
                    (a.span(), a.describe())
                });
                cx.invalid_args(
                    field,
                    &format!("a type: {}", super::cx::one_of(types)),
                    span,
                    &found,
                );
                continue;
            }
        };
        let mut optional = false;
        let mut label = None;
        for atom in args {
            match atom {
                Atom::Path(p) if p.text == "optional" => optional = true,
                Atom::Text(t) => label = Some(cx.text(t)),
                other => cx.invalid_args(
                    field,
                    "a type, then `optional` or a label",
                    other.span(),
                    &other.describe(),
                ),
            }
        }
        out.push(Field {
            name: field.key.text.to_string(),
            ty,
            optional,
            label,
            loc: cx.loc(field.span),
        });
    }
    out
}

fn org_number(cx: &mut Cx, item: &crate::syntax::ast::Item) -> Option<OrgNumberScheme> {
    let items = item.block.as_ref().map_or(&[][..], |b| &b.items);
    cx.check_props(
        items,
        crate::lang::find_prop(Kind::Country.props(), "org-number").map_or(&[], |p| p.block),
        "org-number block",
        |_| false,
    );
    let name = cx.string_prop(items, "name");
    let digits = cx.number_prop(items, "digits");
    let check = cx.word_prop(
        items,
        "check",
        &["mod11-no", "mod11-dk", "mod11-fi", "luhn"],
    );
    let format = cx.string_prop(items, "format");
    let cite = find_all(items, "cite")
        .filter_map(|i| cx.one_string(i))
        .collect();
    let (Some(name), Some(digits), Some(check)) = (name, digits, check) else {
        cx.error(
            codes::INVALID_ARGUMENTS,
            "an `org-number` block needs `name`, `digits` and `check`",
            item.key.span,
            "incomplete scheme",
        );
        return None;
    };
    Some(OrgNumberScheme {
        name,
        digits,
        check: check.0,
        format,
        cite,
    })
}

fn adequacy(cx: &mut Cx, item: &crate::syntax::ast::Item) -> Adequacy {
    let items = item.block.as_ref().map_or(&[][..], |b| &b.items);
    cx.check_props(
        items,
        crate::lang::find_prop(Kind::Country.props(), "adequacy").map_or(&[], |p| p.block),
        "adequacy block",
        |_| false,
    );
    Adequacy {
        decision: cx.string_prop(items, "decision"),
        from: cx.date_prop(items, "from"),
        until: cx.date_prop(items, "until"),
        scope: cx.string_prop(items, "scope"),
        cite: find_all(items, "cite")
            .filter_map(|i| cx.one_string(i))
            .collect(),
        unverified: cx.flag(items, "unverified").is_some(),
        loc: cx.loc(item.span),
    }
}
