//! `declared-none-contradicted`: the policy declares that there is none of something it declares.
//!
//! Fires on each explicit negative of the `policy` block (`recipients none`, `transfers none`,
//! `cookies none`, `profiling none`, `automated-decisions none`, `direct-marketing none`) when the
//! semantic model finds instances of the element anyway: a recipient, a recipient in a third country
//! (declared, or known from the vendor registry), a cookie, a purpose that declares profiling or an
//! automated decision, a purpose of direct marketing (declared, or by its kind). The notice shows the
//! declared instances and never the negative.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::{Loc, Negative};
use crate::sema::Stated;

pub static RULE: Rule = Rule {
    id: "declared-none-contradicted",
    group: "notice",
    default: Severity::Error,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &[],
    summary: "the policy declares that there is none of something it also declares",
    legal: "GDPR Art. 5(1)(a), 12(1), 13",
    explain: include_str!("../../../docs/rules/declared-none-contradicted.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    let Some(meta) = &cx.policy.meta else { return };
    for (negative, loc) in &meta.negatives {
        let found = instances(cx, *negative);
        let Some(first) = found.first() else { continue };
        let key = negative.key();
        let more = match found.len() {
            1 => String::new(),
            n => format!(" and {} more", n - 1),
        };
        let d = out.add(
            &meta.waivers,
            format!(
                "the policy says `{key} none`, but declares {}{more}",
                first.1
            ),
            RuleCx::label(*loc, format!("`{key} none` here")),
        );
        for (at, what) in found.iter().take(3) {
            d.secondary.push(RuleCx::label(*at, what.clone()));
        }
        d.notes.push(
            "the notice shows what the policy declares, so it cannot say there is none".into(),
        );
        d.help = Some(format!(
            "remove `{key} none`, or remove what contradicts it if it is no longer true"
        ));
    }
}

/// What contradicts a negative: where, and what it is.
fn instances(cx: &RuleCx, negative: Negative) -> Vec<(Loc, String)> {
    match negative {
        Negative::Recipients => declared(cx.recipients_stated(), |r| {
            (r.loc, format!("recipient `{}`", r.name))
        }),
        Negative::Transfers => declared(cx.transfers_stated(), |(r, places)| {
            let names: Vec<&str> = places.iter().map(|p| p.name).collect();
            (
                r.loc,
                format!("recipient `{}` in {}", r.name, names.join(", ")),
            )
        }),
        Negative::Cookies => declared(cx.cookies_stated(), |c| {
            (c.loc, format!("cookie `{}`", c.name))
        }),
        Negative::Profiling => declared(cx.profiling_stated(), |p| {
            let at = p.profiling.as_ref().map_or(p.loc, |f| f.loc);
            (at, format!("profiling in purpose `{}`", p.name))
        }),
        Negative::AutomatedDecisions => declared(cx.automated_stated(), |p| {
            (
                p.loc,
                format!("an automated decision in purpose `{}`", p.name),
            )
        }),
        Negative::DirectMarketing => declared(cx.direct_marketing_stated(), |p| {
            let at = p.direct_marketing.as_ref().map_or(p.loc, |d| d.loc);
            (at, format!("direct marketing in purpose `{}`", p.name))
        }),
    }
}

fn declared<T>(stated: Stated<Vec<T>>, f: impl Fn(&T) -> (Loc, String)) -> Vec<(Loc, String)> {
    match stated {
        Stated::Declared(items) => items.iter().map(f).collect(),
        _ => Vec::new(),
    }
}
