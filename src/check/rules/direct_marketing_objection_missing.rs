//! `direct-marketing-objection-missing`: direct marketing without an explicit, separate right to object.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "direct-marketing-objection-missing",
    group: "marketing",
    default: Severity::Error,
    reach: Reach::Policy,
    summary: "direct marketing without an explicit, separate right to object",
    legal: "GDPR Art. 21(2)-(4), 13(2)(b); ePrivacy Directive 2002/58 Art. 13(2)",
    explain: include_str!("../../../docs/rules/direct-marketing-objection-missing.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
