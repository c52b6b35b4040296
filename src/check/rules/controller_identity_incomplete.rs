//! `controller-identity-incomplete`: the controller's identity or contact details are missing.

use crate::check::{BROKEN, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "controller-identity-incomplete",
    group: "controller",
    default: Severity::Error,
    reach: Reach::Policy,
    national: &[],
    facts: &[],
    absent: &[BROKEN, "name", "address", "email", "phone", "web"],
    summary: "the controller's identity or contact details are missing",
    legal: "GDPR Art. 13(1)(a), 14(1)(a), 27; WP260 rev.01 Annex",
    explain: include_str!("../../../docs/rules/controller-identity-incomplete.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    let Some(meta) = &cx.policy.meta else { return };
    let Some(controller) = &cx.policy.controller else {
        out.add(cx.controller_waivers(), "the policy declares no controller", RuleCx::label(meta.loc, "this policy has no `controller`"))
            .help = Some("declare who is responsible: `controller NAME { name \"...\" email \"...\" country NO }`".into());
        return;
    };
    let c = &controller.contact;
    let here = RuleCx::label(controller.loc, "this controller");
    if c.name.is_none() {
        out.add(
            cx.controller_waivers(),
            "the controller has no `name`",
            here.clone(),
        )
        .help = Some("add the legal name: `name \"Company AS\"`".into());
    }
    let channels = [
        c.email.is_some(),
        c.phone.is_some(),
        c.web.is_some(),
        !c.addresses.is_empty(),
    ];
    let count = channels.iter().filter(|&&x| x).count();
    if count == 0 {
        out.add(
            cx.controller_waivers(),
            "the controller gives no way to contact it",
            here.clone(),
        )
        .help = Some("add at least `email` and `address`".into());
    } else if count == 1 || c.addresses.is_empty() {
        let d = out.add_at(
            Severity::Warning,
            cx.controller_waivers(),
            if c.addresses.is_empty() {
                "the controller gives no postal address"
            } else {
                "the controller gives only one way to contact it"
            },
            here.clone(),
        );
        d.notes.push("WP260 rev.01: contact details should preferably allow different forms of communication".into());
        d.help = Some("add an `address` and an `email` (or `phone`)".into());
    }
    match &c.country {
        None => {
            out.add(
                cx.controller_waivers(),
                "the controller has no `country`",
                here.clone(),
            )
            .help = Some("add the country of the main establishment: `country NO`".into());
        }
        Some(country)
            if cx.is_third_country(&country.name) && controller.representative.is_none() =>
        {
            let d = out.add(
                cx.controller_waivers(),
                format!("the controller is established outside the EEA (`{}`) but names no EU representative", country.name),
                RuleCx::label(country.loc, "outside the EEA"),
            );
            d.help = Some(
                "add `representative { name \"...\" email \"...\" country ... }` (Art. 27)".into(),
            );
        }
        Some(_) => {}
    }
}
