//! `consent-for-necessary-processing`: consent is used for processing that rests on a contract or a legal obligation, or in recruitment.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "consent-for-necessary-processing",
    group: "bases",
    default: Severity::Warning,
    reach: Reach::Declaration,
    summary: "consent is used for processing that rests on a contract or a legal obligation, or in recruitment",
    legal: "GDPR Art. 6(1)(a)-(c), 7(4); EDPB Guidelines 05/2020 and 2/2019",
    explain: include_str!("../../../docs/rules/consent-for-necessary-processing.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
