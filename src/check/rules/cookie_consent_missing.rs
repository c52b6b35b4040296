//! `cookie-consent-missing`: a cookie that needs consent has no valid opt-in consent.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "cookie-consent-missing",
    group: "cookies",
    default: Severity::Error,
    reach: Reach::Declaration,
    summary: "a cookie that needs consent has no valid opt-in consent",
    legal: "ePrivacy Directive Art. 5(3); NO ekomloven § 3-15; CJEU C-673/17 Planet49",
    explain: include_str!("../../../docs/rules/cookie-consent-missing.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
