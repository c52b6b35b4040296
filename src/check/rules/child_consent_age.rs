//! `child-consent-age`: consent from children below the national age of digital consent without parental consent.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "child-consent-age",
    group: "consent",
    default: Severity::Error,
    reach: Reach::Declaration,
    summary: "consent from children below the national age of digital consent without parental consent",
    legal: "GDPR Art. 8(1)-(2), Recital 38; NO personopplysningsloven § 5",
    explain: include_str!("../../../docs/rules/child-consent-age.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
