//! `legitimate-interest-unstated`: a purpose on legitimate interests does not state the interest, or states a generic one.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "legitimate-interest-unstated",
    group: "bases",
    default: Severity::Error,
    reach: Reach::Declaration,
    summary: "a purpose on legitimate interests does not state the interest, or states a generic one",
    legal: "GDPR Art. 13(1)(d), 14(2)(b), Recital 47; CJEU C-621/22 KNLTB",
    explain: include_str!("../../../docs/rules/legitimate-interest-unstated.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
