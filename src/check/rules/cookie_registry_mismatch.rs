//! `cookie-registry-mismatch`: a cookie named by its real name is declared as something the cookie
//! registry clearly says it is not.
//!
//! Only cookies named by a string (`cookie "_ga"`) are compared, against the entries the registry
//! (`stdlib/registry/cookies.vern`, from the Open Cookie Database) has for that name or its wildcard.
//! Two findings, each only when every registry entry for the name agrees, so that a name several
//! platforms use never fires:
//!
//! - kind: the policy declares an `exempt` cookie kind (strictly-necessary, session-preferences) and the
//!   registry's kind is one that is not exempt (analytics, marketing). The registry's "functional" and
//!   "personalization" categories name no kind and are never compared.
//! - lifetime: the registry's typical retention is at least [`MIN_TYPICAL_DAYS`] days and the declared
//!   lifetime is a session, or at most a [`SHORTER_BY`]th of it. Many lifetimes can be configured, so
//!   a shorter one is possible: the message says so, and a waiver records it.

use crate::check::{Fact, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::{Cookie, Lifetime};
use crate::lang::Kind;
use crate::sema::registry::KnownCookie;

pub static RULE: Rule = Rule {
    id: "cookie-registry-mismatch",
    group: "cookies",
    default: Severity::Warning,
    reach: Reach::Declaration,
    national: &[],
    facts: &[
        Fact::Term(Kind::CookieKind, "analytics"),
        Fact::Term(Kind::CookieKind, "marketing"),
        Fact::Term(Kind::CookieKind, "strictly-necessary"),
    ],
    absent: &[],
    summary: "a cookie's declared kind or lifetime contradicts the cookie registry",
    legal: "GDPR Art. 5(1)(a), 12(1); ePrivacy Directive Art. 5(3)",
    explain: include_str!("../../../docs/rules/cookie-registry-mismatch.md"),
    check,
};

/// The registry's retention must be at least this long for a shorter declaration to be compared.
const MIN_TYPICAL_DAYS: u64 = 30;
/// A declared lifetime at most this many times shorter than the registry's is reported.
const SHORTER_BY: u64 = 10;

fn check(cx: &RuleCx, out: &mut Findings) {
    for cookie in &cx.policy.cookies {
        let known = cx.registry_cookie(cookie);
        if known.is_empty() {
            continue;
        }
        kind_mismatch(cx, out, cookie, &known);
        lifetime_mismatch(cx, out, cookie, &known);
    }
}

fn kind_mismatch(cx: &RuleCx, out: &mut Findings, cookie: &Cookie, known: &[KnownCookie]) {
    let Some(declared) = &cookie.kind else { return };
    let Some(declared_kind) = cx.vocab.cookie_kinds.get(&declared.name) else {
        return;
    };
    if !declared_kind.exempt {
        return;
    }
    // Every entry must name a kind that is not exempt.
    let mut kinds = Vec::new();
    for k in known {
        let Some(kind) = k.kind.as_deref() else {
            return;
        };
        match cx.vocab.cookie_kinds.get(kind) {
            Some(v) if !v.exempt => kinds.push(kind),
            _ => return,
        }
    }
    kinds.sort_unstable();
    kinds.dedup();
    let what = kinds
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(" or ");
    let d = out.add(
        &cookie.waivers,
        format!(
            "cookie `{}` is declared `{}`, exempt from consent, but the cookie registry lists it as {what}",
            cookie.name, declared.name
        ),
        RuleCx::label(
            declared.loc,
            format!("{} need no consent", cx.name_of(&declared.name)),
        ),
    );
    d.notes.push(registry_note(known));
    d.help = Some(format!(
        "declare the kind the cookie has (`kind {}`) and ask consent for it; if this site's `{}` really is only strictly necessary, waive this rule with the reason",
        kinds.first().copied().unwrap_or("marketing"),
        cookie.name
    ));
}

fn lifetime_mismatch(_cx: &RuleCx, out: &mut Findings, cookie: &Cookie, known: &[KnownCookie]) {
    let Some(declared) = &cookie.lifetime else {
        return;
    };
    let declared_days = match declared {
        Lifetime::Session => 0,
        Lifetime::Period(d) => d.approx_days(),
    };
    let mut shortest: Option<(u64, &KnownCookie)> = None;
    for k in known {
        let Some(Lifetime::Period(d)) = &k.typical else {
            return;
        };
        let days = d.approx_days();
        if shortest.is_none_or(|(s, _)| days < s) {
            shortest = Some((days, k));
        }
    }
    let Some((typical_days, entry)) = shortest else {
        return;
    };
    if typical_days < MIN_TYPICAL_DAYS || declared_days.saturating_mul(SHORTER_BY) > typical_days {
        return;
    }
    let declared_text = match declared {
        Lifetime::Session => "the session".to_string(),
        Lifetime::Period(d) => d.to_string(),
    };
    let typical = entry
        .retention
        .clone()
        .unwrap_or_else(|| format!("{typical_days} days"));
    let d = out.add(
        &cookie.waivers,
        format!(
            "cookie `{}` is declared to last {declared_text}, but the cookie registry says it typically lasts {typical}",
            cookie.name
        ),
        RuleCx::label(cookie.loc, "its `lifetime` is much shorter than the registry's"),
    );
    d.notes.push(registry_note(known));
    d.help = Some(format!(
        "state the lifetime the cookie is set with; if this site configures `{}` to expire sooner, waive this rule with the reason",
        cookie.name
    ));
}

/// Where the registry's view comes from: platform, category, retention and the entry's source.
fn registry_note(known: &[KnownCookie]) -> String {
    let entries: Vec<String> = known
        .iter()
        .map(|k| {
            let mut parts = vec![format!("`{}`", k.name)];
            if let Some(p) = &k.platform {
                parts.push(p.clone());
            }
            if let Some(c) = &k.category {
                parts.push(c.clone());
            }
            if let Some(r) = &k.retention {
                parts.push(r.clone());
            }
            let cite = k.cite.first().cloned().unwrap_or_default();
            format!(
                "{} ({cite}, <stdlib/registry/cookies.vern> line {})",
                parts.join(", "),
                k.line
            )
        })
        .collect();
    format!("cookie registry: {}", entries.join("; "))
}
