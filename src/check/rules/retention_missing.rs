//! `retention-missing`: a purpose has no retention period or criterion.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "retention-missing",
    group: "retention",
    default: Severity::Error,
    reach: Reach::Declaration,
    summary: "a purpose has no retention period or criterion",
    legal: "GDPR Art. 13(2)(a), 14(2)(a), 5(1)(e)",
    explain: include_str!("../../../docs/rules/retention-missing.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
