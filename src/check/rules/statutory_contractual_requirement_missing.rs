//! `statutory-contractual-requirement-missing`: a purpose does not say whether providing the data is required, and what happens if not.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "statutory-contractual-requirement-missing",
    group: "notice",
    default: Severity::Warning,
    reach: Reach::Declaration,
    summary: "a purpose does not say whether providing the data is required, and what happens if not",
    legal: "GDPR Art. 13(2)(e)",
    explain: include_str!("../../../docs/rules/statutory-contractual-requirement-missing.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
