//! `tracking-on-legitimate-interest`: analytics, advertising or profiling with trackers rests on legitimate interests instead of consent.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "tracking-on-legitimate-interest",
    group: "cookies",
    default: Severity::Warning,
    reach: Reach::Declaration,
    summary: "analytics, advertising or profiling with trackers rests on legitimate interests instead of consent",
    legal: "ePrivacy Directive Art. 5(3); CJEU C-673/17 Planet49; C-252/21 Meta v Bundeskartellamt; EDPB Guidelines 2/2023",
    explain: include_str!("../../../docs/rules/tracking-on-legitimate-interest.md"),
    check,
};

fn check(_cx: &RuleCx, _out: &mut Findings) {}
