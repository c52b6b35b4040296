//! `consent-implied`: consent is inferred from continued use, scrolling, pre-ticked boxes, browser settings, silence or opt-out.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "consent-implied",
    group: "consent",
    default: Severity::Error,
    reach: Reach::Declaration,
    summary: "consent is inferred from continued use, scrolling, pre-ticked boxes, browser settings, silence or opt-out",
    legal: "GDPR Art. 4(11), 7(1), Recital 32; CJEU C-673/17 Planet49; EDPB Guidelines 05/2020",
    explain: include_str!("../../../docs/rules/consent-implied.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
