//! `recipients-unstated`: the policy does not say whether it discloses personal data to anyone.
//!
//! Fires once per policy when the semantic model finds the element unstated: the policy declares
//! none of it and no `recipients none` in the `policy` block (see `sema::Stated`).
//! The notice then says "Not stated." instead of inventing a "we do not".

use super::notice_element;
use crate::check::{BROKEN, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::Negative;

pub static RULE: Rule = Rule {
    id: "recipients-unstated",
    group: "recipients",
    default: Severity::Warning,
    reach: Reach::Policy,
    national: &[],
    facts: &[],
    absent: &[BROKEN, "recipients"],
    summary: "the policy does not say whether it discloses personal data to anyone",
    legal: "GDPR Art. 13(1)(e), 14(1)(e)",
    explain: include_str!("../../../docs/rules/recipients-unstated.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    notice_element::report(
        cx,
        out,
        cx.recipients_stated(),
        Negative::Recipients,
        "the policy does not say whether it discloses personal data to anyone",
    );
}
