//! `special-category-without-art9-condition`: special-category data is processed without an Art. 9(2) condition.
//!
//! Fires on a purpose that uses data whose closure (the category, what it refines, what it includes) holds
//! a category flagged `special`, when none of the purpose's `condition`s (nor, misplaced, its `basis`es)
//! names a basis flagged `art9`.
//! Downgraded to a warning: criminal-offence data (flag `criminal`, Art. 10) used by a purpose that
//! states neither an Art. 9(2) `condition` nor a statute (`basis ... under STATUTE`); and a text of the
//! policy that says it processes no sensitive data (stdlib phrases `no-sensitive-data-claims`) while a
//! purpose uses special-category data.

use crate::check::{Fact, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Label, Severity};
use crate::ir::{DataCategory, Loc, Purpose, Ref, Text, Waiver};

pub static RULE: Rule = Rule {
    id: "special-category-without-art9-condition",
    group: "data",
    default: Severity::Error,
    reach: Reach::Declaration,
    national: &[],
    facts: &[Fact::Phrases("no-sensitive-data-claims")],
    absent: &["condition"],
    summary: "special-category data is processed without an Art. 9(2) condition",
    legal: "GDPR Art. 9(1)-(2), Recital 51",
    explain: include_str!("../../../docs/rules/special-category-without-art9-condition.md"),
    check,
};

/// The phrase list of claims that no sensitive data is processed.
const NO_SENSITIVE_CLAIMS: &str = "no-sensitive-data-claims";

fn check(cx: &RuleCx, out: &mut Findings) {
    for p in &cx.policy.purposes {
        // An Art. 9(2) condition named as a `basis` still states the condition; whether the purpose
        // then lacks an Art. 6 basis is `purpose-without-legal-basis`'s question.
        let is_art9 = |name: &str| cx.basis(name).is_some_and(|b| b.art9);
        let art9 = p.conditions.iter().any(|c| is_art9(&c.basis.name))
            || p.bases.iter().any(|b| is_art9(&b.basis.name));
        if art9 {
            continue;
        }
        let special = flagged_uses(cx, p, |d| d.special);
        if let Some(((first, cat), rest)) = special.split_first() {
            let d = out.add(
                &p.waivers,
                format!(
                    "purpose `{}` processes special-category data without an Art. 9(2) condition",
                    p.name
                ),
                RuleCx::label(
                    first.loc,
                    what_it_is(first, cat, "special-category data (Art. 9(1))"),
                ),
            );
            for (r, c) in rest {
                d.secondary
                    .push(label(r.loc, what_it_is(r, c, "also special-category data")));
            }
            if cat.entry.name != first.name {
                d.secondary.push(label(
                    cat.entry.loc,
                    format!("`{}` is flagged `special` here", cat.entry.name),
                ));
            }
            not_art9_conditions(cx, p, &mut d.secondary);
            d.notes.push(
                "processing of special-category data is prohibited unless one of the conditions of Art. 9(2) applies, and the notice names it"
                    .into(),
            );
            if let Some(list) = art9_list(cx) {
                d.notes.push(format!("the Art. 9(2) conditions are {list}"));
            }
            d.help = Some(format!(
                "add the condition that applies to purpose `{}`, e.g. `condition explicit-consent \"...\"`",
                p.name
            ));
        }

        // Art. 10: criminal-offence data needs official authority or a Union or Member State law that
        // authorises it; the notice should name that law (or the Art. 9(2) condition national law points to).
        let under_statute = p.bases.iter().any(|b| b.statute.is_some());
        if under_statute {
            continue;
        }
        let criminal = flagged_uses(cx, p, |d| d.criminal);
        if let Some(((first, cat), rest)) = criminal.split_first() {
            let d = out.add_at(
                Severity::Warning,
                &p.waivers,
                format!("purpose `{}` processes criminal-offence data without naming what authorises it", p.name),
                RuleCx::label(first.loc, what_it_is(first, cat, "criminal-offence data (Art. 10)")),
            );
            for (r, c) in rest {
                d.secondary
                    .push(label(r.loc, what_it_is(r, c, "also criminal-offence data")));
            }
            if cat.entry.name != first.name {
                d.secondary.push(label(
                    cat.entry.loc,
                    format!("`{}` is flagged `criminal` here", cat.entry.name),
                ));
            }
            not_art9_conditions(cx, p, &mut d.secondary);
            d.notes.push(
                "GDPR Art. 10: data about criminal convictions and offences may be processed only under the control of official authority or when Union or Member State law authorises it"
                    .into(),
            );
            d.help = Some(format!(
                "name the authority in purpose `{}`: the Art. 9(2) condition national law refers to (`condition art9-legal-claims \"...\"`), or the statute (`basis legal-obligation under STATUTE`)",
                p.name
            ));
        }
    }
    sensitive_data_claims(cx, out);
}

