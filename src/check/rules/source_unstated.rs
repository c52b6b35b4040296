//! `source-unstated`: the policy does not say where some of its data comes from.
//!
//! Fires once per policy on the data categories its purposes process whose source the policy does
//! not state: no `source` of their own, none inherited through `is PARENT`, and no `default-source` in
//! the `policy` block (`sema::Sema::source_of`). Groupings whose parts all have a source, and data whose
//! anonymity claim holds, are not counted. The notice lists such data under "Source not stated" and
//! never says "we do not obtain data about you from others".

use super::notice_element;
use crate::check::{BROKEN, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::sema::Anonymity;

pub static RULE: Rule = Rule {
    id: "source-unstated",
    group: "data",
    default: Severity::Warning,
    reach: Reach::Policy,
    national: &[],
    facts: &[],
    absent: &[BROKEN, "source", "default-source"],
    summary: "the policy does not say where some of its data comes from",
    legal: "GDPR Art. 13(1), 14(1)(d), 14(2)(f)",
    explain: include_str!("../../../docs/rules/source-unstated.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    let Some(meta) = &cx.policy.meta else { return };
    let listed: Vec<_> = cx
        .policy
        .data
        .iter()
        .filter_map(|n| cx.vocab.data.get(n))
        .collect();
    let unstated: Vec<_> = listed
        .iter()
        .filter(|d| {
            let grouping = d.sources.is_empty()
                && d.source_unstated.is_none()
                && !d.includes.is_empty()
                && d.includes.iter().all(|i| {
                    listed.iter().any(|l| l.entry.name == i.name) || cx.source_of(&i.name).is_some()
                });
            !grouping
                && cx.anonymity(&d.entry.name) != Anonymity::Claimed
                && cx.source_of(&d.entry.name).is_none()
        })
        .collect();
    let Some(first) = unstated.first() else {
        return;
    };
    let names: Vec<String> = unstated
        .iter()
        .take(5)
        .map(|d| format!("`{}`", d.entry.name))
        .collect();
    let more = match unstated.len() {
        n if n > 5 => format!(" and {} more", n - 5),
        _ => String::new(),
    };
    let d = out.add(
        &meta.waivers,
        format!(
            "the policy does not say where {}{more} come{} from",
            names.join(", "),
            if unstated.len() == 1 { "s" } else { "" }
        ),
        RuleCx::label(meta.loc, "no `default-source`"),
    );
    for c in unstated.iter().take(3) {
        let at = if c.entry.module.is_none() {
            c.entry.loc
        } else {
            // A stdlib category: point at the policy's first use of it.
            cx.purposes_using(&c.entry.name)
                .first()
                .and_then(|p| p.uses.iter().find(|u| u.name == c.entry.name))
                .map_or(first.entry.loc, |u| u.loc)
        };
        d.secondary.push(RuleCx::label(
            at,
            format!("`{}`: source not stated", c.entry.name),
        ));
    }
    d.notes.push("data collected from the person is covered by Art. 13; data obtained otherwise needs its source (Art. 14(2)(f))".into());
    d.help = Some("add `default-source subject` to the `policy` block if the data comes from the people it is about, and `source KIND \"...\"` to each category that comes from elsewhere".into());
    notice_element::add_to_policy_block(
        cx,
        d,
        "default-source subject",
        "Declare that data comes from the person unless a category says otherwise",
    );
}
