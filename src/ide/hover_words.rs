//! Plain English for hovers: durations, retention rules and lists of names, written from the IR (the
//! notices have their own, translated wording in `emit::notice`).

use crate::ir::{Retention, Vocabulary};
use crate::syntax::ast::Duration;

/// `5 years`, `1 year and 6 months`, `90 days`.
pub fn duration(d: Duration) -> String {
    let (y, mo) = (d.months / 12, d.months % 12);
    let unit = |n: u32, one: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    let mut parts = Vec::new();
    if y > 0 {
        parts.push(unit(y, "year"));
    }
    if mo > 0 {
        parts.push(unit(mo, "month"));
    }
    if d.days > 0 || parts.is_empty() {
        parts.push(unit(d.days, "day"));
    }
    parts.join(" and ")
}

/// A name with its English label: `the end of the accounting year (`end-of-accounting-year`)`.
pub fn named(v: &Vocabulary, name: &str) -> String {
    match v
        .entry(name)
        .and_then(|e| e.label.any("en"))
        .filter(|l| !l.is_empty())
    {
        Some(label) => format!("{label} (`{name}`)"),
        None => format!("`{name}`"),
    }
}

/// Names as a comma-separated list of code spans; "none" when empty.
pub fn names<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let list: Vec<String> = items.into_iter().map(|n| format!("`{n}`")).collect();
    if list.is_empty() {
        "none".into()
    } else {
        list.join(", ")
    }
}

/// A retention rule in words.
pub fn retention(r: &Retention, v: &Vocabulary) -> String {
    match r {
        Retention::Period { period, after } => match after {
            Some(a) => format!("{} after {}", duration(*period), named(v, &a.name)),
            None => duration(*period),
        },
        Retention::Until { event, plus } => match plus {
            Some(p) => format!(
                "until {}, and {} after it",
                named(v, &event.name),
                duration(*p)
            ),
            None => format!("until {}", named(v, &event.name)),
        },
        Retention::Statute {
            statute,
            family,
            stated,
            up_to,
            after,
        } => {
            let law = if *family {
                format!("the `{}` statute of the controller's country", statute.name)
            } else {
                named(v, &statute.name)
            };
            let period = stated.map(|d| {
                let from = after
                    .as_ref()
                    .map(|a| format!(" after {}", named(v, &a.name)))
                    .unwrap_or_default();
                let bound = if *up_to { "up to " } else { "" };
                format!("{bound}{}{from}", duration(d))
            });
            match period {
                Some(p) => format!("{p}, as {law} requires"),
                None => format!("as long as {law} requires"),
            }
        }
        Retention::FirstOf(all) => {
            let parts: Vec<String> = all.iter().map(|r| retention(r, v)).collect();
            format!("{}, whichever comes first", parts.join("; or "))
        }
        Retention::Indefinite { ground: None } => "indefinitely".into(),
        Retention::Indefinite { ground: Some(g) } => {
            format!("indefinitely, archived for {} (Art. 89)", g.word())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_words() {
        assert_eq!(
            duration(Duration {
                months: 60,
                days: 0
            }),
            "5 years"
        );
        assert_eq!(
            duration(Duration {
                months: 18,
                days: 0
            }),
            "1 year and 6 months"
        );
        assert_eq!(
            duration(Duration {
                months: 0,
                days: 90
            }),
            "90 days"
        );
    }
}
