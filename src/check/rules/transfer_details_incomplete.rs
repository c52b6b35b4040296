//! `transfer-details-incomplete`: a transfer does not name its specific safeguard or where a copy can be obtained.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "transfer-details-incomplete",
    group: "transfers",
    default: Severity::Info,
    reach: Reach::Declaration,
    summary: "a transfer does not name its specific safeguard or where a copy can be obtained",
    legal: "GDPR Art. 13(1)(f), 14(1)(f); WP260 rev.01",
    explain: include_str!("../../../docs/rules/transfer-details-incomplete.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
