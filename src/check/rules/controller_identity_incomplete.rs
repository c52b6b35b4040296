//! `controller-identity-incomplete`: the controller's identity or contact details are missing.

use crate::check::{BROKEN, Fact, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Label;
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "controller-identity-incomplete",
    group: "controller",
    default: Severity::Error,
    reach: Reach::Policy,
    national: &[],
    facts: &[Fact::Phrases("legal-forms"), Fact::Phrases("role-titles")],
    absent: &[BROKEN, "name", "address", "email", "phone", "web"],
    summary: "the controller's identity or contact details are missing",
    legal: "GDPR Art. 13(1)(a), 14(1)(a), 27; WP260 rev.01 Annex",
    explain: include_str!("../../../docs/rules/controller-identity-incomplete.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    let Some(meta) = &cx.policy.meta else { return };
    let Some(_) = &cx.policy.controller else {
        out.add(cx.controller_waivers(), "the policy declares no controller", RuleCx::label(meta.loc, "this policy has no `controller`"))
            .help = Some("declare who is responsible: `controller NAME { name \"...\" email \"...\" country NO }`".into());
        return;
    };
    for controller in cx.controllers() {
        check_one(cx, controller, out);
    }
}

/// The findings about one controller (a policy may have several).
fn check_one(cx: &RuleCx, controller: &crate::ir::Controller, out: &mut Findings) {
    let c = &controller.contact;
    let here = RuleCx::label(controller.loc, "this controller");
    if c.name.is_none() {
        out.add(
            &controller.waivers,
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
            &controller.waivers,
            "the controller gives no way to contact it",
            here.clone(),
        )
        .help = Some("add at least `email` and `address`".into());
    } else if count == 1 || c.addresses.is_empty() {
        let d = out.add_at(
            Severity::Warning,
            &controller.waivers,
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
    placeholders(cx, controller, &here, out);
    match &c.country {
        None => {
            out.add(
                &controller.waivers,
                "the controller has no `country`",
                here.clone(),
            )
            .help = Some("add the country of the main establishment: `country NO`".into());
        }
        Some(country)
            if cx.is_third_country(&country.name) && controller.representative.is_none() =>
        {
            let d = out.add(
                &controller.waivers,
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

/// An identity that names no one in particular: an address with no street or postcode ("Hamburg,
/// Germany"), a phone number of one repeated digit or a run (`+49 000 000000`, `12345678`), a name with
/// no legal form and no organisation number to tell which company it is.
fn placeholders(cx: &RuleCx, controller: &crate::ir::Controller, here: &Label, out: &mut Findings) {
    let c = &controller.contact;
    for a in &c.addresses {
        let text = a.any("en").unwrap_or_default();
        if !text.is_empty() && !text.chars().any(|ch| ch.is_ascii_digit()) {
            let d = out.add_at(
                Severity::Warning,
                &controller.waivers,
                format!("the controller's address `{text}` names no street or postcode"),
                a.loc.map_or_else(
                    || here.clone(),
                    |l| RuleCx::label(l, "not a postal address"),
                ),
            );
            d.help =
                Some("give the full postal address: street and number, postcode and town".into());
        }
    }
    if let Some(phone) = &c.phone
        && dummy_phone(phone)
    {
        let d = out.add_at(
            Severity::Warning,
            &controller.waivers,
            format!("the controller's phone number `{phone}` looks like a placeholder"),
            here.clone(),
        );
        d.help = Some("give the number people can call, or leave `phone` out".into());
    }
    let named_by_role = |name: &str| {
        cx.phrases("role-titles")
            .iter()
            .any(|t| super::controller_not_legal_person::has_words(name, t))
    };
    // A role for a name is `controller-not-legal-person`'s finding.
    if let Some(name) = &c.name
        && controller.org_number.is_none()
        && !named_by_role(name)
        && !cx
            .phrases("legal-forms")
            .iter()
            .any(|form| super::controller_not_legal_person::has_words(name, form))
    {
        let d = out.add_at(
            Severity::Warning,
            &controller.waivers,
            format!(
                "the controller `{name}` is named without a legal form and has no organisation number"
            ),
            here.clone(),
        );
        d.notes.push("a reader cannot tell which company (or person) is responsible: many share a trading name".into());
        d.help = Some("give the registered name with its legal form (`name \"Company AS\"`) and its `org-number`".into());
    }
}

/// The subscriber part (the last eight digits) is one digit repeated, or a run up or down.
fn dummy_phone(phone: &str) -> bool {
    let digits: Vec<u8> = phone.bytes().filter(u8::is_ascii_digit).collect();
    let tail = &digits[digits.len().saturating_sub(8)..];
    if tail.len() < 5 {
        return false;
    }
    let same = tail.iter().all(|&d| d == tail[0]);
    let step = |up: bool| {
        tail.windows(2).all(|w| {
            let (a, b) = (w[0] - b'0', w[1] - b'0');
            if up {
                b == (a + 1) % 10
            } else {
                a == (b + 1) % 10
            }
        })
    };
    same || step(true) || step(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_numbers_are_told_from_real_ones() {
        for dummy in [
            "+49 000 000000",
            "12345678",
            "+47 98 76 54 32",
            "+47 11 11 11 11",
        ] {
            assert!(dummy_phone(dummy), "{dummy}");
        }
        for real in [
            "+47 22 00 00 00",
            "+49 30 8895 0120",
            "+46 8 657 31 00",
            "22 33 44 55",
        ] {
            assert!(!dummy_phone(real), "{real}");
        }
    }
}
