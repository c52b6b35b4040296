//! `transfer-safeguard-invalid`: a transfer safeguard was not valid on the evaluation date, or does not fit the destination.
//!
//! Two checks, both from the stdlib's `safeguard` and `country` declarations:
//! - the safeguard's validity interval (`valid-from` inclusive, `valid-until` = first invalid day)
//!   excludes the evaluation date: Privacy Shield after 2020-07-16, the old SCCs after 2022-12-27;
//! - the safeguard does not cover a third-country destination of the recipient, and no other safeguard
//!   of the recipient does: its `countries` exclude the destination (the DPF for India), it
//!   `requires-certification` and the recipient is not `dpf-certified`, or it is of `kind adequacy` and
//!   the destination is a region or a country with no adequacy decision in force.
//!
//! The helpers marked `pub(super)` are shared with the other transfer rules.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Label, Severity};
use crate::ir::{Adequacy, Date, Loc, Recipient, Safeguard, SafeguardKind, SafeguardUse};
use crate::syntax::ast::Span;

pub static RULE: Rule = Rule {
    id: "transfer-safeguard-invalid",
    group: "transfers",
    default: Severity::Error,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &[],
    summary: "a transfer safeguard was not valid on the evaluation date, or does not fit the destination",
    legal: "CJEU C-362/14 Schrems I; C-311/18 Schrems II; Impl. Dec. (EU) 2021/914 Art. 4; Impl. Dec. (EU) 2023/1795",
    explain: include_str!("../../../docs/rules/transfer-safeguard-invalid.md"),
    check,
};

// ---------------------------------------------------------------------------------------------------
// Shared helpers for the transfer rules
// ---------------------------------------------------------------------------------------------------

/// Whether a safeguard can be relied on on `date`: `valid-from` inclusive, `valid-until` exclusive.
pub(super) fn valid_on(sg: &Safeguard, date: Date) -> bool {
    sg.valid_from.is_none_or(|f| f <= date) && sg.valid_until.is_none_or(|u| date < u)
}

/// A safeguard that is no transfer tool at all (`insufficient`, or `kind none`).
pub(super) fn is_insufficient(sg: &Safeguard) -> bool {
    sg.insufficient || sg.kind == Some(SafeguardKind::None)
}

/// The adequacy decision for `country` in force on `date` (`from` inclusive, `until` exclusive).
pub(super) fn adequacy_on<'a>(cx: &RuleCx<'a>, country: &str, date: Date) -> Option<&'a Adequacy> {
    let c = cx.vocab.countries.get(country)?;
    c.adequacy
        .iter()
        .find(|a| a.from.is_none_or(|f| f <= date) && a.until.is_none_or(|u| date < u))
}

/// A third-country destination of a recipient: a declared `country` (with where it was written), or, when
/// the recipient declares none, a third country of its vendor.
pub(super) struct Destination {
    pub name: String,
    pub loc: Option<Loc>,
}

pub(super) fn destinations(cx: &RuleCx, r: &Recipient) -> Vec<Destination> {
    if !r.countries.is_empty() {
        return r
            .countries
            .iter()
            .filter(|c| cx.is_third_country(&c.name))
            .map(|c| Destination {
                name: c.name.to_string(),
                loc: Some(c.loc),
            })
            .collect();
    }
    let Some(v) = r
        .vendor
        .as_ref()
        .and_then(|v| cx.vocab.vendors.get(&v.name))
    else {
        return Vec::new();
    };
    v.countries
        .iter()
        .filter(|c| cx.is_third_country(&c.name))
        .map(|c| Destination {
            name: c.name.to_string(),
            loc: None,
        })
        .collect()
}

/// `NAME` for a destination, with its English label when it has one (`US` (United States)).
pub(super) fn place(cx: &RuleCx, name: &str) -> String {
    let label = cx.name_of(name);
    if label == name {
        format!("`{name}`")
    } else {
        format!("`{name}` ({label})")
    }
}

