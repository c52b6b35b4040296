//! `supervisory-authority-mismatch`: the named supervisory authority is neither the controller's nor the audience's.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "supervisory-authority-mismatch",
    group: "rights",
    default: Severity::Warning,
    reach: Reach::Policy,
    summary: "the named supervisory authority is neither the controller's nor the audience's",
    legal: "GDPR Art. 56, 77(1)",
    explain: include_str!("../../../docs/rules/supervisory-authority-mismatch.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
