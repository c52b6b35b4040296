//! `transfer-details-incomplete`: a transfer does not name its specific safeguard or where a copy can be obtained.
//!
//! Fires (info) on:
//! - a safeguard of `kind` scc, bcr, code or certification (the Art. 46-47 safeguards, of which the
//!   notice must say how to get a copy) used for a third-country destination of the recipient, without a
//!   `reference` (or `module`) to the specific clauses or rules, or without a `copy`;
//! - a recipient that names a transfer safeguard (other than an `insufficient` one) but no `country`.

use super::transfer_safeguard_invalid::{destinations, is_insufficient, join_and, place, valid_on};
use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::SafeguardKind;

pub static RULE: Rule = Rule {
    id: "transfer-details-incomplete",
    group: "transfers",
    default: Severity::Info,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &["safeguard", "country"],
    summary: "a transfer does not name its destination, its specific safeguard or where a copy can be obtained",
    legal: "GDPR Art. 13(1)(f), 14(1)(f); WP260 rev.01",
    explain: include_str!("../../../docs/rules/transfer-details-incomplete.md"),
    check,
};

/// A reference that points at particular clauses or rules: it gives a number (a decision such as
/// 2021/914, a module, a date), names a module, or links to the text. "Standard contractual clauses"
/// only repeats the safeguard's name.
fn specific(reference: &crate::ir::Text) -> bool {
    reference.by_lang.values().any(|t| {
        let lower = t.to_lowercase();
        t.chars().any(|c| c.is_ascii_digit()) || lower.contains("modul") || lower.contains("http")
    })
}

/// The safeguards whose text the data subject may obtain (GDPR Art. 13(1)(f): "the means by which to
/// obtain a copy of them").
fn needs_copy(kind: Option<SafeguardKind>) -> bool {
    matches!(
        kind,
        Some(
            SafeguardKind::Scc
                | SafeguardKind::Bcr
                | SafeguardKind::Code
                | SafeguardKind::Certification
        )
    )
}

fn check(cx: &RuleCx, out: &mut Findings) {
    for r in &cx.policy.recipients {
        let real: Vec<_> = r
            .safeguards
            .iter()
            .filter(|u| {
                cx.vocab
                    .safeguards
                    .get(&u.safeguard.name)
                    .is_some_and(|s| !is_insufficient(s))
            })
            .collect();

        // A transfer with no destination.
        // A transfer with no destination. (Without a real safeguard, a recipient that is a vendor abroad
        // is recipient-third-country-undeclared's finding instead.)
        if r.countries.is_empty() && !real.is_empty() {
            let message = format!(
                "`{}` names the safeguard `{}` but not the country the data goes to",
                r.name, real[0].safeguard.name
            );
            let d = out.add(&r.waivers, message, RuleCx::label(r.loc, "no `country`"));
            d.secondary
                .push(RuleCx::label(real[0].safeguard.loc, "a transfer safeguard"));
            let vendor = r
                .vendor
                .as_ref()
                .and_then(|v| cx.vocab.vendors.get(&v.name));
            d.help = Some(match vendor.filter(|v| !v.countries.is_empty()) {
                Some(v) => format!(
                    "add `country {}` to `{}`",
                    v.countries
                        .iter()
                        .map(|c| c.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    r.name
                ),
                None => format!(
                    "add `country ...` to `{}`: the third countries, or `outside-eea`",
                    r.name
                ),
            });
        }

        // Art. 46-47 safeguards without the specific reference or the means to obtain a copy.
        let dests = destinations(cx, r);
        if r.countries.is_empty() || dests.is_empty() {
            continue;
        }
        for u in &real {
            let Some(sg) = cx.vocab.safeguards.get(&u.safeguard.name) else {
                continue;
            };
            // A lapsed safeguard is transfer-safeguard-invalid's finding; its details do not matter.
            if !needs_copy(sg.kind) || !valid_on(sg, cx.as_of) {
                continue;
            }
            let no_ref = u.reference.as_ref().is_none_or(|t| !specific(t)) && u.module.is_none();
            let no_copy = u.copy.as_ref().is_none_or(|t| t.is_empty());
            let (what, label, help) = match (no_ref, no_copy) {
                (true, true) => (
                    "which clauses or rules apply, or where to get a copy",
                    "no `reference` and no `copy`",
                    "`reference \"...\"` (the decision and module, or the approved rules) and `copy \"...\"` (where to obtain them)",
                ),
                (true, false) => (
                    "which clauses or rules apply",
                    "no `reference`",
                    "`reference \"...\"` (the decision and module, or the approved rules)",
                ),
                (false, true) => (
                    "where to get a copy",
                    "no `copy`",
                    "`copy \"...\"` (where the data subject can obtain them)",
                ),
                (false, false) => continue,
            };
            let places: Vec<String> = dests.iter().map(|d| place(cx, &d.name)).collect();
            let message = format!(
                "the transfer to {} under `{}` does not say {what}",
                join_and(&places),
                u.safeguard.name
            );
            let d = out.add(&r.waivers, message, RuleCx::label(u.safeguard.loc, label));
            d.help = Some(format!(
                "inside `safeguard {} {{ }}`, add {help}",
                u.safeguard.name
            ));
        }
    }
}
