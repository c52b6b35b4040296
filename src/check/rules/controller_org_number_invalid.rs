//! `controller-org-number-invalid`: the controller's organisation number is missing or fails its checksum.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "controller-org-number-invalid",
    group: "controller",
    default: Severity::Warning,
    reach: Reach::Declaration,
    summary: "the controller's organisation number is missing or fails its checksum",
    legal: "E-Commerce Directive 2000/31/EC Art. 5(1)(d); NO ehandelsloven",
    explain: include_str!("../../../docs/rules/controller-org-number-invalid.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
