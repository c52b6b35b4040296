//! `controller-identity-incomplete`: the controller's identity or contact details are missing.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "controller-identity-incomplete",
    group: "controller",
    default: Severity::Error,
    reach: Reach::Policy,
    summary: "the controller's identity or contact details are missing",
    legal: "GDPR Art. 13(1)(a), 14(1)(a), 27; WP260 rev.01 Annex",
    explain: include_str!("../../../docs/rules/controller-identity-incomplete.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
