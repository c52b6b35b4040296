//! `undeclared-data-referenced`: data is disclosed or kept for purposes that do not use it.
//!
//! Triggers:
//! - a recipient `receives X for P` where purpose `P` does not use `X`;
//! - a recipient `receives ... for P` where `P` is a stdlib purpose kind, not a purpose of the policy;
//! - a recipient `receives X` (no `for`) where no purpose of the policy uses `X` (only when the whole
//!   policy is checked: a fragment does not see every purpose);
//! - a purpose `retain ... for X` where the purpose does not use `X`.
//!
//! A purpose uses `X` when `X` is in the closure of one of its `uses` (the category, what it refines,
//! what it includes), or when `X` is a group whose parts it all uses, or a refinement of data it uses
//! that adds no special-category, criminal-offence or national-identity flag. Cookies name purposes, not
//! data, and are not checked here.

use std::collections::BTreeSet;

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Label, Severity};
use crate::ir::{DataCategory, Purpose, Ref};

pub static RULE: Rule = Rule {
    id: "undeclared-data-referenced",
    group: "data",
    default: Severity::Error,
    reach: Reach::Declaration,
    summary: "data is disclosed or kept for purposes that do not use it",
    legal: "GDPR Art. 5(1)(a)-(b), 13(1)(c)",
    explain: include_str!("../../../docs/rules/undeclared-data-referenced.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    let whole = cx.policy.meta.is_some();
    for r in &cx.policy.recipients {
        for rec in &r.receives {
            if rec.purposes.is_empty() {
                if !whole {
                    continue;
                }
                for x in &rec.data {
                    if cx.policy.purposes.iter().any(|p| uses(cx, p, &x.name)) {
                        continue;
                    }
                    let d = out.add(
                        &r.waivers,
                        format!("recipient `{}` receives `{}`, which no purpose uses", r.name, x.name),
                        RuleCx::label(x.loc, "used by no purpose"),
                    );
                    d.notes.push(NOTE.into());
                    d.help = Some(format!(
                        "say what it is disclosed for with `receives {} for PURPOSE`, and add `{}` to that purpose's `uses`",
                        x.name, x.name
                    ));
                }
                continue;
            }
            // `receives D, ... for P, ...` says the data is disclosed for those purposes together: each
            // datum must be used by one of them, and each purpose must use some of the data.
            let mut purposes: Vec<(&Ref, &Purpose)> = Vec::new();
            for pref in &rec.purposes {
                match cx.policy.purposes.iter().find(|p| p.name == pref.name) {
                    Some(p) => purposes.push((pref, p)),
                    None if cx.vocab.purpose_kinds.contains_key(&pref.name) => {
                        let d = out.add(
                            &r.waivers,
                            format!("recipient `{}` receives data for `{}`, a kind of purpose the policy does not declare", r.name, pref.name),
                            RuleCx::label(pref.loc, "a stdlib purpose kind, not a purpose of this policy"),
                        );
                        d.notes.push(NOTE.into());
                        d.help = Some(format!(
                            "declare the purpose (`purpose NAME is {} {{ uses ... }}`) and name it after `for`",
                            pref.name
                        ));
                    }
                    None => {}
                }
            }
            if purposes.is_empty() {
                continue;
            }
            let names = purposes.iter().map(|(_, p)| format!("`{}`", p.name)).collect::<Vec<_>>().join(", ");
            for x in &rec.data {
                if purposes.iter().any(|(_, p)| uses(cx, p, &x.name)) {
                    continue;
                }
                let partly = purposes.iter().any(|(_, p)| uses_part(cx, p, &x.name));
                let (whom, how) = match purposes.as_slice() {
                    [(_, p)] => (format!("purpose `{}`", p.name), if partly { "which uses only part of it" } else { "which does not use it" }),
                    _ => (format!("purposes {names}"), if partly { "which use only part of it" } else { "none of which uses it" }),
                };
                let d = out.add(
                    &r.waivers,
                    format!("recipient `{}` receives `{}` for {whom}, {how}", r.name, x.name),
                    RuleCx::label(x.loc, format!("{} by {names}", if partly { "only partly used" } else { "not used" })),
                );
                for (_, p) in &purposes {
                    d.secondary.push(Label::new(p.loc.file, p.loc.span, uses_list(p)));
                }
                d.notes.push(NOTE.into());
                d.help = Some(match purposes.as_slice() {
                    [(_, p)] => format!("add `{}` to `uses` in purpose `{}`, or stop disclosing it for that purpose", x.name, p.name),
                    _ => format!("add `{}` to `uses` in the purposes it is disclosed for, or stop disclosing it", x.name),
                });
            }
            // A purpose that uses none of the line's data, when others do (if none does, the findings
            // above say it all).
            let serves = |p: &Purpose| rec.data.iter().any(|x| uses(cx, p, &x.name) || uses_part(cx, p, &x.name));
            if purposes.len() > 1 && purposes.iter().any(|(_, p)| serves(p)) {
                for (pref, p) in &purposes {
                    if serves(p) {
                        continue;
                    }
                    let d = out.add(
                        &r.waivers,
                        format!("recipient `{}` receives data for purpose `{}`, which uses none of it", r.name, p.name),
                        RuleCx::label(pref.loc, format!("`{}` uses none of the data in this line", p.name)),
                    );
                    d.secondary.push(Label::new(p.loc.file, p.loc.span, uses_list(p)));
                    d.notes.push(NOTE.into());
                    d.help = Some(format!("remove `{}` after `for`, or add the data it processes to its `uses`", p.name));
                }
            }
        }
    }
    for p in &cx.policy.purposes {
        for rule in &p.retention {
            for x in &rule.data {
                if uses(cx, p, &x.name) {
                    continue;
                }
                let how = if uses_part(cx, p, &x.name) { "uses only part of" } else { "does not use" };
                let d = out.add(
                    &p.waivers,
                    format!("purpose `{}` sets a retention for `{}`, which it {how}", p.name, x.name),
                    RuleCx::label(x.loc, if how == "does not use" { "not in this purpose's `uses`" } else { "only partly in this purpose's `uses`" }),
                );
                d.secondary.push(Label::new(p.loc.file, p.loc.span, uses_list(p)));
                d.help = Some(format!("add `{}` to `uses` in purpose `{}`, or remove it from this `retain`", x.name, p.name));
            }
        }
    }
}

const NOTE: &str =
    "the notice must give the purposes of each processing (Art. 13(1)(c)); data disclosed for a purpose that does not process it is processing for an undeclared purpose";

fn uses_list(p: &Purpose) -> String {
    if p.uses.is_empty() {
        return format!("`{}` uses no data", p.name);
    }
    let names: Vec<String> = p.uses.iter().map(|u| format!("`{}`", u.name)).collect();
    format!("`{}` uses {}", p.name, names.join(", "))
}

/// Whether purpose `p` processes data `x` (see the module comment).
fn uses(cx: &RuleCx, p: &Purpose, x: &str) -> bool {
    let used: BTreeSet<String> = p.uses.iter().flat_map(|u| cx.data_closure(&u.name)).map(|d| d.entry.name.clone()).collect();
    covered(cx, &used, x, &mut BTreeSet::new())
}

/// Whether purpose `p` uses some of what `x` includes.
fn uses_part(cx: &RuleCx, p: &Purpose, x: &str) -> bool {
    let used: BTreeSet<String> = p.uses.iter().flat_map(|u| cx.data_closure(&u.name)).map(|d| d.entry.name.clone()).collect();
    let chain: BTreeSet<&str> = cx.data_chain(x).into_iter().map(|d| d.entry.name.as_str()).collect();
    cx.data_closure(x).iter().any(|d| !chain.contains(d.entry.name.as_str()) && used.contains(&d.entry.name))
}

fn covered(cx: &RuleCx, used: &BTreeSet<String>, x: &str, seen: &mut BTreeSet<String>) -> bool {
    if used.contains(x) {
        return true;
    }
    let Some(d) = cx.vocab.data.get(x) else { return false };
    // `seen` holds the categories being judged further up, against cycles of `is` and `includes`.
    if (d.parent.is_none() && d.includes.is_empty()) || !seen.insert(x.to_string()) {
        return false;
    }
    let parent_ok = d.parent.as_ref().is_none_or(|p| !adds_sensitive_flag(cx, d, p) && covered(cx, used, &p.name, seen));
    let result = parent_ok && d.includes.iter().all(|i| covered(cx, used, &i.name, seen));
    seen.remove(x);
    result
}

/// A refinement that makes its parent special-category, criminal-offence or national-identity data is
/// not covered by a purpose that uses the parent.
fn adds_sensitive_flag(cx: &RuleCx, d: &DataCategory, parent: &Ref) -> bool {
    (d.special && !cx.data_has(&parent.name, |c| c.special))
        || (d.criminal && !cx.data_has(&parent.name, |c| c.criminal))
        || (d.national_id && !cx.data_has(&parent.name, |c| c.national_id))
}
