//! `transfer-safeguard-missing`: a recipient in a third country has no transfer safeguard.
//!
//! Fires on a recipient with a declared `country` that is a third country (a country without the `eea`
//! flag, or a region with `third-country`) and either no `safeguard`, or only safeguards that are no
//! transfer tool (`insufficient`, or `kind none`, such as `other-measures`): an error. Such a safeguard
//! named beside a real one ("SCCs or other suitable measures") is a warning. A recipient that declares
//! no country is `recipient-third-country-undeclared`'s concern; a safeguard that is named but lapsed or
//! does not fit is `transfer-safeguard-invalid`'s.

use super::transfer_safeguard_invalid::{is_insufficient, join_and, place, suggestions};
use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Label, Severity};
use crate::ir::Ref;

pub static RULE: Rule = Rule {
    id: "transfer-safeguard-missing",
    group: "transfers",
    default: Severity::Error,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &["safeguard"],
    summary: "a recipient in a third country has no transfer safeguard",
    legal: "GDPR Art. 13(1)(f), 14(1)(f), 44-49",
    explain: include_str!("../../../docs/rules/transfer-safeguard-missing.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    for r in &cx.policy.recipients {
        let third: Vec<&Ref> = r
            .countries
            .iter()
            .filter(|c| cx.is_third_country(&c.name))
            .collect();
        if third.is_empty() {
            continue;
        }
        let insufficient: Vec<_> = r
            .safeguards
            .iter()
            .filter_map(|u| cx.vocab.safeguards.get(&u.safeguard.name).map(|s| (u, s)))
            .filter(|(_, s)| is_insufficient(s))
            .collect();
        if insufficient.len() < r.safeguards.len() {
            // At least one real safeguard: whether it holds is transfer-safeguard-invalid's question. An
            // insufficient one beside it ("SCCs or other suitable measures") is an alternative that rests
            // on nothing: a warning.
            if let Some((u, sg)) = insufficient.first() {
                let real = r
                    .safeguards
                    .iter()
                    .find(|x| !insufficient.iter().any(|(i, _)| std::ptr::eq(*i, *x)));
                let message = format!(
                    "`{}` names `{}` as an alternative transfer safeguard, but it is no safeguard",
                    r.name, u.safeguard.name
                );
                let d = out.add_at(
                    Severity::Warning,
                    &r.waivers,
                    message,
                    RuleCx::label(u.safeguard.loc, "not a safeguard under GDPR Art. 45-49"),
                );
                if let Some(real) = real {
                    d.secondary
                        .push(RuleCx::label(real.safeguard.loc, "a real safeguard"));
                }
                let why = if sg.insufficient {
                    "declared `insufficient` here"
                } else {
                    "declared `kind none` here"
                };
                d.secondary
                    .push(Label::new(sg.entry.loc.file, sg.entry.loc.span, why));
                d.notes.push(
                    "data transferred under the alternative has no safeguard under GDPR Art. 44-49"
                        .into(),
                );
                d.help = Some(format!(
                    "remove `safeguard {}`, or replace it with the safeguard actually used",
                    u.safeguard.name
                ));
            }
            continue;
        }
        let places: Vec<String> = third.iter().map(|c| place(cx, &c.name)).collect();
        let names: Vec<&str> = third.iter().map(|c| c.name.as_str()).collect();
        let where_ = join_and(&places);
        // Regions say themselves that they are outside the EEA.
        let outside = match third
            .iter()
            .filter(|c| cx.vocab.countries.contains_key(&c.name))
            .count()
        {
            0 => "",
            n if n == third.len() && n > 1 => ", all outside the EEA,",
            _ => ", outside the EEA,",
        };
        let help = format!(
            "name the safeguard for the transfer: {}",
            suggestions(cx, &names, None)
        );
        let d = match insufficient.first() {
            Some((u, sg)) => {
                let message = format!(
                    "`{}` receives data in {where_}{outside} with only `{}`, which is no transfer safeguard",
                    r.name, u.safeguard.name
                );
                let d = out.add(
                    &r.waivers,
                    message,
                    RuleCx::label(u.safeguard.loc, "not a safeguard under GDPR Art. 45-49"),
                );
                for c in &third {
                    d.secondary.push(RuleCx::label(c.loc, "outside the EEA"));
                }
                let why = if sg.insufficient {
                    "declared `insufficient` here"
                } else {
                    "declared `kind none` here"
                };
                d.secondary
                    .push(Label::new(sg.entry.loc.file, sg.entry.loc.span, why));
                d
            }
            None => {
                let message = format!(
                    "`{}` receives data in {where_}{outside} but names no transfer safeguard",
                    r.name
                );
                let d = out.add(
                    &r.waivers,
                    message,
                    RuleCx::label(third[0].loc, "outside the EEA"),
                );
                for c in &third[1..] {
                    d.secondary.push(RuleCx::label(c.loc, "outside the EEA"));
                }
                d.secondary.push(RuleCx::label(r.loc, "no `safeguard`"));
                d
            }
        };
        d.help = Some(help);
    }
}
