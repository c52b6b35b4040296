//! `retention-statute-mismatch`: retention cites a statute but differs from its period for the controller's
//! country, or cites a statute of another country or one not in force.
//!
//! Which statute applies: `retain ... as FAMILY` is the controller's country's statute of that family in
//! force on the evaluation date; `retain ... as STATUTE` is that statute (its country and validity are
//! checked); `retain 5y after EVENT` on a purpose whose basis names a statute (`under STATUTE`) is compared
//! with that statute, and on another statute-bound purpose with the statutory minimums of the controller's
//! country that count from the same event. Whether a statute's `retain` is a minimum the controller must
//! keep (bookkeeping) or an outer limit it may keep to (a limitation period) is the stdlib's phrase list
//! `statutory-retention-minimums` of statute families: a shorter period or `up-to` is only wrong for a
//! minimum.

use std::cmp::Ordering;

use crate::check::{Fact, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Diagnostic, Severity};
use crate::ir::{Purpose, Ref, Retention, RetentionRule, Statute};
use crate::syntax::ast::Duration;

pub static RULE: Rule = Rule {
    id: "retention-statute-mismatch",
    group: "retention",
    default: Severity::Error,
    reach: Reach::Declaration,
    national: &["bookkeeping"],
    facts: &[
        Fact::Family("bookkeeping"),
        Fact::Phrases("statutory-retention-minimums"),
    ],
    absent: &[],
    summary: "retention cites a statute but differs from its period for the controller's country",
    legal: "GDPR Art. 5(1)(e), 6(1)(c), 13(2)(a)",
    explain: include_str!("../../../docs/rules/retention-statute-mismatch.md"),
    check,
};

/// The stdlib phrase list naming the statute families whose `retain` is a minimum (stdlib/purposes.vern).
const MINIMUMS: &str = "statutory-retention-minimums";

fn check(cx: &RuleCx, out: &mut Findings) {
    for purpose in &cx.policy.purposes {
        for rule in &purpose.retention {
            for alt in alternatives(&rule.retention) {
                match alt {
                    Retention::Statute {
                        statute,
                        family,
                        stated,
                        up_to,
                        ..
                    } => by_statute(
                        cx, out, purpose, rule, alt, statute, *family, *stated, *up_to,
                    ),
                    Retention::Period { period, after } => {
                        by_basis(cx, out, purpose, rule, alt, *period, after.as_ref())
                    }
                    _ => {}
                }
            }
        }
    }
}

/// `retain [up-to] [6y] as STATUTE-OR-FAMILY`.
#[allow(clippy::too_many_arguments)]
fn by_statute(
    cx: &RuleCx,
    out: &mut Findings,
    purpose: &Purpose,
    rule: &RetentionRule,
    alt: &Retention,
    cited: &Ref,
    family: bool,
    stated: Option<crate::syntax::ast::Duration>,
    up_to: bool,
) {
    let home = cx.controller_country();
    let target = if family {
        // Without a controller country (a fragment) the family cannot be resolved.
        let Some(home) = home else { return };
        let Some(t) = cx.statute_in_force(&cited.name, home) else {
            return;
        };
        t
    } else {
        let Some(named) = cx.vocab.statutes.get(&cited.name) else {
            return;
        };
        if let (Some(home), Some(country)) = (home, named.country.as_ref())
            && country.name != home
        {
            other_country(cx, out, purpose, cited, named, home);
            // What binds the controller is its own country's statute of the family: compare the period
            // kept (stated, or the cited statute's) with that one.
            let own = named
                .family
                .as_deref()
                .and_then(|f| cx.statute_in_force(f, home));
            let kept = stated.or_else(|| retained(named).map(|(d, _)| d));
            if let (Some(own), Some(kept)) = (own, kept) {
                let how = Cited {
                    rule,
                    alt,
                    cited: Some(cited),
                    family: false,
                    via_basis: None,
                    inferred: false,
                };
                compare(cx, out, purpose, &how, kept, up_to, own);
            }
            return;
        }
        if in_force(cx, named) {
            named
        } else {
            let current = current_version(cx, named);
            not_in_force(cx, out, purpose, cited, named, current);
            match current {
                Some(c) => c,
                None => return,
            }
        }
    };
    let Some(stated) = stated else { return };
    let how = Cited {
        rule,
        alt,
        cited: Some(cited),
        family,
        via_basis: None,
        inferred: false,
    };
    compare(cx, out, purpose, &how, stated, up_to, target);
}

