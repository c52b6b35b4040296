//! `joint-responsibilities-missing`: a `joint` arrangement that does not say which controller gives the
//! information of Art. 13-14 and which answers requests to exercise rights.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::Duty;

pub static RULE: Rule = Rule {
    id: "joint-responsibilities-missing",
    group: "controller",
    default: Severity::Warning,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &["responsibilities"],
    summary: "a joint-controller arrangement does not say who gives the notice and who handles rights requests",
    legal: "GDPR Art. 26(1)",
    explain: include_str!("../../../docs/rules/joint-responsibilities-missing.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    for j in &cx.policy.joints {
        let missing: Vec<&str> = [Duty::Notice, Duty::Rights]
            .into_iter()
            .filter(|d| cx.responsible_for_duty(j, *d).is_empty())
            .map(Duty::key)
            .collect();
        if missing.is_empty() {
            continue;
        }
        let what = missing
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(" and ");
        let d = out.add(
            &j.waivers,
            format!(
                "the joint arrangement `{}` does not say who is responsible for {what}",
                j.name
            ),
            RuleCx::label(j.loc, format!("no {what} in `responsibilities`")),
        );
        d.notes.push(
            "joint controllers determine their respective responsibilities, in particular for the rights of the data subject and for the information of Art. 13 and 14 (Art. 26(1))"
                .into(),
        );
        let example = missing
            .iter()
            .map(|k| format!("{k} NAME"))
            .collect::<Vec<_>>()
            .join("  ");
        d.help = Some(format!(
            "add `responsibilities {{ {example} }}`, naming the controller that does each"
        ));
    }
}
