//! `retention-vague`: retention is only "as long as necessary" or similar, with no period or criterion.
//!
//! Also: `indefinitely` with no Art. 89(1) ground (an error: "forever" is no retention period);
//! `at-least` (a minimum with no maximum: a warning); `normally` (a rule whose exceptions are not
//! named: a note).

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::{Qualifier, Ref, Retention, RetentionRule};

pub static RULE: Rule = Rule {
    id: "retention-vague",
    group: "retention",
    default: Severity::Warning,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &[],
    summary: "retention is only \"as long as necessary\" or similar, with no period or criterion",
    legal: "GDPR Art. 13(2)(a); WP260 rev.01 Annex",
    explain: include_str!("../../../docs/rules/retention-vague.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    for purpose in &cx.policy.purposes {
        for rule in &purpose.retention {
            forms(purpose, rule, out);
            let mut events = Vec::new();
            if !vague(cx, &rule.retention, &mut events) {
                continue;
            }
            // A concrete `retain` for the same data (or for all of it) gives the period.
            if purpose
                .retention
                .iter()
                .any(|other| !vague(cx, &other.retention, &mut Vec::new()) && covers(other, rule))
            {
                continue;
            }
            let Some(first) = events.first() else {
                continue;
            };
            let names: Vec<String> = events.iter().map(|e| format!("`{}`", e.name)).collect();
            let d = out.add(
                &purpose.waivers,
                format!(
                    "`{}` keeps data until {}, which gives no period or criterion",
                    purpose.name,
                    names.join(" or ")
                ),
                RuleCx::label(first.loc, "no period or checkable criterion"),
            );
            for e in &events[1..] {
                d.secondary.push(RuleCx::label(
                    e.loc,
                    "no period or checkable criterion either",
                ));
            }
            for e in &events {
                if let Some(event) = cx.vocab.events.get(&e.name)
                    && !d
                        .secondary
                        .iter()
                        .any(|l| l.file == event.entry.loc.file && l.span == event.entry.loc.span)
                {
                    d.secondary
                        .push(RuleCx::label(event.entry.loc, "declared `vague` here"));
                }
            }
            d.notes.push(
                "a generic statement that data is kept as long as necessary does not tell the reader how long: state a period, or the event that ends retention".into(),
            );
            d.help = Some("state a period or an event the reader can check: `retain 3y`, `retain until contract-end + 1y`".into());
        }
    }
}

/// True if the retention gives no period or criterion: every way it can end is a `vague` event. Collects
/// those events.
fn vague<'a>(cx: &RuleCx, retention: &'a Retention, events: &mut Vec<&'a Ref>) -> bool {
    let is_vague = |r: &Ref| cx.vocab.events.get(&r.name).is_some_and(|e| e.vague);
    match retention {
        Retention::Until { event, .. }
        | Retention::Period {
            after: Some(event), ..
        } if is_vague(event) => {
            events.push(event);
            true
        }
        Retention::FirstOf(alternatives) => {
            let mut found = Vec::new();
            if alternatives.iter().all(|a| vague(cx, a, &mut found)) && !alternatives.is_empty() {
                events.extend(found);
                true
            } else {
                false
            }
        }
        _ => false,
    }
}

/// True if `other` applies to all the data `rule` applies to.
fn covers(other: &RetentionRule, rule: &RetentionRule) -> bool {
    other.data.is_empty()
        || (!rule.data.is_empty()
            && rule
                .data
                .iter()
                .all(|d| other.data.iter().any(|o| o.name == d.name)))
}

/// The retention forms that are vague by their words: `indefinitely` without a ground, `at-least`,
/// `normally`.
fn forms(purpose: &crate::ir::Purpose, rule: &RetentionRule, out: &mut Findings) {
    let indefinite = |r: &Retention| matches!(r, Retention::Indefinite { ground: None });
    let open = match &rule.retention {
        Retention::FirstOf(alts) => alts.iter().all(indefinite),
        r => indefinite(r),
    };
    if open {
        let d = out.add_at(
            Severity::Error,
            &purpose.waivers,
            format!(
                "`{}` keeps data indefinitely, with no ground that allows it",
                purpose.name
            ),
            RuleCx::label(rule.loc, "kept with no end"),
        );
        d.notes.push("personal data may be kept longer than its purpose needs only for archiving in the public interest, scientific or historical research or statistics, with safeguards (Art. 5(1)(e), 89(1))".into());
        d.help = Some("state a period or an event (`retain 3y`), or the Art. 89 ground: `retain indefinitely archiving historical-research`".into());
    }
    match rule.qualifier {
        Some((Qualifier::AtLeast, loc)) => {
            let d = out.add(
                &purpose.waivers,
                format!(
                    "`{}` keeps data for at least a period, which gives no maximum",
                    purpose.name
                ),
                RuleCx::label(loc, "a minimum, not a period"),
            );
            d.help =
                Some("state how long the data is kept at most, or the event that ends it".into());
        }
        Some((Qualifier::Normally, loc)) => {
            let d = out.add_at(
                Severity::Info,
                &purpose.waivers,
                format!("`{}` keeps data `normally` for a period, without saying when it is kept longer", purpose.name),
                RuleCx::label(loc, "the exceptions are not stated"),
            );
            d.help = Some("add a `retain ... for DATA` line for the data kept longer, or say when (`retain 2y or until legal-claim-settled`)".into());
        }
        None => {}
    }
}
