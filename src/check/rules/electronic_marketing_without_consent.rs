//! `electronic-marketing-without-consent`: e-mail, SMS or push marketing without consent or the existing-customer conditions.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "electronic-marketing-without-consent",
    group: "marketing",
    default: Severity::Warning,
    reach: Reach::Declaration,
    summary: "e-mail, SMS or push marketing without consent or the existing-customer conditions",
    legal: "ePrivacy Directive 2002/58 Art. 13(1)-(2); NO markedsføringsloven § 15",
    explain: include_str!("../../../docs/rules/electronic-marketing-without-consent.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
