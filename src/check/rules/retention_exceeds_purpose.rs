//! `retention-exceeds-purpose`: a purpose keeps data for a statutory period it has no statute for, or until
//! an event that does not fit its basis.
//!
//! A purpose may take its retention from a statute only if it is bound to one: its kind is
//! `statute-bound` (bookkeeping, complaints, legal claims, ...) or one of its bases cites a statute
//! (`cites-statute`: legal obligation, public task). Otherwise `retain ... as STATUTE`, or a period and
//! start event copied from a statute in force, borrows a period the purpose does not need. Separately, a
//! retention event lists the bases it `fits`; an event that fits none of the purpose's bases (e.g.
//! `until consent-withdrawn` on a purpose without consent) cannot be how that purpose's data ends.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::{Purpose, Ref, Retention, RetentionRule, Statute};
use crate::syntax::ast::Duration;

pub static RULE: Rule = Rule {
    id: "retention-exceeds-purpose",
    group: "retention",
    default: Severity::Warning,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &[],
    summary: "a purpose keeps data for a statutory period it has no statute for, or until an event that does not fit its basis",
    legal: "GDPR Art. 5(1)(b), 5(1)(e), 89(1)",
    explain: include_str!("../../../docs/rules/retention-exceeds-purpose.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    for purpose in &cx.policy.purposes {
        let bases: Vec<&str> = purpose
            .bases
            .iter()
            .map(|b| b.basis.name.as_str())
            .chain(purpose.conditions.iter().map(|c| c.basis.name.as_str()))
            .collect();
        let bound = statute_bound(cx, purpose);
        for rule in &purpose.retention {
            for alt in alternatives(&rule.retention) {
                match alt {
                    Retention::Statute {
                        statute, family, ..
                    } if !bound => {
                        let resolved = if *family {
                            cx.controller_country()
                                .and_then(|home| cx.statute_in_force(&statute.name, home))
                        } else {
                            cx.vocab.statutes.get(&statute.name)
                        };
                        borrowed(cx, out, purpose, rule, statute, resolved, false)
                    }
                    Retention::Period {
                        period,
                        after: Some(event),
                    }
                    | Retention::Until {
                        event,
                        plus: Some(period),
                    } => {
                        if let Some(s) = (!bound).then(|| copied(cx, *period, event)).flatten() {
                            let shown = Ref {
                                name: s.entry.name.clone(),
                                loc: rule.loc,
                            };
                            borrowed(cx, out, purpose, rule, &shown, Some(s), true);
                        } else {
                            misfit(cx, out, purpose, &bases, event, &rule.retention);
                        }
                    }
                    Retention::Until { event, plus: None } => {
                        misfit(cx, out, purpose, &bases, event, &rule.retention)
                    }
                    _ => {}
                }
            }
        }
    }
}

/// A statutory period on a purpose that no statute binds. `copied` is the statute whose period and start
/// event a plain `retain 5y after EVENT` repeats.
fn borrowed(
    cx: &RuleCx,
    out: &mut Findings,
    purpose: &Purpose,
    rule: &RetentionRule,
    cited: &Ref,
    statute: Option<&Statute>,
    copied: bool,
) {
    let kind = purpose
        .kind
        .as_ref()
        .map(|k| format!("a `{}` purpose", k.name))
        .unwrap_or_else(|| "this purpose".into());
    let (message, label) = match statute.filter(|_| copied) {
        None => (
            format!(
                "`{}` keeps data for the statutory period of `{}`, but no statute binds it",
                purpose.name, cited.name
            ),
            format!("statutory period on {kind}"),
        ),
        Some(s) => (
            format!(
                "`{}` keeps data for the period `{}` prescribes, but no statute binds it",
                purpose.name, s.entry.name
            ),
            format!("the period of `{}`, on {kind}", s.entry.name),
        ),
    };
    let primary = if copied { rule.loc } else { cited.loc };
    let d = out.add(&purpose.waivers, message, RuleCx::label(primary, label));
    if let Some(s) = statute {
        d.secondary.push(RuleCx::label(
            s.entry.loc,
            format!("`{}` ({})", s.entry.name, cx.name_of(&s.entry.name)),
        ));
    }
    let bases: Vec<String> = purpose
        .bases
        .iter()
        .map(|b| format!("`{}`", b.basis.name))
        .collect();
    d.notes.push(format!(
        "`{}` rests on {}, and its kind is not `statute-bound`: a statute obliges the controller to keep records for its own purpose (e.g. bookkeeping), not for this one",
        purpose.name,
        if bases.is_empty() { "no basis".to_string() } else { bases.join(", ") }
    ));
    d.help = Some(format!(
        "give `{}` a period of its own (`retain 1y`, `retain until EVENT`), and keep records the statute requires under a separate purpose with `basis legal-obligation under STATUTE`",
        purpose.name
    ));
}

