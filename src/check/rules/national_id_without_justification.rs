//! `national-id-without-justification`: a national identity number is processed without a justification.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "national-id-without-justification",
    group: "data",
    default: Severity::Warning,
    reach: Reach::Declaration,
    summary: "a national identity number is processed without a justification",
    legal: "GDPR Art. 87; NO personopplysningsloven § 12; SE dataskyddslagen 3 kap. 10 §; DK databeskyttelsesloven § 11",
    explain: include_str!("../../../docs/rules/national-id-without-justification.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
