//! `direct-marketing-unstated`: the policy does not say whether it uses personal data for direct marketing.
//!
//! Fires once per policy when the semantic model finds the element unstated: the policy declares
//! none of it and no `direct-marketing none` in the `policy` block (see `sema::Stated`).
//! The notice then says "Not stated." instead of inventing a "we do not".

use super::notice_element;
use crate::check::{BROKEN, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::Negative;

pub static RULE: Rule = Rule {
    id: "direct-marketing-unstated",
    group: "marketing",
    default: Severity::Info,
    reach: Reach::Policy,
    national: &[],
    facts: &[],
    absent: &[BROKEN, "direct-marketing"],
    summary: "the policy does not say whether it uses personal data for direct marketing",
    legal: "GDPR Art. 21(2)-(4)",
    explain: include_str!("../../../docs/rules/direct-marketing-unstated.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    notice_element::report(
        cx,
        out,
        cx.direct_marketing_stated(),
        Negative::DirectMarketing,
        "the policy does not say whether it uses personal data for direct marketing",
    );
}
