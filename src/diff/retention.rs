//! Retention compared by meaning.
//!
//! A retention is read as a set of *bounds*, each "delete `days` after `anchor`" (an event, or
//! `collection` for a bare period), of which the earliest applies: `90d or until consent-withdrawn` is
//! {(collection, 90), (consent-withdrawn, 0)}. `5y after X` and `until X + 5y` are the same bound.
//! `as FAMILY` is the statute of that family for the controller's country in force on the evaluation
//! date, and a statute stands for its own `retain`; `6y as STATUTE` counts from the statute's event.
//! Durations count a month as 30.44 days. `up-to` is an upper bound and compares as its period.
//!
//! The new retention keeps data at least as long as the old one in every course of events when each
//! new bound has an old bound with the same anchor and no longer a period; it keeps them no longer
//! when each old bound has such a new one. Bounds on different anchors are not compared (when a
//! contract ends is not known against a fixed period), so `1y` against `until contract-end` is
//! neither: a *changed* retention.

use std::collections::{BTreeMap, BTreeSet};

use super::{Area, ChangeKind, Consequence, Differ, Side, code, codes};
use crate::ir::{Cookie, Lifetime, Purpose, Retention};

/// Where a bare period counts from (the stdlib event of that name: `1y after collection` is `1y`).
const COLLECTION: &str = "collection";

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Bound {
    anchor: String,
    days: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Order {
    Same,
    Longer,
    Shorter,
    Incomparable,
}

/// The bounds of a retention, resolved against one version of the policy.
pub(super) fn bounds(side: &Side, rules: &[&Retention]) -> Vec<Bound> {
    let mut out = Vec::new();
    for r in rules {
        collect(side, r, &mut out, 0);
    }
    out.sort();
    out.dedup();
    out
}

fn collect(side: &Side, r: &Retention, out: &mut Vec<Bound>, depth: usize) {
    match r {
        Retention::Period { period, after } => out.push(Bound {
            anchor: after
                .as_ref()
                .map_or(COLLECTION.to_string(), |e| e.name.to_string()),
            days: period.approx_days(),
        }),
        Retention::Until { event, plus } => out.push(Bound {
            anchor: event.name.to_string(),
            days: plus.map_or(0, |d| d.approx_days()),
        }),
        Retention::Statute {
            statute,
            family,
            stated,
            after,
            ..
        } => {
            let own = side
                .statute(&statute.name, *family)
                .and_then(|s| s.retain.as_ref())
                .filter(|_| depth < 4);
            let opaque = format!("as {}", statute.name);
            match (own, stated) {
                (Some(own), None) => collect(side, own, out, depth + 1),
                (Some(own), Some(d)) => {
                    let mut inner = Vec::new();
                    collect(side, own, &mut inner, depth + 1);
                    // `6y after EVENT as STATUTE` counts from the event the policy names.
                    let anchor = match (after, inner.as_slice()) {
                        (Some(e), _) => e.name.to_string(),
                        (None, [one]) => one.anchor.clone(),
                        _ => opaque,
                    };
                    out.push(Bound {
                        anchor,
                        days: d.approx_days(),
                    });
                }
                (None, stated) => out.push(Bound {
                    anchor: after.as_ref().map_or(opaque, |e| e.name.to_string()),
                    days: stated.map_or(0, |d| d.approx_days()),
                }),
            }
        }
        Retention::FirstOf(alternatives) => {
            for a in alternatives {
                collect(side, a, out, depth);
            }
        }
        // Longer than any period from collection.
        Retention::Indefinite { .. } => out.push(Bound {
            anchor: COLLECTION.to_string(),
            days: u64::MAX,
        }),
    }
}

pub(super) fn compare(old: &[Bound], new: &[Bound]) -> Order {
    let covers = |a: &[Bound], b: &[Bound]| {
        b.iter()
            .all(|y| a.iter().any(|x| x.anchor == y.anchor && x.days <= y.days))
    };
    // Every new bound is at least an old one: kept at least as long.
    let at_least = covers(old, new);
    // Every old bound is at least a new one: kept no longer.
    let at_most = covers(new, old);
    match (at_least, at_most) {
        (true, true) => Order::Same,
        (true, false) => Order::Longer,
        (false, true) => Order::Shorter,
        (false, false) => Order::Incomparable,
    }
}

fn show_all(rules: &[&Retention]) -> String {
    rules
        .iter()
        .map(|r| r.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// What the statutes a retention names mean on the evaluation date: "`as bookkeeping` is
/// `5y after end-of-accounting-year` (`no-bookkeeping-act`)".
fn statutes_meaning(side: &Side, rules: &[&Retention]) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack: Vec<&Retention> = rules.to_vec();
    while let Some(r) = stack.pop() {
        match r {
            Retention::FirstOf(alternatives) => stack.extend(alternatives.iter()),
            Retention::Statute {
                statute, family, ..
            } => {
                let line = match side.statute(&statute.name, *family) {
                    Some(s) => match &s.retain {
                        Some(own) => format!(
                            "{} is {} ({})",
                            code(&format!("as {}", statute.name)),
                            code(&own.to_string()),
                            code(&s.entry.name)
                        ),
                        None => format!(
                            "{} names {}, which states no period",
                            code(&format!("as {}", statute.name)),
                            code(&s.entry.name)
                        ),
                    },
                    None => format!(
                        "{} does not resolve to a statute in force",
                        code(&format!("as {}", statute.name))
                    ),
                };
                if !out.contains(&line) {
                    out.push(line);
                }
            }
            _ => {}
        }
    }
    out.sort();
    out
}

/// The rules that govern `item` (a data category, or `*` for data no `for` names).
fn effective<'p>(p: &'p Purpose, item: &str) -> Vec<&'p Retention> {
    let scoped: Vec<&Retention> = p
        .retention
        .iter()
        .filter(|r| r.data.iter().any(|d| d.name == item))
        .map(|r| &r.retention)
        .collect();
    if !scoped.is_empty() {
        return scoped;
    }
    p.retention
        .iter()
        .filter(|r| r.data.is_empty())
        .map(|r| &r.retention)
        .collect()
}

