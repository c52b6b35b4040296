//! `national-id-without-justification`: a national identity number is processed without a justification.
//!
//! Fires on a purpose that uses data whose closure holds a category flagged `national-id`, when no
//! category in that closure that itself holds the national identity number (the used category, the
//! categories it refines, or the groups between it and the number) gives a non-empty `justification`.
//! The justification lives on the data category, not on the purpose: a purpose-specific justification
//! is a purpose-specific category (`data fnr-credit is national-id { justification "..." }`).
//!
//! Stays quiet when the national statute in force for the controller's country (family `national-id`)
//! records a `consent-standard` (consent is an alternative ground there) and every basis of the purpose
//! is withdrawable consent.

use std::collections::BTreeSet;

use crate::check::{Fact, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Label, Severity};
use crate::ir::{Purpose, Statute};

pub static RULE: Rule = Rule {
    id: "national-id-without-justification",
    group: "data",
    default: Severity::Warning,
    reach: Reach::Declaration,
    national: &["national-id"],
    facts: &[Fact::Family("national-id")],
    absent: &["justification"],
    summary: "a national identity number is processed without a justification",
    legal: "GDPR Art. 87",
    explain: include_str!("../../../docs/rules/national-id-without-justification.md"),
    check,
};

/// The stdlib statute family of national rules on identity numbers.
const FAMILY: &str = "national-id";

fn check(cx: &RuleCx, out: &mut Findings) {
    let statute = cx
        .controller_country()
        .and_then(|c| cx.statute_in_force(FAMILY, c));
    for p in &cx.policy.purposes {
        if statute.is_some_and(|s| consent_is_alternative(cx, s, p)) {
            continue;
        }
        let mut reported = BTreeSet::new();
        for u in &p.uses {
            let closure = cx.data_closure(&u.name);
            let Some(nid) = closure.iter().find(|d| d.national_id) else {
                continue;
            };
            let justified = closure.iter().any(|d| {
                d.justification.as_ref().is_some_and(|t| !t.is_empty())
                    && cx.data_has(&d.entry.name, |x| x.national_id)
            });
            if justified || !reported.insert(nid.entry.name.clone()) {
                continue;
            }
            let here = if u.name == nid.entry.name {
                format!(
                    "`{}` is a national identity number with no `justification`",
                    u.name
                )
            } else {
                format!(
                    "`{}` holds `{}`, a national identity number, with no `justification`",
                    u.name, nid.entry.name
                )
            };
            let d = out.add(
                &p.waivers,
                format!(
                    "purpose `{}` processes a national identity number without a justification",
                    p.name
                ),
                RuleCx::label(u.loc, here),
            );
            // Where to write the justification: the nearest policy-declared category on the way.
            let own = closure.iter().find(|c| {
                c.entry.module.is_none() && cx.data_has(&c.entry.name, |x| x.national_id)
            });
            match own {
                Some(c) => {
                    if c.entry.name != u.name {
                        d.secondary.push(Label::new(
                            c.entry.loc.file,
                            c.entry.loc.span,
                            "declared here",
                        ));
                    }
                    d.help = Some(format!(
                        "add `justification \"...\"` to `data {}`: why secure identification is needed and why the number is necessary for it",
                        c.entry.name
                    ));
                }
                None => {
                    d.help = Some(format!(
                        "declare `data fnr is {} {{ justification \"...\" }}` (why secure identification is needed) and use it instead of `{}`",
                        nid.entry.name, u.name
                    ));
                }
            }
            if let Some(s) = statute {
                d.notes.push(statute_note(cx, s));
            }
        }
    }
}

/// The statute records a consent standard (consent is an alternative ground for the number) and the
/// purpose rests on withdrawable consent only.
fn consent_is_alternative(cx: &RuleCx, s: &Statute, p: &Purpose) -> bool {
    s.consent_standard.is_some() && !p.bases.is_empty() && p.bases.iter().all(|b| cx.is_consent(b))
}

fn statute_note(cx: &RuleCx, s: &Statute) -> String {
    let name = cx.name_of(&s.entry.name);
    match s.entry.description.as_ref().and_then(|t| t.any("en")) {
        Some(what) => format!("{name}: {what}"),
        None => format!("{name} sets the conditions for processing national identity numbers"),
    }
}
