//! `automated-decisions-unstated`: the policy does not say whether it makes decisions based solely on automated processing.
//!
//! Fires once per policy when the semantic model finds the element unstated: the policy declares
//! none of it and no `automated-decisions none` in the `policy` block (see `sema::Stated`).
//! The notice then says "Not stated." instead of inventing a "we do not".

use super::notice_element;
use crate::check::{BROKEN, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::Negative;

pub static RULE: Rule = Rule {
    id: "automated-decisions-unstated",
    group: "profiling",
    default: Severity::Info,
    reach: Reach::Policy,
    national: &[],
    facts: &[],
    absent: &[BROKEN, "automated-decisions"],
    summary: "the policy does not say whether it makes decisions based solely on automated processing",
    legal: "GDPR Art. 13(2)(f), 14(2)(g), 22",
    explain: include_str!("../../../docs/rules/automated-decisions-unstated.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    notice_element::report(
        cx,
        out,
        cx.automated_stated(),
        Negative::AutomatedDecisions,
        "the policy does not say whether it makes decisions based solely on automated processing",
    );
}
