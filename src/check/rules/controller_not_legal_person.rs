//! `controller-not-legal-person`: the controller is named by a job title or department, not a natural or legal person.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "controller-not-legal-person",
    group: "controller",
    default: Severity::Error,
    reach: Reach::Declaration,
    summary: "the controller is named by a job title or department, not a natural or legal person",
    legal: "GDPR Art. 4(7), 13(1)(a)",
    explain: include_str!("../../../docs/rules/controller-not-legal-person.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
