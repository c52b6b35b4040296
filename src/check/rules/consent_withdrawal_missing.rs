//! `consent-withdrawal-missing`: a purpose on consent does not say how consent is withdrawn.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "consent-withdrawal-missing",
    group: "consent",
    default: Severity::Error,
    reach: Reach::Declaration,
    summary: "a purpose on consent does not say how consent is withdrawn",
    legal: "GDPR Art. 7(3), 13(2)(c), 14(2)(d)",
    explain: include_str!("../../../docs/rules/consent-withdrawal-missing.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
