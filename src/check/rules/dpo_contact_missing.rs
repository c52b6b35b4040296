//! `dpo-contact-missing`: a data protection officer is declared without contact details, or the policy does not say whether one is appointed.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "dpo-contact-missing",
    group: "controller",
    default: Severity::Error,
    reach: Reach::Policy,
    summary: "a data protection officer is declared without contact details, or the policy does not say whether one is appointed",
    legal: "GDPR Art. 13(1)(b), 14(1)(b), 37(1), 37(7)",
    explain: include_str!("../../../docs/rules/dpo-contact-missing.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