/// `retain 5y [after EVENT]` on a purpose bound to a statute.
fn by_basis(
    cx: &RuleCx,
    out: &mut Findings,
    purpose: &Purpose,
    rule: &RetentionRule,
    alt: &Retention,
    period: Duration,
    after: Option<&Ref>,
) {
    // Statutes the purpose's bases name with `under`, as in force on the evaluation date.
    let mut named: Vec<(&Ref, &Statute)> = Vec::new();
    for basis in &purpose.bases {
        let Some(r) = &basis.statute else { continue };
        let Some(s) = cx.vocab.statutes.get(&r.name) else {
            continue;
        };
        let Some(s) = (if in_force(cx, s) {
            Some(s)
        } else {
            current_version(cx, s)
        }) else {
            continue;
        };
        if retained(s).is_some() && !named.iter().any(|(_, n)| n.entry.name == s.entry.name) {
            named.push((r, s));
        }
    }
    if let [(r, target)] = named.as_slice() {
        let how = Cited {
            rule,
            alt,
            cited: None,
            family: false,
            via_basis: Some(r),
            inferred: false,
        };
        compare(cx, out, purpose, &how, period, false, target);
        if let (Some(after), Some((_, Some(from)))) = (after, retained(target))
            && after.name != from.name
        {
            start_event(cx, out, purpose, alt, after, from, target);
        }
        return;
    }
    let candidates: Vec<&Statute> = if !named.is_empty() {
        named.iter().map(|(_, s)| *s).collect()
    } else {
        // No statute named: a statute-bound purpose with a period from an event is compared with the
        // statutory minimums of the controller's country that count from that event.
        let (Some(after), Some(home)) = (after, cx.controller_country()) else {
            return;
        };
        if !statute_bound(cx, purpose) {
            return;
        }
        cx.vocab
            .statutes
            .values()
            .filter(|s| {
                in_force(cx, s)
                    && s.country.as_ref().is_some_and(|c| c.name == home)
                    && is_minimum(cx, s)
            })
            .filter(|s| {
                retained(s).is_some_and(|(_, from)| from.is_some_and(|f| f.name == after.name))
            })
            .collect()
    };
    let periods: Vec<(Duration, &Statute)> = candidates
        .iter()
        .filter_map(|s| retained(s).map(|(d, _)| (d, *s)))
        .collect();
    if periods.is_empty()
        || periods
            .iter()
            .any(|(d, _)| compare_durations(period, *d) == Ordering::Equal)
    {
        return;
    }
    let how = Cited {
        rule,
        alt,
        cited: None,
        family: false,
        via_basis: None,
        inferred: named.is_empty(),
    };
    if periods
        .iter()
        .all(|(d, s)| is_minimum(cx, s) && compare_durations(period, *d) == Ordering::Less)
    {
        let shortest = periods
            .iter()
            .min_by(|a, b| compare_durations(a.0, b.0))
            .map(|(_, s)| *s);
        if let Some(s) = shortest {
            compare(cx, out, purpose, &how, period, false, s);
        }
    } else if periods
        .iter()
        .all(|(d, _)| compare_durations(period, *d) == Ordering::Greater)
    {
        let longest = periods
            .iter()
            .max_by(|a, b| compare_durations(a.0, b.0))
            .map(|(_, s)| *s);
        if let Some(s) = longest {
            compare(cx, out, purpose, &how, period, false, s);
        }
    }
}

/// How a retention came to be compared with a statute, for messages.
struct Cited<'a> {
    rule: &'a RetentionRule,
    /// The alternative of the retention compared (the whole retention unless it is `A or B`).
    alt: &'a Retention,
    /// The statute or family after `as`.
    cited: Option<&'a Ref>,
    family: bool,
    /// The statute named by the purpose's basis (`under`).
    via_basis: Option<&'a Ref>,
    /// Compared with the statutory minimums that count from the same event, for a statute-bound purpose.
    inferred: bool,
}

