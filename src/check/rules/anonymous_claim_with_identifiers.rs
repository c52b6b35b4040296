//! `anonymous-claim-with-identifiers`: data declared anonymous contains identifiers or is used to single people out.
//!
//! Two triggers:
//! 1. A data category the policy declares is claimed anonymous (its own `anonymous` flag, or one inherited
//!    through `is PARENT`) while it holds a category flagged `identifier`: itself, through what it refines
//!    (`data visits is ip-address { anonymous }`), through `includes`, or through a typed field whose type is
//!    an identifier category of the stdlib (`fields { email email }`). Holding only `quasi-identifier`
//!    categories (e.g. device information, which can fingerprint a device) is a warning. A category that
//!    inherits the claim is judged only on what it adds; what its parent holds is reported on the parent.
//! 2. A purpose that profiles (its own `profiling`, or a purpose kind flagged `profiling`) uses data that
//!    is, or holds, a category declared anonymous: data used to single people out is not anonymous.

use std::collections::BTreeSet;

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::ir::{DataCategory, Loc, Name};

pub static RULE: Rule = Rule {
    id: "anonymous-claim-with-identifiers",
    group: "data",
    default: Severity::Error,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &[],
    summary: "data declared anonymous contains identifiers or is used to single people out",
    legal: "GDPR Art. 4(1), 4(5), Recitals 26 and 30; CJEU C-582/14 Breyer; C-413/23 P EDPS v SRB",
    explain: include_str!("../../../docs/rules/anonymous-claim-with-identifiers.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    for name in &cx.policy.data {
        let Some(d) = cx.vocab.data.get(name) else {
            continue;
        };
        if d.entry.module.is_none() {
            claim_with_identifiers(cx, d, out);
        }
    }
    profiling_on_anonymous_data(cx, out);
}

/// What a link of a category (its parent, an included category, a field) brings in.
struct Link {
    loc: Loc,
    /// The category the link names, or the field's name.
    what: String,
    field: bool,
    identifiers: Vec<Name>,
    quasi: Vec<Name>,
}

