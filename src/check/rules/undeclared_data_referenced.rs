//! `undeclared-data-referenced`: data is disclosed or kept for purposes that do not use it.
//!
//! Triggers:
//! - a recipient `receives X, ... for P, ...` where none of the purposes named uses `X` (the line names its
//!   data and purposes together), or where a purpose named uses none of the line's data while others do;
//! - a recipient `receives ... for P` where `P` is a stdlib purpose kind, not a purpose of the policy;
//! - a recipient `receives X` (no `for`) where no purpose of the policy uses `X` (only when the whole
//!   policy is checked: a fragment does not see every purpose);
//! - a purpose `retain ... for X` where the purpose does not use `X`;
//! - (warning, whole policy only) a text of the policy that contains a phrase of a stdlib list
//!   `mentions-purpose-KIND` while no purpose has kind `KIND`, or of a list `mentions-recipient-KIND` while
//!   no recipient (or its vendor) has kind `KIND`. A purpose's own texts are not judged on purpose kinds,
//!   nor a recipient's on recipient kinds.
//!
//! A purpose uses `X` when `X` is in the closure of one of its `uses` (the category, what it refines,
//! what it includes), or when `X` is a group whose parts it all uses, or a refinement of data it uses
//! that adds no special-category, criminal-offence or national-identity flag. Cookies name purposes, not
//! data, and are not checked here.

use std::collections::BTreeSet;

use crate::check::{BROKEN, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Label, Severity};
use crate::ir::{DataCategory, Purpose, Ref, Text, Waiver};

pub static RULE: Rule = Rule {
    id: "undeclared-data-referenced",
    group: "data",
    default: Severity::Error,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &[BROKEN],
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
                        format!(
                            "recipient `{}` receives `{}`, which no purpose uses",
                            r.name, x.name
                        ),
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
                match cx.purpose(&pref.name) {
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
            let names = purposes
                .iter()
                .map(|(_, p)| format!("`{}`", p.name))
                .collect::<Vec<_>>()
                .join(", ");
            for x in &rec.data {
                if purposes.iter().any(|(_, p)| uses(cx, p, &x.name)) {
                    continue;
                }
                let partly = purposes.iter().any(|(_, p)| uses_part(cx, p, &x.name));
                let (whom, how) = match purposes.as_slice() {
                    [(_, p)] => (
                        format!("purpose `{}`", p.name),
                        if partly {
                            "which uses only part of it"
                        } else {
                            "which does not use it"
                        },
                    ),
                    _ => (
                        format!("purposes {names}"),
                        if partly {
                            "which use only part of it"
                        } else {
                            "none of which uses it"
                        },
                    ),
                };
                let d = out.add(
                    &r.waivers,
                    format!(
                        "recipient `{}` receives `{}` for {whom}, {how}",
                        r.name, x.name
                    ),
                    RuleCx::label(
                        x.loc,
                        format!(
                            "{} by {names}",
                            if partly {
                                "only partly used"
                            } else {
                                "not used"
                            }
                        ),
                    ),
                );
                for (_, p) in &purposes {
                    d.secondary
                        .push(Label::new(p.loc.file, p.loc.span, uses_list(p)));
                }
                d.notes.push(NOTE.into());
                d.help = Some(match purposes.as_slice() {
                    [(_, p)] => format!(
                        "add `{}` to `uses` in purpose `{}`, or stop disclosing it for that purpose",
                        x.name, p.name
                    ),
                    _ => format!(
                        "add `{}` to `uses` in the purposes it is disclosed for, or stop disclosing it",
                        x.name
                    ),
                });
            }
            // A purpose that uses none of the line's data, when others do (if none does, the findings
            // above say it all).
            let serves = |p: &Purpose| {
                rec.data
                    .iter()
                    .any(|x| uses(cx, p, &x.name) || uses_part(cx, p, &x.name))
            };
            if purposes.len() > 1 && purposes.iter().any(|(_, p)| serves(p)) {
                for (pref, p) in &purposes {
                    if serves(p) {
                        continue;
                    }
                    let d = out.add(
                        &r.waivers,
                        format!(
                            "recipient `{}` receives data for purpose `{}`, which uses none of it",
                            r.name, p.name
                        ),
                        RuleCx::label(
                            pref.loc,
                            format!("`{}` uses none of the data in this line", p.name),
                        ),
                    );
                    d.secondary
                        .push(Label::new(p.loc.file, p.loc.span, uses_list(p)));
                    d.notes.push(NOTE.into());
                    d.help = Some(format!(
                        "remove `{}` after `for`, or add the data it processes to its `uses`",
                        p.name
                    ));
                }
            }
        }
    }
    if whole {
        mentions(cx, out);
    }
    for p in &cx.policy.purposes {
        for rule in &p.retention {
            for x in &rule.data {
                if uses(cx, p, &x.name) {
                    continue;
                }
                let how = if uses_part(cx, p, &x.name) {
                    "uses only part of"
                } else {
                    "does not use"
                };
                let d = out.add(
                    &p.waivers,
                    format!(
                        "purpose `{}` sets a retention for `{}`, which it {how}",
                        p.name, x.name
                    ),
                    RuleCx::label(
                        x.loc,
                        if how == "does not use" {
                            "not in this purpose's `uses`"
                        } else {
                            "only partly in this purpose's `uses`"
                        },
                    ),
                );
                d.secondary
                    .push(Label::new(p.loc.file, p.loc.span, uses_list(p)));
                d.help = Some(format!(
                    "add `{}` to `uses` in purpose `{}`, or remove it from this `retain`",
                    x.name, p.name
                ));
            }
        }
    }
}

