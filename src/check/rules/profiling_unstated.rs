//! `profiling-unstated`: the policy does not say whether it uses personal data for profiling.
//!
//! Fires once per policy when the semantic model finds the element unstated: the policy declares
//! none of it and no `profiling none` in the `policy` block (see `sema::Stated`).
//! The notice then says "Not stated." instead of inventing a "we do not".

use super::notice_element;
use crate::check::{BROKEN, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::Negative;

pub static RULE: Rule = Rule {
    id: "profiling-unstated",
    group: "profiling",
    default: Severity::Info,
    reach: Reach::Policy,
    national: &[],
    facts: &[],
    absent: &[BROKEN, "profiling"],
    summary: "the policy does not say whether it uses personal data for profiling",
    legal: "GDPR Art. 4(4), 13(2)(f), 14(2)(g); WP251 rev.01",
    explain: include_str!("../../../docs/rules/profiling-unstated.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    notice_element::report(
        cx,
        out,
        cx.profiling_stated(),
        Negative::Profiling,
        "the policy does not say whether it uses personal data for profiling",
    );
}