/// Joins `a`, `b` and `c`.
pub(super) fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The safeguards of the stdlib that would cover `dests` on the evaluation date, as a help line, e.g.
/// "`safeguard dpf` with `dpf-certified` for an importer certified under it, or `safeguard scc-2021 { ... }`".
/// `except` leaves out the safeguard the finding is about.
pub(super) fn suggestions(cx: &RuleCx, dests: &[&str], except: Option<&str>) -> String {
    let mut out: Vec<String> = Vec::new();
    let in_force = || {
        cx.vocab
            .safeguards
            .iter()
            .filter(|(n, s)| {
                valid_on(s, cx.as_of)
                    && !is_insufficient(s)
                    && cx.safeguard_serves_controller(s)
                    && Some(n.as_str()) != except
            })
            .filter(|(_, s)| s.no_new_contracts_after.is_none_or(|d| cx.as_of <= d))
    };
    let countries: Vec<&str> = dests
        .iter()
        .copied()
        .filter(|d| cx.vocab.countries.contains_key(d))
        .collect();
    // Adequacy, where every destination is a country with a decision in force.
    if !countries.is_empty()
        && countries.len() == dests.len()
        && countries
            .iter()
            .all(|d| adequacy_on(cx, d, cx.as_of).is_some())
    {
        for (name, _) in in_force().filter(|(_, s)| s.kind == Some(SafeguardKind::Adequacy)) {
            out.push(format!("`safeguard {name}`"));
        }
    }
    // Frameworks limited to some countries, where they cover every destination.
    if !dests.is_empty() {
        for (name, s) in in_force().filter(|(_, s)| !s.countries.is_empty()) {
            if dests
                .iter()
                .all(|d| s.countries.iter().any(|c| c.name == *d))
            {
                let cert = if s.requires_certification {
                    " with `dpf-certified` for an importer certified under it"
                } else {
                    ""
                };
                out.push(format!("`safeguard {name}`{cert}"));
            }
        }
    }
    // Standard contractual clauses, which work for any destination.
    for (name, _) in
        in_force().filter(|(_, s)| s.kind == Some(SafeguardKind::Scc) && s.countries.is_empty())
    {
        out.push(format!(
            "`safeguard {name} {{ reference \"...\" copy \"...\" }}`"
        ));
    }
    match out.as_slice() {
        [] => "name a transfer safeguard of GDPR Art. 45-49 in force".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}, or {last}", init.join(", ")),
    }
}

// ---------------------------------------------------------------------------------------------------
// The rule
// ---------------------------------------------------------------------------------------------------

/// Why `sg` does not cover the destination `dest` of `r` on the evaluation date, if it does not.
enum Misfit {
    OutOfScope,
    Region,
    NoAdequacy,
    Uncertified,
}

fn misfit(cx: &RuleCx, r: &Recipient, sg: &Safeguard, dest: &str) -> Option<Misfit> {
    if !sg.countries.is_empty() && !sg.countries.iter().any(|c| c.name == dest) {
        return Some(Misfit::OutOfScope);
    }
    if sg.kind == Some(SafeguardKind::Adequacy) {
        if !cx.vocab.countries.contains_key(dest) {
            return Some(Misfit::Region);
        }
        if adequacy_on(cx, dest, cx.as_of).is_none() {
            return Some(Misfit::NoAdequacy);
        }
    }
    if sg.requires_certification && !r.dpf_certified {
        return Some(Misfit::Uncertified);
    }
    None
}

fn check(cx: &RuleCx, out: &mut Findings) {
    for r in &cx.policy.recipients {
        let uses: Vec<(&SafeguardUse, &Safeguard)> = r
            .safeguards
            .iter()
            .filter_map(|u| cx.vocab.safeguards.get(&u.safeguard.name).map(|s| (u, s)))
            .collect();
        for &(u, sg) in &uses {
            lapsed(cx, out, r, u, sg);
            foreign(cx, out, r, u, sg);
        }

        // Fit: only destinations that no usable safeguard of the recipient covers are reported, on each
        // usable safeguard that fails to cover them.
        let dests = destinations(cx, r);
        let usable: Vec<&(&SafeguardUse, &Safeguard)> = uses
            .iter()
            .filter(|(_, s)| {
                valid_on(s, cx.as_of) && !is_insufficient(s) && cx.safeguard_serves_controller(s)
            })
            .collect();
        let uncovered: Vec<&Destination> = dests
            .iter()
            .filter(|d| {
                usable
                    .iter()
                    .all(|(_, s)| misfit(cx, r, s, &d.name).is_some())
            })
            .collect();
        for &&(u, sg) in &usable {
            report_misfits(cx, out, r, u, sg, &uncovered);
        }
    }
}

