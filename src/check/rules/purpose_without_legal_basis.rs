//! `purpose-without-legal-basis`: a purpose has no Art. 6(1) legal basis.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "purpose-without-legal-basis",
    group: "bases",
    default: Severity::Error,
    reach: Reach::Declaration,
    summary: "a purpose has no Art. 6(1) legal basis",
    legal: "GDPR Art. 6(1), 13(1)(c), 14(1)(c)",
    explain: include_str!("../../../docs/rules/purpose-without-legal-basis.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