fn compare(
    cx: &RuleCx,
    out: &mut Findings,
    purpose: &Purpose,
    how: &Cited,
    stated: Duration,
    up_to: bool,
    target: &Statute,
) {
    let Some((required, from)) = retained(target) else {
        return;
    };
    let minimum = is_minimum(cx, target);
    let ordering = compare_durations(stated, required);
    let shown = format!("retain {}", how.alt);
    let statutory = period_text(cx, required, from);
    let fix = fix(how, target, required, from);
    let d: &mut Diagnostic = match ordering {
        Ordering::Less if minimum => {
            let d = out.add(
                &purpose.waivers,
                format!(
                    "`{shown}` is shorter than the {statutory} that `{}` requires",
                    target.entry.name
                ),
                RuleCx::label(
                    how.rule.loc,
                    format!("{stated}, less than the statutory {required}"),
                ),
            );
            if up_to {
                d.notes.push("`up-to` does not fit a statutory minimum either: the data must be kept for the whole period".into());
            }
            d
        }
        Ordering::Greater => {
            let verb = if minimum { "requires" } else { "allows" };
            let d = out.add_at(
                Severity::Warning,
                &purpose.waivers,
                format!(
                    "`{shown}` is longer than the {statutory} that `{}` {verb}",
                    target.entry.name
                ),
                RuleCx::label(
                    how.rule.loc,
                    format!("{stated}, more than the statutory {required}"),
                ),
            );
            d.notes.push(
                "data kept beyond the statutory period needs a purpose and a basis of its own (GDPR Art. 5(1)(e))".into(),
            );
            if let Some(clause) = earlier_match(cx, target, stated) {
                d.notes.push(clause);
            }
            d
        }
        _ if up_to && minimum => out.add_at(
            Severity::Warning,
            &purpose.waivers,
            format!(
                "`{shown}` says \"up to\" a period that `{}` requires as a minimum",
                target.entry.name
            ),
            RuleCx::label(how.rule.loc, "`up-to` on a statutory minimum"),
        ),
        _ => return,
    };
    d.secondary.push(RuleCx::label(
        target.entry.loc,
        format!("`{}`: {statutory}", target.entry.name),
    ));
    d.notes.push(statute_note(cx, how, target));
    d.help = Some(fix);
}

fn statute_note(cx: &RuleCx, how: &Cited, target: &Statute) -> String {
    let label = cx.name_of(&target.entry.name);
    match (how.cited, how.via_basis) {
        (Some(c), _) if how.family => {
            let country = target
                .country
                .as_ref()
                .map_or("the controller's country", |c| c.name.as_str());
            format!(
                "the `{}` statute of {country} in force on {} is `{}` ({label})",
                c.name, cx.as_of, target.entry.name
            )
        }
        (_, Some(b)) if b.name != target.entry.name => format!(
            "the purpose's basis names `{}`; in force on {} is `{}` ({label})",
            b.name, cx.as_of, target.entry.name
        ),
        (_, Some(b)) => format!("the purpose's basis names `{}` ({label})", b.name),
        (Some(c), _) if c.name != target.entry.name => {
            let cited_country = cx
                .vocab
                .statutes
                .get(&c.name)
                .and_then(|s| s.country.as_ref())
                .map(|r| r.name.as_str());
            let target_country = target.country.as_ref().map(|r| r.name.as_str());
            if cited_country != target_country {
                format!(
                    "compared with `{}` ({label}), the statute of the controller's country in force on {}",
                    target.entry.name, cx.as_of
                )
            } else {
                format!(
                    "`{}` is not in force on {}; compared with `{}` ({label}), which is",
                    c.name, cx.as_of, target.entry.name
                )
            }
        }
        (Some(_), _) => format!("`{}` is {label}", target.entry.name),
        (None, None) if how.inferred => format!(
            "the purpose is bound to a statute by its kind or basis, and `{}` ({label}) is the statutory minimum of the controller's country that counts from the same event",
            target.entry.name
        ),
        (None, None) => format!(
            "the purpose's bases name `{}` ({label}), among others",
            target.entry.name
        ),
    }
}

