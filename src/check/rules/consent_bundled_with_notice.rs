//! `consent-bundled-with-notice`: consent is bundled with the notice or the terms as a whole.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "consent-bundled-with-notice",
    group: "consent",
    default: Severity::Error,
    reach: Reach::Declaration,
    summary: "consent is bundled with the notice or the terms as a whole",
    legal: "GDPR Art. 7(2), 7(4), Recitals 42-43; EDPB Guidelines 05/2020",
    explain: include_str!("../../../docs/rules/consent-bundled-with-notice.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
