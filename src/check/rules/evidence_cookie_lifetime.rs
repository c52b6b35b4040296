//! `evidence-cookie-lifetime`: a declared cookie lives longer on the website than the policy says.
//!
//! The observed lifetime is the cookie's expiry minus the time it was set (the HAR entry's
//! `startedDateTime`, or the end of a vern scan for its cookie jar; `expiresDays` in an
//! inspection.json). A cookie declared `lifetime session` that is persistent, or one declared with a
//! period that lives more than that period (a month counted as 31 days, plus a day), is reported.

use crate::check::evidence::{
    days, declared_cookie, declared_secs, evidence_label, needs_evidence,
};
use crate::check::{BROKEN, Fact, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::evidence::{Evidence, Lifetime};
use crate::ir::Lifetime as Declared;

pub static RULE: Rule = Rule {
    id: "evidence-cookie-lifetime",
    group: crate::check::evidence::GROUP,
    default: Severity::Warning,
    reach: Reach::Policy,
    national: &["cookie-consent"],
    facts: &[Fact::Family("cookie-consent")],
    absent: &[BROKEN],
    summary: "a declared cookie lives longer on the website than the policy says",
    legal: "ePrivacy Directive Art. 5(3); GDPR Art. 13(1)(e)-(f), Art. 13(2)(a)",
    explain: include_str!("../../../docs/rules/evidence-cookie-lifetime.md"),
    check: needs_evidence,
};

pub fn check_evidence(cx: &RuleCx, evidence: &Evidence, out: &mut Findings) {
    let mut seen: Vec<&str> = Vec::new();
    for file in &evidence.files {
        for c in &file.cookies {
            let Lifetime::Seconds(secs) = c.lifetime else {
                continue;
            };
            let Some(decl) = declared_cookie(cx, &c.name) else {
                continue;
            };
            let (too_long, declared) = match &decl.lifetime {
                Some(Declared::Session) => (secs > 0, "session".to_string()),
                Some(Declared::Period(d)) => (secs > declared_secs(*d), d.to_string()),
                None => continue,
            };
            if !too_long || seen.contains(&c.name.as_str()) {
                continue;
            }
            seen.push(&c.name);
            let expires = c
                .expires
                .as_deref()
                .map_or(String::new(), |e| format!(" (expires {e})"));
            let d = out.add(
                &decl.waivers,
                format!(
                    "cookie `{}` lives {} days on the website{expires}, longer than the declared `lifetime {declared}`",
                    c.name,
                    days(secs)
                ),
                evidence_label(file, &c.at, format!("observed here: {}", c.at.describe)),
            );
            d.secondary.push(RuleCx::label(
                decl.loc,
                format!("`{}` is declared with `lifetime {declared}`", decl.name),
            ));
            d.help = Some(format!(
                "shorten the cookie's expiry on the website, or declare the lifetime it has (`lifetime {}d`)",
                days(secs) + 1
            ));
        }
    }
}
