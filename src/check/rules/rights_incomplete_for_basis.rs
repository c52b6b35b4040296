//! `rights-incomplete-for-basis`: a right required by a legal basis in use is not stated.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "rights-incomplete-for-basis",
    group: "rights",
    default: Severity::Error,
    reach: Reach::Policy,
    summary: "a right required by a legal basis in use is not stated",
    legal: "GDPR Art. 13(2)(b)-(d), 15-18, 20, 21, 22, 77",
    explain: include_str!("../../../docs/rules/rights-incomplete-for-basis.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