/// Where a text stands, for the mentions it is judged on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Holder {
    Purpose,
    Recipient,
    Other,
}

/// Texts of a whole policy that mention processing for a purpose kind, or disclosure to a recipient kind,
/// the policy does not declare (stdlib phrase lists `mentions-purpose-KIND`, `mentions-recipient-KIND`).
/// A purpose's own text is not judged on purpose kinds, nor a recipient's on recipient kinds: they
/// describe the declaration that holds them. Downgraded to a warning: the evidence is a wording.
fn mentions(cx: &RuleCx, out: &mut Findings) {
    let lists: Vec<(&str, &crate::ir::Phrases)> = cx
        .vocab
        .phrases
        .iter()
        .filter(|(n, _)| n.starts_with(PURPOSE_MENTIONS) || n.starts_with(RECIPIENT_MENTIONS))
        .map(|(n, p)| (n.as_str(), p))
        .collect();
    if lists.is_empty() {
        return;
    }
    // The kinds the policy declares, once: the loop below asks for every text.
    let purpose_kinds: std::collections::HashSet<&str> = cx
        .policy
        .purposes
        .iter()
        .filter_map(|p| p.kind.as_ref().map(|k| k.name.as_str()))
        .collect();
    let recipient_kinds: std::collections::HashSet<&str> = cx
        .policy
        .recipients
        .iter()
        .flat_map(|r| {
            let own = r.kind.as_ref().map(|k| k.name.as_str());
            let vendor = r
                .vendor
                .as_ref()
                .and_then(|v| cx.vocab.vendors.get(&v.name))
                .and_then(|v| v.kind.as_ref())
                .map(|k| k.name.as_str());
            own.into_iter().chain(vendor)
        })
        .collect();
    for (text, waivers, holder) in texts(cx) {
        // Lowered once for all the lists, and only when a list is asked about.
        let mut lowered: Option<Vec<String>> = None;
        for (list, phrases) in &lists {
            let (kind, is_purpose) = match (
                list.strip_prefix(PURPOSE_MENTIONS),
                list.strip_prefix(RECIPIENT_MENTIONS),
            ) {
                (Some(k), _) => (k, true),
                (_, Some(k)) => (k, false),
                _ => continue,
            };
            if (is_purpose && holder == Holder::Purpose)
                || (!is_purpose && holder == Holder::Recipient)
            {
                continue;
            }
            let known = if is_purpose {
                cx.vocab.purpose_kinds.contains_key(kind)
            } else {
                cx.vocab.recipient_kinds.contains_key(kind)
            };
            if !known {
                continue;
            }
            let declared = if is_purpose {
                purpose_kinds.contains(kind)
            } else {
                recipient_kinds.contains(kind)
            };
            if declared {
                continue;
            }
            let lowered = lowered.get_or_insert_with(|| crate::sema::Sema::lowered(text));
            let Some(phrase) = cx.phrase_in(lowered, list) else {
                continue;
            };
            let Some(loc) = text.loc else { continue };
            let what = phrases
                .entry
                .label
                .any("en")
                .map(str::to_string)
                .unwrap_or_else(|| list.to_string());
            let (message, help) = if is_purpose {
                (
                    format!(
                        "a text of the policy refers to {} (\"{phrase}\"), but the policy declares no `{kind}` purpose",
                        what.trim_start_matches("mentions of ")
                    ),
                    format!(
                        "declare the processing: `purpose NAME is {kind} {{ uses ... basis ... retain ... }}`, or remove the reference"
                    ),
                )
            } else {
                (
                    format!(
                        "a text of the policy refers to {} (\"{phrase}\"), but the policy declares no recipient of kind `{kind}`",
                        what.trim_start_matches("mentions of ")
                    ),
                    format!(
                        "declare the recipient: `recipient NAME {{ kind {kind} role ... receives DATA for PURPOSE }}`, or remove the reference"
                    ),
                )
            };
            let d = out.add_at(
                Severity::Warning,
                waivers,
                message,
                RuleCx::label(RuleCx::phrase_loc(text, loc, phrase), "mentioned here"),
            );
            d.notes.push(MENTION_NOTE.into());
            d.help = Some(help);
        }
    }
}