/// An event whose `fits` names none of the purpose's bases.
fn misfit(
    cx: &RuleCx,
    out: &mut Findings,
    purpose: &Purpose,
    bases: &[&str],
    event: &Ref,
    whole: &Retention,
) {
    if bases.is_empty() {
        return;
    }
    let Some(e) = cx.vocab.events.get(&event.name) else {
        return;
    };
    if e.fits.is_empty() || e.fits.iter().any(|f| bases.contains(&f.name.as_str())) {
        return;
    }
    let fits: Vec<String> = e.fits.iter().map(|f| cx.name_of(&f.name)).collect();
    let on: Vec<String> = purpose
        .bases
        .iter()
        .map(|b| cx.name_of(&b.basis.name))
        .collect();
    let d = out.add(
        &purpose.waivers,
        format!(
            "`{}` keeps data until `{}`, an event that does not fit its basis ({})",
            purpose.name,
            event.name,
            on.join(", ")
        ),
        RuleCx::label(event.loc, format!("fits only {}", fits.join(", "))),
    );
    d.secondary.push(RuleCx::label(
        e.entry.loc,
        "the bases this event fits are declared here",
    ));
    // In `A or B`, another alternative that fits already ends retention: this one can go.
    let all = alternatives(whole);
    let others_fit = all.len() > 1
        && all.iter().any(|alt| match alt {
            Retention::Until { event: other, .. }
            | Retention::Period {
                after: Some(other), ..
            } => {
                other.name != event.name
                    && cx.vocab.events.get(&other.name).is_none_or(|x| {
                        x.fits.is_empty() || x.fits.iter().any(|f| bases.contains(&f.name.as_str()))
                    })
            }
            _ => true,
        });
    if others_fit {
        d.help = Some(format!(
            "drop the alternative with `{}`: the others already end retention",
            event.name
        ));
        return;
    }
    // Events that fit one of the purpose's bases and are a criterion, most specific first.
    let mut fitting: Vec<_> = cx
        .vocab
        .events
        .values()
        .filter(|x| !x.vague && x.fits.iter().any(|f| bases.contains(&f.name.as_str())))
        .collect();
    fitting.sort_by_key(|x| (x.fits.len(), x.entry.name.clone()));
    let examples: Vec<String> = fitting
        .iter()
        .take(3)
        .map(|x| format!("`until {}`", x.entry.name))
        .collect();
    d.help = Some(if examples.is_empty() {
        "end retention with a period, or an event that fits the purpose's basis".into()
    } else {
        format!(
            "end retention with an event that fits the purpose's basis ({}), or a period",
            examples.join(", ")
        )
    });
}

/// The statute in force (of the controller's country, if known) whose period and start event are exactly
/// these.
fn copied<'a>(cx: &RuleCx<'a>, period: Duration, event: &Ref) -> Option<&'a Statute> {
    let home = cx.controller_country();
    cx.vocab.statutes.values().find(|s| {
        s.in_force.is_none_or(|d| d <= cx.as_of)
            && s.repealed.is_none_or(|d| d > cx.as_of)
            && home.is_none_or(|h| s.country.as_ref().is_some_and(|c| c.name == h))
            && match &s.retain {
                Some(Retention::Period {
                    period: p,
                    after: Some(a),
                }) => *p == period && a.name == event.name,
                Some(Retention::Until {
                    event: a,
                    plus: Some(p),
                }) => *p == period && a.name == event.name,
                _ => false,
            }
    })
}

fn statute_bound(cx: &RuleCx, purpose: &Purpose) -> bool {
    cx.kind_of(purpose).is_some_and(|k| k.statute_bound)
        || purpose
            .bases
            .iter()
            .any(|b| cx.basis(&b.basis.name).is_some_and(|x| x.cites_statute))
}

fn alternatives(r: &Retention) -> Vec<&Retention> {
    match r {
        Retention::FirstOf(alts) => alts.iter().flat_map(alternatives).collect(),
        other => vec![other],
    }
}
