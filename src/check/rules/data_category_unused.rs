//! `data-category-unused`: a declared data category is used by no purpose.
//!
//! Fires on a data category the policy declares (in any of its files; not the stdlib's) that is in the
//! closure of no purpose's `uses`: not used directly, not refined by used data (`data fnr is national-id`
//! makes `national-id` used), and not included in used data (`includes`). Being received by a recipient
//! or named in a `retain ... for` does not count as use (`undeclared-data-referenced` reports those).

use std::collections::BTreeSet;

use crate::check::{BROKEN, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "data-category-unused",
    group: "data",
    default: Severity::Warning,
    reach: Reach::Policy,
    national: &[],
    facts: &[],
    absent: &[BROKEN, "anywhere:uses"],
    summary: "a declared data category is used by no purpose",
    legal: "GDPR Art. 5(1)(b)-(c)",
    explain: include_str!("../../../docs/rules/data-category-unused.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    let used: BTreeSet<&str> = cx
        .policy
        .purposes
        .iter()
        .flat_map(|p| p.uses.iter())
        .flat_map(|u| cx.data_closure(&u.name))
        .map(|d| d.entry.name.as_str())
        .collect();
    for name in &cx.policy.data {
        let Some(d) = cx.vocab.data.get(name) else {
            continue;
        };
        if d.entry.module.is_some() || used.contains(name.as_str()) {
            continue;
        }
        let diag = out.add(
            &d.waivers,
            format!("data category `{name}` is used by no purpose"),
            RuleCx::label(d.entry.loc, "declared here, used nowhere"),
        );
        diag.notes.push(
            "a notice that lists data no purpose processes misstates what is collected; data without a purpose may not be collected (Art. 5(1)(b)-(c))"
                .into(),
        );
        diag.help = Some(format!(
            "add `{name}` to the `uses` of the purposes that process it, or remove the declaration"
        ));
    }
}