fn lapsed(cx: &RuleCx, out: &mut Findings, r: &Recipient, u: &SafeguardUse, sg: &Safeguard) {
    if valid_on(sg, cx.as_of) {
        return;
    }
    let name = &u.safeguard.name;
    let dests = destinations(cx, r);
    let dest_names: Vec<&str> = dests.iter().map(|d| d.name.as_str()).collect();
    let help = format!(
        "replace it with {}",
        suggestions(cx, &dest_names, Some(name))
    );
    let interval = match (sg.valid_from, sg.valid_until) {
        (Some(f), Some(t)) => format!("valid from {f}; invalid from {t}"),
        (None, Some(t)) => format!("invalid from {t}"),
        (Some(f), None) => format!("valid from {f}"),
        (None, None) => "no validity dates".to_string(),
    };
    let d = match sg.valid_until.filter(|t| *t <= cx.as_of) {
        Some(until) => {
            let ended = sg
                .ended_by
                .as_ref()
                .map(|e| format!(", ended by {e}"))
                .unwrap_or_default();
            let message = match cx.dated_clause(|d| valid_on(sg, d)) {
                Some(when) => {
                    format!("`{name}` was valid {when} but has been invalid since {until}{ended}")
                }
                None => format!("`{name}` has been invalid since {until}{ended}"),
            };
            out.add(
                &r.waivers,
                message,
                RuleCx::label(u.safeguard.loc, format!("invalid since {until}")),
            )
        }
        None => {
            let from = sg.valid_from.map(|f| f.to_string()).unwrap_or_default();
            let message = format!(
                "`{name}` was not yet in force on {}: it applies from {from}",
                cx.as_of
            );
            out.add(
                &r.waivers,
                message,
                RuleCx::label(u.safeguard.loc, format!("applies only from {from}")),
            )
        }
    };
    d.secondary
        .push(Label::new(sg.entry.loc.file, sg.entry.loc.span, interval));
    d.notes.push(format!(
        "evaluated on {}; a safeguard covers a transfer only on the days of its interval",
        cx.as_of
    ));
    d.help = Some(help);
}