/// The retention to write instead.
fn fix(how: &Cited, target: &Statute, required: Duration, from: Option<&Ref>) -> String {
    match how.cited {
        Some(c) => {
            // The family when the cited statute is not the one that applies (another country's, or
            // repealed): `as FAMILY` follows the controller's country and the evaluation date.
            let name = match target.family.as_deref() {
                _ if how.family => c.name.as_str(),
                Some(family) if c.name != target.entry.name => family,
                _ => target.entry.name.as_str(),
            };
            format!(
                "write `retain as {name}` (the statutory period), or `retain {required} as {name}`"
            )
        }
        None => {
            let period = match from {
                Some(f) => format!("{required} after {}", f.name),
                None => required.to_string(),
            };
            match target.family.as_deref() {
                Some(fam) => format!("write `retain {period}`, or `retain as {fam}`"),
                None => format!("write `retain {period}`"),
            }
        }
    }
}

/// "when this policy was dated 2013-05-01, `no-bookkeeping-act-pre-2014` required 10y": an earlier version
/// of the statute had the stated period on the policy's own date.
fn earlier_match(cx: &RuleCx, target: &Statute, stated: Duration) -> Option<String> {
    let (family, country) = (target.family.as_deref()?, target.country.as_ref()?);
    let date = cx.policy_date()?;
    let then = cx.vocab.statutes.values().find(|s| {
        s.family.as_deref() == Some(family)
            && s.country.as_ref().is_some_and(|c| c.name == country.name)
            && s.in_force.is_none_or(|d| d <= date)
            && s.repealed.is_none_or(|d| d > date)
            && s.entry.name != target.entry.name
    })?;
    let (period, _) = retained(then)?;
    if compare_durations(period, stated) != Ordering::Equal {
        return None;
    }
    let clause = cx.dated_clause(|_| true)?;
    Some(format!(
        "{clause}, `{}` prescribed {period}; on {} `{}` is in force",
        then.entry.name, cx.as_of, target.entry.name
    ))
}

fn other_country(
    cx: &RuleCx,
    out: &mut Findings,
    purpose: &Purpose,
    cited: &Ref,
    named: &Statute,
    home: &str,
) {
    let Some(country) = &named.country else {
        return;
    };
    let d = out.add_at(
        Severity::Warning,
        &purpose.waivers,
        format!(
            "`{}` is a statute of {}, but the controller is in {home}",
            named.entry.name, country.name
        ),
        RuleCx::label(
            cited.loc,
            format!("statute from another country ({})", country.name),
        ),
    );
    d.secondary.push(RuleCx::label(
        named.entry.loc,
        format!("a statute of {}", country.name),
    ));
    if let Some(family) = &named.family {
        match cx.statute_in_force(family, home) {
            Some(own) => {
                d.notes.push(format!(
                    "the `{family}` statute of {home} in force on {} is `{}` ({}){}",
                    cx.as_of,
                    own.entry.name,
                    cx.name_of(&own.entry.name),
                    retained(own)
                        .map(|(p, f)| format!(": {}", period_text(cx, p, f)))
                        .unwrap_or_default()
                ));
                d.help = Some(format!(
                    "write `retain as {family}` to follow the statute of the controller's country"
                ));
            }
            None => d.notes.push(format!(
                "the standard library has no `{family}` statute of {home}"
            )),
        }
    }
}