/// The purpose's `uses` whose closure holds a category with `flag`, each with the nearest such category.
fn flagged_uses<'a>(
    cx: &RuleCx<'a>,
    p: &'a Purpose,
    flag: impl Fn(&DataCategory) -> bool,
) -> Vec<(&'a Ref, &'a DataCategory)> {
    p.uses
        .iter()
        .filter_map(|u| {
            cx.data_closure(&u.name)
                .into_iter()
                .find(|d| flag(d))
                .map(|d| (u, d))
        })
        .collect()
}

fn what_it_is(used: &Ref, flagged: &DataCategory, what: &str) -> String {
    if used.name == flagged.entry.name {
        format!("`{}` is {what}", used.name)
    } else {
        format!("`{}` holds `{}`, {what}", used.name, flagged.entry.name)
    }
}

fn label(loc: Loc, message: impl Into<String>) -> Label {
    Label::new(loc.file, loc.span, message)
}

/// A `condition` that names an Art. 6 basis instead of an Art. 9(2) condition.
fn not_art9_conditions(cx: &RuleCx, p: &Purpose, labels: &mut Vec<Label>) {
    for c in &p.conditions {
        if cx.basis(&c.basis.name).is_some_and(|b| !b.art9) {
            labels.push(label(
                c.basis.loc,
                format!("`{}` is not an Art. 9(2) condition", c.basis.name),
            ));
        }
    }
}

/// "`explicit-consent` (9(2)(a)), `art9-employment` (9(2)(b)), ...", from the stdlib's `art9` flags.
fn art9_list(cx: &RuleCx) -> Option<String> {
    let mut bases: Vec<_> = cx.vocab.bases.values().filter(|b| b.art9).collect();
    if bases.is_empty() {
        return None;
    }
    bases.sort_by(|a, b| {
        a.article
            .cmp(&b.article)
            .then(a.entry.name.cmp(&b.entry.name))
    });
    let items: Vec<String> = bases
        .iter()
        .map(|b| match &b.article {
            Some(a) => format!("`{}` ({a})", b.entry.name),
            None => format!("`{}`", b.entry.name),
        })
        .collect();
    Some(items.join(", "))
}

/// A text of the policy that claims no sensitive data is processed, while a purpose uses special data.
fn sensitive_data_claims(cx: &RuleCx, out: &mut Findings) {
    let Some((purpose, used, cat)) = cx.policy.purposes.iter().find_map(|p| {
        flagged_uses(cx, p, |d| d.special)
            .into_iter()
            .next()
            .map(|(u, c)| (p, u, c))
    }) else {
        return;
    };
    for (text, waivers, fallback) in texts(cx) {
        let Some(phrase) = cx.matches_phrase(text, NO_SENSITIVE_CLAIMS) else {
            continue;
        };
        let Some(loc) = text.loc.or(fallback) else {
            continue;
        };
        let d = out.add_at(
            Severity::Warning,
            waivers,
            format!("the policy says it processes no sensitive data, but purpose `{}` uses special-category data", purpose.name),
            RuleCx::label(RuleCx::phrase_loc(text, loc, phrase), "claims no sensitive data"),
        );
        d.secondary.push(label(
            used.loc,
            what_it_is(used, cat, "special-category data (Art. 9(1))"),
        ));
        d.help = Some("remove the claim, and state the Art. 9(2) condition of each purpose that uses special-category data".into());
    }
}

/// The human texts of the policy, with the waivers of the declaration that holds each.
fn texts<'a>(cx: &RuleCx<'a>) -> Vec<(&'a Text, &'a [Waiver], Option<Loc>)> {
    let mut out: Vec<(&Text, &[Waiver], Option<Loc>)> = Vec::new();
    if let Some(m) = &cx.policy.meta {
        out.push((&m.title, &m.waivers[..], Some(m.loc)));
        out.extend(
            m.description
                .iter()
                .map(|t| (t, &m.waivers[..], Some(m.loc))),
        );
    }
    if let Some(c) = &cx.policy.controller {
        out.extend(
            c.description
                .iter()
                .map(|t| (t, &c.waivers[..], Some(c.loc))),
        );
    }
    for p in &cx.policy.purposes {
        for t in [&p.label, &p.description].into_iter().flatten() {
            out.push((t, &p.waivers, Some(p.loc)));
        }
    }
    for name in &cx.policy.data {
        let Some(d) = cx.vocab.data.get(name) else {
            continue;
        };
        if d.entry.module.is_some() {
            continue;
        }
        out.push((&d.entry.label, &d.waivers, Some(d.entry.loc)));
        out.extend(
            d.entry
                .description
                .iter()
                .map(|t| (t, &d.waivers[..], Some(d.entry.loc))),
        );
    }
    for r in &cx.policy.recipients {
        for t in [&r.label, &r.description].into_iter().flatten() {
            out.push((t, &r.waivers, Some(r.loc)));
        }
    }
    if let Some(r) = &cx.policy.rights {
        out.extend(r.exercise.iter().map(|t| (t, &r.waivers[..], Some(r.loc))));
        out.extend(
            r.rights
                .iter()
                .filter_map(|s| s.how.as_ref())
                .map(|t| (t, &r.waivers[..], Some(r.loc))),
        );
    }
    out
}
