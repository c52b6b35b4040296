//! `dpo-contact-missing`: a DPO without contact details, or no statement on the DPO at all.

use crate::check::{BROKEN, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::Dpo;

pub static RULE: Rule = Rule {
    id: "dpo-contact-missing",
    group: "controller",
    default: Severity::Error,
    reach: Reach::Policy,
    national: &[],
    facts: &[],
    absent: &[BROKEN, "dpo"],
    summary: "a data protection officer is declared without contact details, or the policy does not say whether one is appointed",
    legal: "GDPR Art. 13(1)(b), 14(1)(b), 37(1), 37(7)",
    explain: include_str!("../../../docs/rules/dpo-contact-missing.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    let Some(_) = &cx.policy.controller else {
        return;
    };
    for controller in cx.controllers() {
        check_one(cx, controller, out);
    }
}

/// The findings about one controller (a policy may have several).
fn check_one(_cx: &RuleCx, controller: &crate::ir::Controller, out: &mut Findings) {
    match &controller.dpo {
        Some(Dpo::Appointed(c)) => {
            if c.email.is_none() && c.phone.is_none() && c.addresses.is_empty() && c.web.is_none() {
                let loc = c.loc.unwrap_or(controller.loc);
                out.add(
                    &controller.waivers,
                    "the data protection officer has no contact details",
                    RuleCx::label(loc, "no e-mail, phone or address"),
                )
                .help = Some("add `email \"dpo@...\"` inside `dpo { }` (Art. 37(7))".into());
            }
        }
        Some(Dpo::None(_)) => {}
        None => {
            let d = out.add_at(
                Severity::Info,
                &controller.waivers,
                "the policy does not say whether a data protection officer is appointed",
                RuleCx::label(controller.loc, "no `dpo` statement"),
            );
            d.notes.push("a DPO is mandatory for public authorities and for large-scale monitoring or special-category processing (Art. 37(1))".into());
            d.help = Some("add `dpo { name \"...\" email \"...\" }`, or `dpo none` to confirm that none is required".into());
        }
    }
}
