//! `data-category-unused`: a declared data category is used by no purpose.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "data-category-unused",
    group: "data",
    default: Severity::Warning,
    reach: Reach::Policy,
    summary: "a declared data category is used by no purpose",
    legal: "GDPR Art. 5(1)(b)-(c)",
    explain: include_str!("../../../docs/rules/data-category-unused.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
