//! `complaint-right-missing`: the right to complain to a supervisory authority is not stated.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "complaint-right-missing",
    group: "rights",
    default: Severity::Error,
    reach: Reach::Policy,
    summary: "the right to complain to a supervisory authority is not stated",
    legal: "GDPR Art. 13(2)(d), 14(2)(e), 77",
    explain: include_str!("../../../docs/rules/complaint-right-missing.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