const PURPOSE_MENTIONS: &str = "mentions-purpose-";
const RECIPIENT_MENTIONS: &str = "mentions-recipient-";

/// The human texts of the policy, with the waivers of the declaration that holds each.
fn texts<'a>(cx: &RuleCx<'a>) -> Vec<(&'a Text, &'a [Waiver], Holder)> {
    let mut out: Vec<(&Text, &[Waiver], Holder)> = Vec::new();
    if let Some(m) = &cx.policy.meta {
        out.extend(m.description.iter().map(|t| (t, &[][..], Holder::Other)));
    }
    if let Some(c) = &cx.policy.controller {
        out.extend(c.description.iter().map(|t| (t, &[][..], Holder::Other)));
    }
    for p in &cx.policy.purposes {
        for t in [&p.label, &p.description].into_iter().flatten() {
            out.push((t, &p.waivers, Holder::Purpose));
        }
        if let Some(t) = p.profiling.as_ref().and_then(|f| f.text.as_ref()) {
            out.push((t, &p.waivers, Holder::Purpose));
        }
        if let Some((_, Some(t), _)) = &p.requirement {
            out.push((t, &p.waivers, Holder::Purpose));
        }
    }
    for name in &cx.policy.data {
        let Some(d) = cx.vocab.data.get(name) else {
            continue;
        };
        if d.entry.module.is_none() {
            out.extend(
                d.entry
                    .description
                    .iter()
                    .map(|t| (t, &d.waivers[..], Holder::Other)),
            );
        }
    }
    for r in &cx.policy.recipients {
        for t in [&r.label, &r.description].into_iter().flatten() {
            out.push((t, &r.waivers, Holder::Recipient));
        }
    }
    for c in &cx.policy.cookies {
        out.extend(
            c.description
                .iter()
                .map(|t| (t, &c.waivers[..], Holder::Other)),
        );
    }
    if let Some(r) = &cx.policy.rights {
        out.extend(
            r.exercise
                .iter()
                .map(|t| (t, &r.waivers[..], Holder::Other)),
        );
        out.extend(
            r.rights
                .iter()
                .filter_map(|s| s.how.as_ref())
                .map(|t| (t, &r.waivers[..], Holder::Other)),
        );
        out.extend(
            r.complaints
                .iter()
                .filter_map(|c| c.text.as_ref())
                .map(|t| (t, &r.waivers[..], Holder::Other)),
        );
    }
    out
}

const MENTION_NOTE: &str = "the notice must give every purpose of the processing and the recipients (Art. 13(1)(c), (e)); a text that refers to processing the policy does not declare shows that something is left out";

const NOTE: &str = "the notice must give the purposes of each processing (Art. 13(1)(c)); data disclosed for a purpose that does not process it is processing for an undeclared purpose";

fn uses_list(p: &Purpose) -> String {
    if p.uses.is_empty() {
        return format!("`{}` uses no data", p.name);
    }
    let names: Vec<String> = p.uses.iter().map(|u| format!("`{}`", u.name)).collect();
    format!("`{}` uses {}", p.name, names.join(", "))
}

/// Whether purpose `p` processes data `x` (see the module comment).
fn uses(cx: &RuleCx, p: &Purpose, x: &str) -> bool {
    covered(cx, &cx.used_closure(p), x, &mut BTreeSet::new())
}

/// Whether purpose `p` uses some of what `x` includes.
fn uses_part(cx: &RuleCx, p: &Purpose, x: &str) -> bool {
    let used = cx.used_closure(p);
    let chain: BTreeSet<&str> = cx
        .data_chain(x)
        .into_iter()
        .map(|d| d.entry.name.as_str())
        .collect();
    cx.data_closure(x)
        .iter()
        .any(|d| !chain.contains(d.entry.name.as_str()) && used.contains(&d.entry.name))
}

fn covered(
    cx: &RuleCx,
    used: &BTreeSet<crate::ir::Name>,
    x: &str,
    seen: &mut BTreeSet<String>,
) -> bool {
    if used.contains(x) {
        return true;
    }
    let Some(d) = cx.vocab.data.get(x) else {
        return false;
    };
    // `seen` holds the categories being judged further up, against cycles of `is` and `includes`.
    if (d.parent.is_none() && d.includes.is_empty()) || !seen.insert(x.to_string()) {
        return false;
    }
    let parent_ok = d
        .parent
        .as_ref()
        .is_none_or(|p| !adds_sensitive_flag(cx, d, p) && covered(cx, used, &p.name, seen));
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
