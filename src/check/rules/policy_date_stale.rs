//! `policy-date-stale`: the policy has no date or version, or is older than a change in the law that affects it.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "policy-date-stale",
    group: "notice",
    default: Severity::Warning,
    reach: Reach::Policy,
    summary: "the policy has no date or version, or is older than a change in the law that affects it",
    legal: "GDPR Art. 5(2), 12(1), Recital 58; WP260 rev.01 paras 29-33",
    explain: include_str!("../../../docs/rules/policy-date-stale.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
