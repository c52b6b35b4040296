//! `recipients-incomplete`: data is disclosed but recipients are missing, or a recipient has no role or a role that does not fit.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "recipients-incomplete",
    group: "recipients",
    default: Severity::Warning,
    reach: Reach::Policy,
    summary: "data is disclosed but recipients are missing, or a recipient has no role or a role that does not fit",
    legal: "GDPR Art. 13(1)(e), 14(1)(e), 28; WP260 rev.01",
    explain: include_str!("../../../docs/rules/recipients-incomplete.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