fn report_misfits(
    cx: &RuleCx,
    out: &mut Findings,
    r: &Recipient,
    u: &SafeguardUse,
    sg: &Safeguard,
    uncovered: &[&Destination],
) {
    let name = &u.safeguard.name;
    let who = &r.name;
    let mut out_of_scope = Vec::new();
    let mut uncertified = false;
    for d in uncovered {
        match misfit(cx, r, sg, &d.name) {
            Some(Misfit::OutOfScope) => out_of_scope.push(*d),
            Some(Misfit::Uncertified) => uncertified = true,
            Some(Misfit::Region) => {
                let message = format!(
                    "`{name}` cannot cover `{who}`: adequacy decisions are made per country, and {} is a region",
                    place(cx, &d.name)
                );
                let f = out.add(
                    &r.waivers,
                    message,
                    RuleCx::label(u.safeguard.loc, "no adequacy decision for a region"),
                );
                if let Some(loc) = d.loc {
                    f.secondary
                        .push(RuleCx::label(loc, "a region, not a country"));
                }
                f.help = Some(format!(
                    "name the countries with `country ...`, then a safeguard for each: {}",
                    suggestions(cx, &[d.name.as_str()], Some(name))
                ));
            }
            Some(Misfit::NoAdequacy) => {
                let country = cx.vocab.countries.get(&d.name);
                let ended = country.and_then(|c| {
                    c.adequacy
                        .iter()
                        .filter(|a| a.until.is_some_and(|t| t <= cx.as_of))
                        .max_by_key(|a| a.until)
                });
                let message = match (
                    ended.and_then(|a| a.until),
                    cx.dated_clause(|date| adequacy_on(cx, &d.name, date).is_some()),
                ) {
                    (Some(t), Some(when)) => format!(
                        "{} had an adequacy decision {when} but has had none since {t}, so `{name}` does not cover `{who}`",
                        place(cx, &d.name)
                    ),
                    (Some(t), None) => format!(
                        "{} has had no adequacy decision since {t}, so `{name}` does not cover `{who}`",
                        place(cx, &d.name)
                    ),
                    (None, _) => format!(
                        "{} has no adequacy decision in force on {}, so `{name}` does not cover `{who}`",
                        place(cx, &d.name),
                        cx.as_of
                    ),
                };
                let f = out.add(
                    &r.waivers,
                    message,
                    RuleCx::label(
                        u.safeguard.loc,
                        format!("no adequacy decision for `{}`", d.name),
                    ),
                );
                if let Some(loc) = d.loc {
                    f.secondary.push(RuleCx::label(loc, "the destination"));
                }
                match (ended, country) {
                    (Some(a), _) => {
                        let until = a.until.map(|t| t.to_string()).unwrap_or_default();
                        // The `adequacy` keyword of the block, not the whole block.
                        let head = Span::new(
                            a.loc.span.start(),
                            (a.loc.span.start() + "adequacy".len()).min(a.loc.span.end()),
                        );
                        f.secondary.push(Label::new(
                            a.loc.file,
                            head,
                            format!("in force until {until}"),
                        ));
                    }
                    (None, Some(c)) => {
                        f.secondary.push(Label::new(
                            c.entry.loc.file,
                            c.entry.loc.span,
                            "no adequacy decision in force",
                        ));
                    }
                    (None, None) => {}
                }
                f.help = Some(format!(
                    "for {}, use {}",
                    place(cx, &d.name),
                    suggestions(cx, &[d.name.as_str()], Some(name))
                ));
            }
            None => {}
        }
    }
    if !out_of_scope.is_empty() {
        let scope: Vec<String> = sg
            .countries
            .iter()
            .map(|c| format!("`{}`", c.name))
            .collect();
        let places: Vec<String> = out_of_scope.iter().map(|d| place(cx, &d.name)).collect();
        let message = format!(
            "`{name}` covers only transfers to {}, not to {} where `{who}` receives data",
            join_and(&scope),
            join_and(&places)
        );
        let f = out.add(
            &r.waivers,
            message,
            RuleCx::label(u.safeguard.loc, format!("only for {}", join_and(&scope))),
        );
        for d in &out_of_scope {
            if let Some(loc) = d.loc {
                f.secondary
                    .push(RuleCx::label(loc, "not covered by this safeguard"));
            }
        }
        f.secondary.push(Label::new(
            sg.entry.loc.file,
            sg.entry.loc.span,
            format!(
                "`countries {}`",
                sg.countries
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
        let names: Vec<&str> = out_of_scope.iter().map(|d| d.name.as_str()).collect();
        f.help = Some(format!(
            "for {}, use {}",
            join_and(&places),
            suggestions(cx, &names, Some(name))
        ));
    } else if uncertified {
        let message = format!(
            "`{name}` covers only importers certified under it, and `{who}` is not declared `dpf-certified`"
        );
        let f = out.add(
            &r.waivers,
            message,
            RuleCx::label(u.safeguard.loc, "needs a certified importer"),
        );
        f.secondary.push(Label::new(
            sg.entry.loc.file,
            sg.entry.loc.span,
            "`requires-certification`",
        ));
        f.notes.push(
            "whether an importer is certified is stated in the policy; check the participant list"
                .into(),
        );
        let names: Vec<&str> = uncovered.iter().map(|d| d.name.as_str()).collect();
        f.help = Some(format!(
            "add `dpf-certified` to `{who}` if the importer is on the framework's list of participants; otherwise use {}",
            suggestions(cx, &names, Some(name))
        ));
    }
}

/// A national transfer tool of another country: the UK's IDTA named by a controller in the EEA.
fn foreign(cx: &RuleCx, out: &mut Findings, r: &Recipient, u: &SafeguardUse, sg: &Safeguard) {
    if cx.safeguard_serves_controller(sg) {
        return;
    }
    let Some(exporter) = sg.exporter.as_ref() else {
        return;
    };
    let from = cx
        .controller_country()
        .map_or_else(|| "the controller's country".to_string(), |c| place(cx, c));
    let dests = destinations(cx, r);
    let names: Vec<&str> = dests.iter().map(|d| d.name.as_str()).collect();
    let help = suggestions(cx, &names, Some(&u.safeguard.name));
    let f = out.add(
        &r.waivers,
        format!(
            "`{}` is a transfer tool for exports from {}, not from {from}",
            u.safeguard.name,
            place(cx, &exporter.name)
        ),
        RuleCx::label(u.safeguard.loc, "another country's transfer tool"),
    );
    f.notes.push(
        "a transfer from the EEA needs a safeguard under GDPR Chapter V; a national tool of a third country does not provide one".into(),
    );
    if !help.is_empty() {
        f.help = Some(format!("use {help}"));
    }
}
