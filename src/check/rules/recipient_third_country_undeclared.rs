//! `recipient-third-country-undeclared`: a vendor known to process in a third country is declared without a country.
//!
//! Fires on a recipient that `is` a stdlib vendor with a third country among its `country` values, when
//! the recipient declares no `country` and no transfer safeguard (an `insufficient` one does not count).
//! A recipient that names a safeguard but no country has declared the transfer without its destination:
//! `transfer-details-incomplete` says so.

use super::transfer_safeguard_invalid::{is_insufficient, join_and, place, suggestions};
use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Label, Severity};

pub static RULE: Rule = Rule {
    id: "recipient-third-country-undeclared",
    group: "transfers",
    default: Severity::Error,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &["country"],
    summary: "a vendor known to process in a third country is declared without a country",
    legal: "GDPR Art. 13(1)(f), 44; CJEU C-311/18 Schrems II",
    explain: include_str!("../../../docs/rules/recipient-third-country-undeclared.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    for r in &cx.policy.recipients {
        if !r.countries.is_empty() {
            continue;
        }
        let Some(vref) = &r.vendor else { continue };
        let Some(vendor) = cx.vocab.vendors.get(&vref.name) else {
            continue;
        };
        let third: Vec<&str> = vendor
            .countries
            .iter()
            .map(|c| c.name.as_str())
            .filter(|c| cx.is_third_country(c))
            .collect();
        if third.is_empty() {
            continue;
        }
        let declares_transfer = r.safeguards.iter().any(|u| {
            cx.vocab
                .safeguards
                .get(&u.safeguard.name)
                .is_some_and(|s| !is_insufficient(s))
        });
        if declares_transfer {
            continue;
        }
        let places: Vec<String> = third.iter().map(|c| place(cx, c)).collect();
        let all: Vec<&str> = vendor.countries.iter().map(|c| c.name.as_str()).collect();
        let message = format!(
            "`{}` is `{}`, which processes data in {}, but the recipient declares no country",
            r.name,
            vref.name,
            join_and(&places)
        );
        let d = out.add(&r.waivers, message, RuleCx::label(r.loc, "no `country`"));
        d.secondary.push(RuleCx::label(vref.loc, "this vendor"));
        let entity = vendor
            .entity
            .as_deref()
            .map(|e| format!(": {e}"))
            .unwrap_or_default();
        d.secondary.push(Label::new(
            vendor.entry.loc.file,
            vendor.entry.loc.span,
            format!("`country {}`{entity}", all.join(", ")),
        ));
        d.notes.push(
            "a transfer outside the EEA must be stated, with its safeguard (GDPR Art. 13(1)(f))"
                .into(),
        );
        d.help = Some(format!(
            "add `country {}` and {}",
            all.join(", "),
            suggestions(cx, &third, None)
        ));
    }
}
