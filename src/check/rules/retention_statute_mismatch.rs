//! `retention-statute-mismatch`: retention cites a statute but differs from its period for the controller's country.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "retention-statute-mismatch",
    group: "retention",
    default: Severity::Error,
    reach: Reach::Declaration,
    summary: "retention cites a statute but differs from its period for the controller's country",
    legal: "NO bokføringsloven § 13; SE bokföringslagen 7 kap. 2 §; DK bogføringsloven § 12; FI kirjanpitolaki 2:10",
    explain: include_str!("../../../docs/rules/retention-statute-mismatch.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
