//! `legal-basis-conflict`: a purpose rests on two legal bases that exclude each other.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "legal-basis-conflict",
    group: "bases",
    default: Severity::Warning,
    reach: Reach::Declaration,
    summary: "a purpose rests on two legal bases that exclude each other",
    legal: "GDPR Art. 5(1)(a), 6(1), 13(1)(c); EDPB Guidelines 05/2020",
    explain: include_str!("../../../docs/rules/legal-basis-conflict.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
