//! `retention-vague`: retention is only "as long as necessary" or similar, with no period or criterion.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "retention-vague",
    group: "retention",
    default: Severity::Warning,
    reach: Reach::Declaration,
    summary: "retention is only \"as long as necessary\" or similar, with no period or criterion",
    legal: "GDPR Art. 13(2)(a); WP260 rev.01 Annex",
    explain: include_str!("../../../docs/rules/retention-vague.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
