//! `purpose-controller-unattributed`: the policy has several controllers, and a purpose does not say
//! which of them is responsible for it.
//!
//! A purpose is attributed by `controller NAME`, or by being listed in a `joint` arrangement's
//! `purposes`. With one controller, every purpose is that controller's and the rule is quiet.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::sema::Responsible;

pub static RULE: Rule = Rule {
    id: "purpose-controller-unattributed",
    group: "controller",
    default: Severity::Error,
    reach: Reach::Policy,
    national: &[],
    facts: &[],
    absent: &["controller"],
    summary: "the policy has several controllers and a purpose does not say which is responsible for it",
    legal: "GDPR Art. 4(7), 5(2), 13(1)(a), 14(1)(a)",
    explain: include_str!("../../../docs/rules/purpose-controller-unattributed.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    if !cx.several_controllers() {
        return;
    }
    let names: Vec<String> = cx
        .controllers()
        .iter()
        .map(|c| format!("`{}`", c.name))
        .collect();
    for p in &cx.policy.purposes {
        if cx.responsible_for(p) != Responsible::Unattributed {
            continue;
        }
        let d = out.add(
            &p.waivers,
            format!(
                "the policy has {} controllers, and `{}` does not say which of them is responsible for it",
                names.len(),
                p.name
            ),
            RuleCx::label(p.loc, "no `controller`"),
        );
        d.notes
            .push(format!("the controllers are {}", names.join(", ")));
        d.notes.push(
            "the notice must say who is responsible for each processing; the checker does not guess"
                .into(),
        );
        d.help = Some(format!(
            "add `controller NAME` to `{}`, or list it in the `purposes` of a `joint` arrangement if the controllers decide it together",
            p.name
        ));
    }
}
