//! `undeclared-data-referenced`: data is disclosed or kept for purposes that do not use it.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "undeclared-data-referenced",
    group: "data",
    default: Severity::Error,
    reach: Reach::Declaration,
    summary: "data is disclosed or kept for purposes that do not use it",
    legal: "GDPR Art. 5(1)(a)-(b), 13(1)(c)",
    explain: include_str!("../../../docs/rules/undeclared-data-referenced.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
