//! `child-consent-age`: consent from children below the national age of digital consent without parental consent.
//!
//! Fires on a purpose with an Art. 6(1) consent basis (a stdlib basis flagged `withdrawable`, not
//! `art9`) about a subject that may be below the age of digital consent:
//! - the subject, or one it refines, is flagged `child`, and the nearest `min-age` on the way is absent
//!   or below the age; or
//! - the nearest `min-age` is below the age, whether or not the subject is flagged `child`.
//!
//! The age is that of the `child-consent-age` statute in force for each EEA country the notice
//! addresses (`audience`, else the controller's country) and for the controller's country, the highest;
//! a country with no such statute, or a fragment with no controller, gets the GDPR's own statute of the
//! family (the one with no `country`, Art. 8(1): 16).
//!
//! Stays quiet when one of the purpose's consent bases has `mechanism parental-consent`: the policy's
//! statement that consent below the age is given or authorised by the holder of parental
//! responsibility, usually as its own case (`basis consent when "du er under 13 år" { ... }`).
//!
//! Art. 8 applies to information society services offered directly to a child; the language cannot
//! say whether a purpose is one, so the rule assumes it is.

use crate::check::{Fact, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Label, Severity};
use crate::ir::{BasisUse, Ref, Statute};
use crate::lang::Kind;

pub static RULE: Rule = Rule {
    id: "child-consent-age",
    group: "consent",
    default: Severity::Error,
    reach: Reach::Declaration,
    national: &["child-consent-age"],
    facts: &[
        Fact::Family("child-consent-age"),
        Fact::Term(Kind::Mechanism, "parental-consent"),
    ],
    absent: &[],
    summary: "consent from children below the national age of digital consent without parental consent",
    legal: "GDPR Art. 8(1)-(2), Recital 38",
    explain: include_str!("../../../docs/rules/child-consent-age.md"),
    check,
};

/// The stdlib statute family of ages of digital consent.
const FAMILY: &str = "child-consent-age";

/// The stdlib consent mechanism that states consent by the holder of parental responsibility.
const PARENTAL: &str = "parental-consent";

fn check(cx: &RuleCx, out: &mut Findings) {
    let Some((statute, age)) = applicable_statute(cx) else {
        return;
    };
    for p in &cx.policy.purposes {
        let consents: Vec<&BasisUse> = p.bases.iter().filter(|b| is_art6_consent(cx, b)).collect();
        let Some(first) = consents.first() else {
            continue;
        };
        if consents
            .iter()
            .any(|b| b.mechanism.as_ref().is_some_and(is_parental))
        {
            continue;
        }
        let young: Vec<(&Ref, Young)> = p
            .about
            .iter()
            .filter_map(|s| below(cx, &s.name, age).map(|y| (s, y)))
            .collect();
        if young.is_empty() {
            continue;
        }
        let d = out.add(
            &p.waivers,
            format!(
                "purpose `{}` rests on consent from children under {age} without parental consent",
                p.name
            ),
            RuleCx::label(
                first.basis.loc,
                format!("children under {age} cannot give this consent themselves"),
            ),
        );
        for (subject, why) in &young {
            let what = match why {
                Young::Child => format!("`{}` are children", subject.name),
                Young::MinAge(n) => format!("`{}` can be {n} years old", subject.name),
            };
            d.secondary
                .push(Label::new(subject.loc.file, subject.loc.span, what));
        }
        let law = cx.name_of(&statute.entry.name);
        d.secondary.push(Label::new(
            statute.entry.loc.file,
            statute.entry.loc.span,
            format!("{law}: age {age}"),
        ));
        if let Some(what) = statute.entry.description.as_ref().and_then(|t| t.any("en")) {
            d.notes.push(format!("{law}: {what}"));
        }
        d.help = Some(format!(
            "add the parental case, e.g. `basis {} when \"under {age}\" {{ mechanism {PARENTAL} ... }}`, or raise the subjects' `min-age` to {age}",
            first.basis.name
        ));
    }
}

/// Why a subject may be below the age.
enum Young {
    /// Flagged `child` (itself or a subject it refines), with no `min-age` on the way.
    Child,
    /// The nearest `min-age` on the way is below the age.
    MinAge(u64),
}

fn below(cx: &RuleCx, subject: &str, age: u64) -> Option<Young> {
    let mut child = false;
    let mut min_age = None;
    let mut next = Some(subject.to_string());
    let mut seen: Vec<String> = Vec::new();
    while let Some(name) = next.take() {
        let Some(s) = cx.vocab.subjects.get(&name) else {
            break;
        };
        if seen.contains(&name) {
            break;
        }
        child |= s.child;
        min_age = min_age.or(s.min_age);
        next = s.parent.as_ref().map(|r| r.name.to_string());
        seen.push(name);
    }
    match (min_age, child) {
        (Some(n), _) if n < age => Some(Young::MinAge(n)),
        (Some(_), _) | (None, false) => None,
        (None, true) => Some(Young::Child),
    }
}

fn is_art6_consent(cx: &RuleCx, b: &BasisUse) -> bool {
    cx.basis(&b.basis.name)
        .is_some_and(|x| x.withdrawable && !x.art9)
}

fn is_parental(m: &Ref) -> bool {
    m.name.strip_prefix("std.").unwrap_or(&m.name) == PARENTAL
}

/// The statute with the highest age among the EEA countries the notice addresses and the controller's
/// country. An audience outside the EEA has no Art. 8 age of its own.
fn applicable_statute<'a>(cx: &RuleCx<'a>) -> Option<(&'a Statute, u64)> {
    let default = cx.vocab.statutes.values().find(|s| {
        s.family.as_deref() == Some(FAMILY)
            && s.country.is_none()
            && s.in_force.is_none_or(|d| d <= cx.as_of)
            && s.repealed.is_none_or(|d| d > cx.as_of)
    });
    let mut countries: Vec<&str> = cx.audience().into_iter().filter(|c| cx.is_eea(c)).collect();
    countries.extend(cx.controller_country());
    let candidates: Vec<&Statute> = if countries.is_empty() {
        default.into_iter().collect()
    } else {
        countries
            .iter()
            .filter_map(|c| cx.statute_in_force(FAMILY, c).or(default))
            .collect()
    };
    candidates
        .into_iter()
        .filter_map(|s| s.age.map(|a| (s, a)))
        .max_by_key(|(_, a)| *a)
}
