//! `transfer-safeguard-invalid`: a transfer safeguard was not valid on the evaluation date, or does not fit the destination.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "transfer-safeguard-invalid",
    group: "transfers",
    default: Severity::Error,
    reach: Reach::Declaration,
    summary: "a transfer safeguard was not valid on the evaluation date, or does not fit the destination",
    legal: "CJEU C-362/14 Schrems I; C-311/18 Schrems II; Impl. Dec. (EU) 2021/914 Art. 4; Impl. Dec. (EU) 2023/1795",
    explain: include_str!("../../../docs/rules/transfer-safeguard-invalid.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
