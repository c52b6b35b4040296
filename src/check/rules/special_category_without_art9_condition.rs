//! `special-category-without-art9-condition`: special-category data is processed without an Art. 9(2) condition.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "special-category-without-art9-condition",
    group: "data",
    default: Severity::Error,
    reach: Reach::Declaration,
    summary: "special-category data is processed without an Art. 9(2) condition",
    legal: "GDPR Art. 9(1)-(2), Recital 51",
    explain: include_str!("../../../docs/rules/special-category-without-art9-condition.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
