//! `source-missing`: data not collected from the person has no source.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "source-missing",
    group: "data",
    default: Severity::Error,
    reach: Reach::Declaration,
    summary: "data not collected from the person has no source",
    legal: "GDPR Art. 14(1)(d), 14(2)(f)",
    explain: include_str!("../../../docs/rules/source-missing.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