fn not_in_force(
    cx: &RuleCx,
    out: &mut Findings,
    purpose: &Purpose,
    cited: &Ref,
    named: &Statute,
    current: Option<&Statute>,
) {
    let (message, label) = match (named.repealed, named.in_force) {
        (Some(r), _) if r <= cx.as_of => (
            format!("`{}` was repealed on {r}", named.entry.name),
            format!("not in force on {}", cx.as_of),
        ),
        (_, Some(f)) => (
            format!("`{}` is not in force until {f}", named.entry.name),
            format!("not in force on {}", cx.as_of),
        ),
        _ => return,
    };
    let d = out.add_at(
        Severity::Warning,
        &purpose.waivers,
        message,
        RuleCx::label(cited.loc, label),
    );
    d.secondary
        .push(RuleCx::label(named.entry.loc, "validity declared here"));
    if let Some(clause) = cx.dated_clause(|date| {
        named.in_force.is_none_or(|f| f <= date) && named.repealed.is_none_or(|r| r > date)
    }) {
        d.notes.push(format!("it was in force {clause}"));
    }
    match current {
        Some(c) => {
            d.notes.push(format!(
                "in force on {}: `{}` ({}){}",
                cx.as_of,
                c.entry.name,
                cx.name_of(&c.entry.name),
                retained(c)
                    .map(|(p, f)| format!(", {}", period_text(cx, p, f)))
                    .unwrap_or_default()
            ));
            d.help = Some(match &c.family {
                Some(family) => format!(
                    "write `retain as {family}`, or `retain as {}`",
                    c.entry.name
                ),
                None => format!("write `retain as {}`", c.entry.name),
            });
        }
        None => d.help = Some("cite a statute in force, or state the period without `as`".into()),
    }
}

fn start_event(
    cx: &RuleCx,
    out: &mut Findings,
    purpose: &Purpose,
    alt: &Retention,
    after: &Ref,
    from: &Ref,
    target: &Statute,
) {
    let d = out.add_at(
        Severity::Warning,
        &purpose.waivers,
        format!(
            "`retain {}` counts from `{}`, but `{}` counts from `{}`",
            alt, after.name, target.entry.name, from.name
        ),
        RuleCx::label(
            after.loc,
            format!("counts from {}", cx.name_of(&after.name)),
        ),
    );
    d.secondary.push(RuleCx::label(
        target.entry.loc,
        format!("counts from {}", cx.name_of(&from.name)),
    ));
    d.help = Some(format!(
        "count from the statute's event: `after {}`",
        from.name
    ));
}

// ---------------------------------------------------------------------------------------------------
// Facts
// ---------------------------------------------------------------------------------------------------

fn alternatives(r: &Retention) -> Vec<&Retention> {
    match r {
        Retention::FirstOf(alts) => alts.iter().flat_map(alternatives).collect(),
        other => vec![other],
    }
}

fn in_force(cx: &RuleCx, s: &Statute) -> bool {
    s.in_force.is_none_or(|d| d <= cx.as_of) && s.repealed.is_none_or(|d| d > cx.as_of)
}

/// The version of a statute's family, for its country, in force on the evaluation date.
fn current_version<'a>(cx: &RuleCx<'a>, s: &Statute) -> Option<&'a Statute> {
    let (family, country) = (s.family.as_deref()?, s.country.as_ref()?);
    cx.statute_in_force(family, &country.name)
}

/// A statute's retention period and the event it counts from.
fn retained(s: &Statute) -> Option<(Duration, Option<&Ref>)> {
    match s.retain.as_ref()? {
        Retention::Period { period, after } => Some((*period, after.as_ref())),
        Retention::Until {
            event,
            plus: Some(d),
        } => Some((*d, Some(event))),
        _ => None,
    }
}

fn is_minimum(cx: &RuleCx, s: &Statute) -> bool {
    s.family
        .as_deref()
        .is_some_and(|f| cx.phrases(MINIMUMS).iter().any(|p| p == f))
}

fn statute_bound(cx: &RuleCx, purpose: &Purpose) -> bool {
    cx.kind_of(purpose).is_some_and(|k| k.statute_bound)
        || purpose
            .bases
            .iter()
            .any(|b| cx.basis(&b.basis.name).is_some_and(|x| x.cites_statute))
}

/// Exact where the units allow (months with months, days with days), else by approximate days.
fn compare_durations(a: Duration, b: Duration) -> Ordering {
    let (m, d) = (a.months.cmp(&b.months), a.days.cmp(&b.days));
    match (m, d) {
        (Ordering::Equal, x) | (x, Ordering::Equal) => x,
        (x, y) if x == y => x,
        _ => a.approx_days().cmp(&b.approx_days()),
    }
}

fn period_text(cx: &RuleCx, d: Duration, from: Option<&Ref>) -> String {
    match from {
        Some(f) => format!("{d} after {}", cx.name_of(&f.name)),
        None => d.to_string(),
    }
}
