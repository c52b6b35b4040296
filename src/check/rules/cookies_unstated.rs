//! `cookies-unstated`: the policy does not say whether it uses cookies or similar technologies.
//!
//! Fires once per policy when the semantic model finds the element unstated: the policy declares
//! none of it and no `cookies none` in the `policy` block (see `sema::Stated`).
//! The notice then says "Not stated." instead of inventing a "we do not".

use super::notice_element;
use crate::check::{BROKEN, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::Negative;

pub static RULE: Rule = Rule {
    id: "cookies-unstated",
    group: "cookies",
    default: Severity::Warning,
    reach: Reach::Policy,
    national: &[],
    facts: &[],
    absent: &[BROKEN, "cookies"],
    summary: "the policy does not say whether it uses cookies or similar technologies",
    legal: "ePrivacy Directive 2002/58 Art. 5(3)",
    explain: include_str!("../../../docs/rules/cookies-unstated.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    notice_element::report(
        cx,
        out,
        cx.cookies_stated(),
        Negative::Cookies,
        "the policy does not say whether it uses cookies or similar technologies",
    );
}
