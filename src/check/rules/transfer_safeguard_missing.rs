//! `transfer-safeguard-missing`: a recipient in a third country has no transfer safeguard.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "transfer-safeguard-missing",
    group: "transfers",
    default: Severity::Error,
    reach: Reach::Declaration,
    summary: "a recipient in a third country has no transfer safeguard",
    legal: "GDPR Art. 13(1)(f), 14(1)(f), 44-49",
    explain: include_str!("../../../docs/rules/transfer-safeguard-missing.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