fn claim_with_identifiers(cx: &RuleCx, d: &DataCategory, out: &mut Findings) {
    let chain = cx.data_chain(&d.entry.name);
    let Some((claimant, claim_loc)) = chain.iter().find_map(|c| c.anonymous.map(|l| (*c, l)))
    else {
        return;
    };
    let own = claimant.entry.name == d.entry.name;

    let mut links = Vec::new();
    if own && let Some(parent) = &d.parent {
        links.push(link(cx, parent.loc, &parent.name, &parent.name, false));
    }
    for inc in &d.includes {
        links.push(link(cx, inc.loc, &inc.name, &inc.name, false));
    }
    for f in &d.fields {
        let std_name = format!("std.{}", f.ty);
        let ty = if cx.vocab.data.contains_key(&std_name) {
            std_name
        } else {
            f.ty.clone()
        };
        if cx
            .vocab
            .data
            .get(&ty)
            .is_some_and(|c| c.entry.module.is_some())
        {
            links.push(link(cx, f.loc, &f.name, &ty, true));
        }
    }
    let self_identifier = d.identifier;
    let identifiers: BTreeSet<&str> = links
        .iter()
        .flat_map(|l| l.identifiers.iter().map(Name::as_str))
        .collect();
    let quasi: BTreeSet<&str> = links
        .iter()
        .flat_map(|l| l.quasi.iter().map(Name::as_str))
        .collect();
    if !self_identifier && identifiers.is_empty() && quasi.is_empty() {
        return;
    }

    let primary = if own {
        RuleCx::label(claim_loc, "declared anonymous here")
    } else {
        RuleCx::label(
            d.entry.loc,
            format!("anonymous because it refines `{}`", claimant.entry.name),
        )
    };
    let strong = self_identifier || !identifiers.is_empty();
    let names = |set: &BTreeSet<&str>| {
        set.iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let diag: &mut Diagnostic = if strong {
        let what = if identifiers.is_empty() {
            "is itself flagged `identifier`".to_string()
        } else {
            format!("holds identifiers: {}", names(&identifiers))
        };
        out.add(
            &d.waivers,
            format!("data `{}` is declared anonymous but {what}", d.entry.name),
            primary,
        )
    } else {
        out.add_at(
            Severity::Warning,
            &d.waivers,
            format!(
                "data `{}` is declared anonymous but holds data that can identify a person in combination: {}",
                d.entry.name,
                names(&quasi)
            ),
            primary,
        )
    };
    if !own {
        diag.secondary.push(label(
            claim_loc,
            format!("`{}` is declared anonymous here", claimant.entry.name),
        ));
    }
    if self_identifier && identifiers.is_empty() && own {
        // The IR keeps no location for the `identifier` flag; the declaration stands in for it.
        diag.secondary
            .push(label(d.entry.loc, "flagged `identifier`"));
    }
    for l in &links {
        let (set, kind) = if strong {
            (&l.identifiers, "an identifier")
        } else {
            (&l.quasi, "a quasi-identifier")
        };
        if set.is_empty() {
            continue;
        }
        let list = set
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let msg = match (l.field, set.as_slice()) {
            (false, [one]) if *one == l.what => format!("`{}` is {kind}", l.what),
            (false, [_]) => format!("`{}` holds {list}, {kind}", l.what),
            (false, _) => format!("`{}` holds {list}", l.what),
            (true, _) => format!("field `{}` holds {list}, {kind}", l.what),
        };
        diag.secondary.push(label(l.loc, msg));
    }
    let shown: &BTreeSet<&str> = if strong { &identifiers } else { &quasi };
    for n in shown {
        if let Some(note) = stdlib_note(cx, n) {
            diag.notes.push(note);
        }
    }
    diag.notes.push(
        "data is anonymous only if no one can identify the person by means reasonably likely to be used (Recital 26); data that can be linked back is personal data, at most pseudonymised (Art. 4(5))"
            .into(),
    );
    diag.help = Some(if !own {
        format!(
            "remove the identifiers from `data {}`, or do not declare it a refinement of the anonymous `{}`",
            d.entry.name, claimant.entry.name
        )
    } else if strong {
        format!(
            "remove `anonymous` from `data {}` (it is personal data), or remove the identifiers from it",
            claimant.entry.name
        )
    } else {
        format!(
            "remove `anonymous` from `data {}`, or aggregate the data so that no device or person can be singled out, then `waive anonymous-claim-with-identifiers \"how\"`",
            claimant.entry.name
        )
    });
}

/// The identifier and quasi-identifier categories that `name` is or holds.
fn link(cx: &RuleCx, loc: Loc, what: &str, name: &str, field: bool) -> Link {
    let closure = cx.data_closure(name);
    let identifiers: Vec<Name> = closure
        .iter()
        .filter(|c| c.identifier)
        .map(|c| c.entry.name.clone())
        .collect();
    let quasi: Vec<Name> = closure
        .iter()
        .filter(|c| c.quasi_identifier && !c.identifier)
        .map(|c| c.entry.name.clone())
        .collect();
    Link {
        loc,
        what: what.to_string(),
        field,
        identifiers: sorted(identifiers),
        quasi: sorted(quasi),
    }
}

fn sorted(mut v: Vec<Name>) -> Vec<Name> {
    v.sort();
    v.dedup();
    v
}

/// What the stdlib says about an identifier category, with its sources.
fn stdlib_note(cx: &RuleCx, name: &str) -> Option<String> {
    let c = cx.vocab.data.get(name)?;
    c.entry.module.as_ref()?;
    let desc = c.entry.description.as_ref().and_then(|t| t.any("en"))?;
    let mut note = format!("`{}`: {desc}", name);
    if !c.entry.cite.is_empty() {
        note.push_str(&format!(" ({})", c.entry.cite.join("; ")));
    }
    Some(note)
}

fn label(loc: Loc, message: impl Into<String>) -> Label {
    Label::new(loc.file, loc.span, message)
}

fn profiling_on_anonymous_data(cx: &RuleCx, out: &mut Findings) {
    for p in &cx.policy.purposes {
        let kind = cx.kind_of(p).filter(|k| k.profiling);
        let profiling_loc = match (&p.profiling, kind, &p.kind) {
            (Some(f), _, _) => f.loc,
            (None, Some(_), Some(k)) => k.loc,
            _ => continue,
        };
        let mut reported = BTreeSet::new();
        for u in &p.uses {
            // The outermost category declared anonymous: one finding per use.
            let Some((a, flag)) = cx
                .data_closure(&u.name)
                .into_iter()
                .find_map(|a| a.anonymous.map(|f| (a, f)))
            else {
                continue;
            };
            if !reported.insert(a.entry.name.clone()) {
                continue;
            }
            {
                let here = if a.entry.name == u.name {
                    format!("`{}` is declared anonymous", u.name)
                } else {
                    format!("`{}` holds `{}`, declared anonymous", u.name, a.entry.name)
                };
                let d = out.add(
                    &p.waivers,
                    format!(
                        "purpose `{}` profiles people with data `{}`, which is declared anonymous",
                        p.name, a.entry.name
                    ),
                    RuleCx::label(u.loc, here),
                );
                d.secondary.push(label(flag, "declared anonymous here"));
                let why = if p.profiling.is_some() {
                    "the purpose profiles people here".to_string()
                } else {
                    format!(
                        "`{}` purposes profile people",
                        p.kind.as_ref().map_or("", |k| k.name.as_str())
                    )
                };
                d.secondary.push(label(profiling_loc, why));
                d.notes.push(
                    "data used to single out, profile or personalise for a person relates to an identifiable person, so it is personal data (Recital 26)"
                        .into(),
                );
                d.help = Some(format!(
                    "remove `anonymous` from `data {}`, or do not use it in purpose `{}`",
                    a.entry.name, p.name
                ));
            }
        }
    }
}