/// The data a purpose's retention speaks of: what it uses and what its `for` clauses name.
fn items(p: &Purpose) -> BTreeSet<String> {
    p.uses
        .iter()
        .map(|r| r.name.to_string())
        .chain(
            p.retention
                .iter()
                .flat_map(|r| r.data.iter().map(|d| d.name.to_string())),
        )
        .collect()
}

impl Differ<'_> {
    /// Retention of a purpose in both versions, data category by data category, with the categories
    /// whose retention changed in the same way reported together.
    pub(super) fn purpose_retention(&mut self, o: &Purpose, n: &Purpose) {
        let (old_side, new_side) = (self.old.clone(), self.new.clone());
        let mut compared: Vec<String> = items(o).intersection(&items(n)).cloned().collect();
        compared.push("*".to_string());
        type Group<'p> = (Vec<String>, Vec<&'p Retention>, Vec<&'p Retention>);
        let mut groups: BTreeMap<(String, String), Group<'_>> = BTreeMap::new();
        for item in &compared {
            let (a, b) = (effective(o, item), effective(n, item));
            let (sa, sb) = (show_all(&a), show_all(&b));
            if sa == sb && bounds(&old_side, &a) == bounds(&new_side, &b) {
                continue;
            }
            groups
                .entry((sa, sb))
                .or_insert_with(|| (Vec::new(), a, b))
                .0
                .push(item.clone());
        }
        for ((before, after), (data, a, b)) in groups {
            let whole = data.iter().any(|d| d == "*");
            let what = if whole {
                format!("Purpose {}: retention", code(&n.name))
            } else {
                format!(
                    "Purpose {}: retention of {}",
                    code(&n.name),
                    codes(data.iter().map(String::as_str))
                )
            };
            let (kind, consequence, message) = match (a.is_empty(), b.is_empty()) {
                (true, _) => (
                    ChangeKind::RetentionChanged,
                    Consequence::Editorial,
                    format!("{what} is now stated: {}", code(&after)),
                ),
                (false, true) => (
                    ChangeKind::RetentionChanged,
                    Consequence::NoticeUpdate,
                    format!("{what} is no longer stated (was {})", code(&before)),
                ),
                (false, false) => {
                    let order = compare(&bounds(&old_side, &a), &bounds(&new_side, &b));
                    let (kind, consequence, how) = match order {
                        Order::Longer => (
                            ChangeKind::RetentionLengthened,
                            Consequence::NoticeUpdate,
                            "lengthened",
                        ),
                        Order::Shorter => (
                            ChangeKind::RetentionShortened,
                            Consequence::Editorial,
                            "shortened",
                        ),
                        Order::Same => (
                            ChangeKind::RetentionRestated,
                            Consequence::Editorial,
                            "restated",
                        ),
                        Order::Incomparable => (
                            ChangeKind::RetentionChanged,
                            Consequence::NoticeUpdate,
                            "changed",
                        ),
                    };
                    let mut message = if before == after {
                        format!(
                            "{what} {} now means a {} period",
                            code(&after),
                            if order == Order::Longer {
                                "longer"
                            } else {
                                "different"
                            }
                        )
                    } else {
                        format!("{what} {how} from {} to {}", code(&before), code(&after))
                    };
                    match order {
                        Order::Same => message.push_str(", the same period"),
                        Order::Incomparable => {
                            message.push_str("; vern cannot tell whether data are kept longer")
                        }
                        _ => {}
                    }
                    (kind, consequence, message)
                }
            };
            let (old_notes, new_notes) = (
                statutes_meaning(&old_side, &a),
                statutes_meaning(&new_side, &b),
            );
            let because = if old_notes == new_notes || old_notes.is_empty() {
                new_notes.join("; ")
            } else if new_notes.is_empty() {
                old_notes.join("; ")
            } else {
                format!(
                    "before: {}; now: {}",
                    old_notes.join("; "),
                    new_notes.join("; ")
                )
            };
            let d = self.push(kind, consequence, Area::Purpose, &n.name, message);
            d.before = (!a.is_empty()).then_some(before);
            d.after = (!b.is_empty()).then_some(after);
            if !whole {
                d.fields = data;
            }
            d.because = (!because.is_empty()).then_some(because);
        }
    }

    /// A cookie's lifetime: a session cookie lasts less than any period. Lengthening a cookie that
    /// needs consent needs renewed consent: its duration is part of what visitors were told when they
    /// consented (CJEU C-673/17 Planet49).
    pub(super) fn cookie_lifetime(&mut self, o: &Cookie, n: &Cookie, exempt: bool) {
        let days = |l: &Lifetime| match l {
            Lifetime::Session => 0,
            Lifetime::Period(d) => d.approx_days().max(1),
        };
        let show = |l: &Lifetime| match l {
            Lifetime::Session => "session".to_string(),
            Lifetime::Period(d) => d.to_string(),
        };
        let subject = &n.name;
        let (kind, consequence, message) = match (&o.lifetime, &n.lifetime) {
            (None, None) => return,
            (Some(a), Some(b)) if a == b => return,
            (Some(a), Some(b)) => {
                let (before, after) = (show(a), show(b));
                match days(b).cmp(&days(a)) {
                    std::cmp::Ordering::Greater => (
                        ChangeKind::RetentionLengthened,
                        if exempt {
                            Consequence::NoticeUpdate
                        } else {
                            Consequence::ReConsent
                        },
                        format!(
                            "Cookie {}: lifetime lengthened from {} to {}",
                            code(subject),
                            code(&before),
                            code(&after)
                        ),
                    ),
                    std::cmp::Ordering::Less => (
                        ChangeKind::RetentionShortened,
                        Consequence::Editorial,
                        format!(
                            "Cookie {}: lifetime shortened from {} to {}",
                            code(subject),
                            code(&before),
                            code(&after)
                        ),
                    ),
                    std::cmp::Ordering::Equal => (
                        ChangeKind::RetentionRestated,
                        Consequence::Editorial,
                        format!(
                            "Cookie {}: lifetime restated from {} to {}, the same period",
                            code(subject),
                            code(&before),
                            code(&after)
                        ),
                    ),
                }
            }
            (None, Some(b)) => (
                ChangeKind::RetentionChanged,
                Consequence::Editorial,
                format!(
                    "Cookie {}: lifetime is now stated: {}",
                    code(subject),
                    code(&show(b))
                ),
            ),
            (Some(a), None) => (
                ChangeKind::RetentionChanged,
                Consequence::NoticeUpdate,
                format!(
                    "Cookie {}: lifetime is no longer stated (was {})",
                    code(subject),
                    code(&show(a))
                ),
            ),
        };
        let d = self.push(kind, consequence, Area::Cookie, subject, message);
        d.before = o.lifetime.as_ref().map(show);
        d.after = n.lifetime.as_ref().map(show);
        if consequence == Consequence::ReConsent {
            d.because = Some(format!(
                "{} needs consent, and how long a cookie lasts is part of what visitors consented to (CJEU C-673/17 Planet49)",
                code(subject)
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(anchor: &str, days: u64) -> Bound {
        Bound {
            anchor: anchor.into(),
            days,
        }
    }

    #[test]
    fn longer_period_is_longer() {
        assert_eq!(
            compare(&[b("collection", 365)], &[b("collection", 730)]),
            Order::Longer
        );
        assert_eq!(
            compare(&[b("collection", 730)], &[b("collection", 365)]),
            Order::Shorter
        );
        assert_eq!(
            compare(&[b("collection", 365)], &[b("collection", 365)]),
            Order::Same
        );
    }

    #[test]
    fn whichever_first_adds_an_earlier_end() {
        // `90d` -> `90d or until consent-withdrawn`: never kept longer, sometimes shorter.
        assert_eq!(
            compare(
                &[b("collection", 90)],
                &[b("collection", 90), b("consent-withdrawn", 0)]
            ),
            Order::Shorter
        );
        // `1y2mo or until consent-withdrawn` -> `2y or until consent-withdrawn`.
        let old = [b("collection", 426), b("consent-withdrawn", 0)];
        let new = [b("collection", 730), b("consent-withdrawn", 0)];
        assert_eq!(compare(&old, &new), Order::Longer);
    }

    #[test]
    fn different_events_are_incomparable() {
        assert_eq!(
            compare(&[b("collection", 365)], &[b("consent-withdrawn", 0)]),
            Order::Incomparable
        );
        assert_eq!(
            compare(&[b("contract-end", 90)], &[b("delivery", 90)]),
            Order::Incomparable
        );
    }
}
