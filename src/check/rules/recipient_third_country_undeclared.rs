//! `recipient-third-country-undeclared`: a vendor known to process in a third country is declared without a country.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "recipient-third-country-undeclared",
    group: "transfers",
    default: Severity::Error,
    reach: Reach::Declaration,
    summary: "a vendor known to process in a third country is declared without a country",
    legal: "GDPR Art. 13(1)(f), 44; CJEU C-311/18 Schrems II",
    explain: include_str!("../../../docs/rules/recipient-third-country-undeclared.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
