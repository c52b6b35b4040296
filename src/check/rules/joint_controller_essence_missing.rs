//! `joint-controller-essence-missing`: a recipient that makes the site a joint controller has no Art. 26 arrangement.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "joint-controller-essence-missing",
    group: "recipients",
    default: Severity::Warning,
    reach: Reach::Declaration,
    summary: "a recipient that makes the site a joint controller has no Art. 26 arrangement",
    legal: "GDPR Art. 26(1)-(2); CJEU C-210/16 Wirtschaftsakademie; C-40/17 Fashion ID",
    explain: include_str!("../../../docs/rules/joint-controller-essence-missing.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
