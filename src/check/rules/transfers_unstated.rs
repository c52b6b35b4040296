//! `transfers-unstated`: the policy does not say whether personal data goes to countries outside the EEA.
//!
//! Fires once per policy when the semantic model finds the element unstated: the policy declares
//! none of it and no `transfers none` in the `policy` block (see `sema::Stated`).
//! The notice then says "Not stated." instead of inventing a "we do not".

use super::notice_element;
use crate::check::{BROKEN, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::Negative;

pub static RULE: Rule = Rule {
    id: "transfers-unstated",
    group: "transfers",
    default: Severity::Warning,
    reach: Reach::Policy,
    national: &[],
    facts: &[],
    absent: &[BROKEN, "transfers"],
    summary: "the policy does not say whether personal data goes to countries outside the EEA",
    legal: "GDPR Art. 13(1)(f), 14(1)(f)",
    explain: include_str!("../../../docs/rules/transfers-unstated.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    notice_element::report(
        cx,
        out,
        cx.transfers_stated(),
        Negative::Transfers,
        "the policy does not say whether personal data goes to countries outside the EEA",
    );
}
