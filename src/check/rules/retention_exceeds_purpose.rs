//! `retention-exceeds-purpose`: a purpose keeps data for a statutory period it has no statute for, or until an event that does not fit its basis.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "retention-exceeds-purpose",
    group: "retention",
    default: Severity::Warning,
    reach: Reach::Declaration,
    summary: "a purpose keeps data for a statutory period it has no statute for, or until an event that does not fit its basis",
    legal: "GDPR Art. 5(1)(b), 5(1)(e), 89(1)",
    explain: include_str!("../../../docs/rules/retention-exceeds-purpose.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
