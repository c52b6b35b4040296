//! `joint-essence-missing`: a `joint` arrangement that does not give its essence, or where the data
//! subject can read it.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "joint-essence-missing",
    group: "controller",
    default: Severity::Error,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &["essence"],
    summary: "a joint-controller arrangement does not make its essence available to the data subject",
    legal: "GDPR Art. 26(2)",
    explain: include_str!("../../../docs/rules/joint-essence-missing.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    for j in &cx.policy.joints {
        if j.essence.as_ref().is_some_and(|e| !e.is_empty()) {
            continue;
        }
        let d = out.add(
            &j.waivers,
            format!(
                "the joint arrangement `{}` does not say what its essence is or where the data subject can read it",
                j.name
            ),
            RuleCx::label(j.loc, "no `essence`"),
        );
        d.notes.push(
            "the essence of the arrangement shall be made available to the data subject (Art. 26(2))"
                .into(),
        );
        d.help = Some(
            "add `essence \"...\"`: the essence itself, or the web address where it is published"
                .into(),
        );
    }
}
