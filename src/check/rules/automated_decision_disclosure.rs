//! `automated-decision-disclosure`: automated decisions with significant effects lack their disclosures, or profiling lacks an Art. 22 statement.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "automated-decision-disclosure",
    group: "profiling",
    default: Severity::Error,
    reach: Reach::Declaration,
    summary: "automated decisions with significant effects lack their disclosures, or profiling lacks an Art. 22 statement",
    legal: "GDPR Art. 13(2)(f), 14(2)(g), 15(1)(h), 22; CJEU C-634/21 SCHUFA",
    explain: include_str!("../../../docs/rules/automated-decision-disclosure.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
