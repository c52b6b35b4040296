//! `anonymous-claim-with-identifiers`: data declared anonymous contains identifiers or is used to single people out.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "anonymous-claim-with-identifiers",
    group: "data",
    default: Severity::Error,
    reach: Reach::Declaration,
    summary: "data declared anonymous contains identifiers or is used to single people out",
    legal: "GDPR Art. 4(1), 4(5), Recitals 26 and 30; CJEU C-582/14 Breyer; C-413/23 P EDPS v SRB",
    explain: include_str!("../../../docs/rules/anonymous-claim-with-identifiers.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
