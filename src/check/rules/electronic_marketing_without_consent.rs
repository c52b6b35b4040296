//! `electronic-marketing-without-consent`: e-mail, SMS or push marketing without consent or the existing-customer conditions.
//!
//! A purpose markets directly via channels flagged `electronic` (std.gdpr), rests on a basis that is not
//! consent (not `withdrawable`), and declares no `soft-opt-in`. The national statute of family
//! `e-marketing` for the controller's country and the audience is named in a note.

use crate::check::{Fact, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::{DirectMarketing, Loc};
use crate::syntax::ast::Span;

pub static RULE: Rule = Rule {
    id: "electronic-marketing-without-consent",
    group: "marketing",
    default: Severity::Warning,
    reach: Reach::Declaration,
    national: &["e-marketing"],
    facts: &[Fact::Family("e-marketing")],
    absent: &["basis", "soft-opt-in"],
    summary: "e-mail, SMS or push marketing without consent or the existing-customer conditions",
    legal: "ePrivacy Directive 2002/58 Art. 13(1)-(2)",
    explain: include_str!("../../../docs/rules/electronic-marketing-without-consent.md"),
    check,
};

/// The statute family of the national rules on electronic marketing.
const FAMILY: &str = "e-marketing";

fn check(cx: &RuleCx, out: &mut Findings) {
    for purpose in &cx.policy.purposes {
        let Some(dm) = &purpose.direct_marketing else {
            continue;
        };
        if purpose.soft_opt_in.is_some() {
            continue;
        }
        let electronic: Vec<&str> = dm
            .channels
            .iter()
            .filter(|c| {
                cx.vocab
                    .channels
                    .get(&c.name)
                    .is_some_and(|ch| ch.electronic)
            })
            .map(|c| c.name.as_str())
            .collect();
        if electronic.is_empty() {
            continue;
        }
        let other: Vec<_> = purpose
            .bases
            .iter()
            .filter(|b| cx.basis(&b.basis.name).is_some_and(|b| !b.withdrawable))
            .collect();
        // No basis written at all: the marketing has no consent either (`purpose-without-legal-basis`
        // reports the missing basis; this rule, the missing consent). A basis line that did not
        // resolve was reported already.
        let no_basis = purpose.bases.is_empty() && purpose.written_bases == 0;
        if other.is_empty() && !no_basis {
            continue;
        }
        let channels: Vec<String> = electronic.iter().map(|c| format!("`{c}`")).collect();
        let message = match other.first() {
            Some(first) => format!(
                "`{}` markets via {} on `{}`, without consent or the existing-customer conditions",
                purpose.name,
                join(&channels),
                first.basis.name
            ),
            None => format!(
                "`{}` markets via {} with no legal basis: neither consent nor the existing-customer conditions",
                purpose.name,
                join(&channels),
            ),
        };
        let d = out.add(
            &purpose.waivers,
            message,
            RuleCx::label(dm_loc(dm), "electronic direct marketing"),
        );
        for b in &other {
            d.secondary.push(RuleCx::label(
                b.basis.loc,
                format!("rests on `{}`, not consent", b.basis.name),
            ));
        }
        let mut countries = cx.audience();
        if let Some(c) = cx.controller_country()
            && !countries.contains(&c)
        {
            countries.push(c);
        }
        for c in countries {
            if let Some(s) = cx.statute_in_force(FAMILY, c) {
                let what = s
                    .entry
                    .description
                    .as_ref()
                    .and_then(|t| t.any("en"))
                    .unwrap_or_default();
                let note = format!("{} ({c}): {what}", cx.name_of(&s.entry.name));
                d.notes.push(note.trim_end_matches([' ', ':']).to_string());
            }
        }
        d.help = Some(
            "ask for consent (`basis consent { mechanism double-opt-in ... }`), or, if the address was obtained in a sale of similar products and the customer could opt out then and can in every message, say so with `soft-opt-in \"...\"`"
                .to_string(),
        );
    }
}

/// The `direct-marketing via ...` property up to its last channel (an item's span can reach over a
/// trailing comment).
fn dm_loc(dm: &DirectMarketing) -> Loc {
    let end = dm
        .channels
        .last()
        .map_or(dm.loc.span.start() + "direct-marketing".len(), |c| {
            c.loc.span.end()
        });
    Loc {
        file: dm.loc.file,
        span: Span::new(dm.loc.span.start(), end.min(dm.loc.span.end())),
    }
}

fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}
