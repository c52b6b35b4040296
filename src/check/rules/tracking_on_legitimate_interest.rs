//! `tracking-on-legitimate-interest`: analytics, advertising or profiling with trackers rests on legitimate interests instead of consent.
//!
//! A purpose tracks if its kind is flagged `tracking` (std.purposes) or a cookie whose kind is not
//! `exempt` (std.cookies) serves it (`for`). It rests on legitimate interests if one of its bases is
//! flagged `states-interest` (std.gdpr).

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Label, Severity};
use crate::ir::Purpose;

pub static RULE: Rule = Rule {
    id: "tracking-on-legitimate-interest",
    group: "cookies",
    default: Severity::Warning,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &[],
    summary: "analytics, advertising or profiling with trackers rests on legitimate interests instead of consent",
    legal: "ePrivacy Directive Art. 5(3); CJEU C-673/17 Planet49; C-252/21 Meta v Bundeskartellamt; EDPB Guidelines 2/2023",
    explain: include_str!("../../../docs/rules/tracking-on-legitimate-interest.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    for purpose in &cx.policy.purposes {
        let trackers = trackers(cx, purpose);
        if trackers.is_empty() {
            continue;
        }
        let mut interests = purpose
            .bases
            .iter()
            .filter(|b| cx.basis(&b.basis.name).is_some_and(|b| b.states_interest));
        let Some(first) = interests.next() else {
            continue;
        };
        let d = out.add(
            &purpose.waivers,
            format!("`{}` tracks people with cookies or similar technology on legitimate interests instead of consent", purpose.name),
            RuleCx::label(first.basis.loc, "legitimate interests, not consent"),
        );
        for other in interests {
            d.secondary.push(RuleCx::label(
                other.basis.loc,
                "legitimate interests here too",
            ));
        }
        d.secondary.extend(trackers);
        d.notes.push(
            "storing or reading information on a user's device needs prior consent unless it is strictly necessary for a service the user asked for; a legitimate interest cannot replace that consent, and the processing that follows from it should rest on consent too"
                .to_string(),
        );
        d.help = Some("rest the purpose on consent: `basis consent { mechanism opt-in-banner collected \"...\" withdraw \"...\" }`".to_string());
    }
}

/// Why the purpose tracks: its kind, and the non-exempt cookies that serve it.
fn trackers(cx: &RuleCx, purpose: &Purpose) -> Vec<Label> {
    let mut out = Vec::new();
    if let (Some(kind), Some(k)) = (&purpose.kind, cx.kind_of(purpose))
        && k.tracking
    {
        out.push(RuleCx::label(
            kind.loc,
            format!("a `{}` purpose relies on trackers", kind.name),
        ));
    }
    for cookie in &cx.policy.cookies {
        if !cookie.purposes.iter().any(|p| p.name == purpose.name) {
            continue;
        }
        let Some(kind) = &cookie.kind else { continue };
        let Some(k) = cx.vocab.cookie_kinds.get(&kind.name) else {
            continue;
        };
        if k.exempt {
            continue;
        }
        out.push(RuleCx::label(
            cookie.loc,
            format!(
                "cookie `{}` ({}) serves this purpose",
                cookie.name,
                cx.name_of(&kind.name)
            ),
        ));
    }
    out
}
