//! `evidence-cookie-undeclared`: the website sets a cookie or storage key the policy does not declare.
//!
//! Every cookie and `localStorage`/`sessionStorage` key in the evidence (HAR entries' `Set-Cookie` and
//! `Cookie`, vern scan's cookie jar and storage keys, an inspection.json's cookies and localStorage)
//! is looked up among the policy's cookie declarations (`check::evidence::declared_cookie`). One that
//! no declaration covers is reported once, at its first observation, named through the cookie
//! registry where it is known (platform, category, typical retention).

use crate::check::evidence::{declared_cookie, evidence_label, needs_evidence, policy_label};
use crate::check::{BROKEN, Fact, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::evidence::{Evidence, registry};

pub static RULE: Rule = Rule {
    id: "evidence-cookie-undeclared",
    group: crate::check::evidence::GROUP,
    default: Severity::Error,
    reach: Reach::Policy,
    national: &["cookie-consent"],
    facts: &[Fact::Family("cookie-consent")],
    absent: &[BROKEN],
    summary: "the website sets a cookie or storage key that the policy does not declare",
    legal: "ePrivacy Directive Art. 5(3); GDPR Art. 13(1)(e)-(f)",
    explain: include_str!("../../../docs/rules/evidence-cookie-undeclared.md"),
    check: needs_evidence,
};

pub fn check_evidence(cx: &RuleCx, evidence: &Evidence, out: &mut Findings) {
    let mut seen: Vec<String> = Vec::new();
    let declared: Vec<String> = cx
        .policy
        .cookies
        .iter()
        .map(|c| format!("`{}`", c.name))
        .collect();
    let related = if declared.is_empty() {
        "the policy declares no cookies".to_string()
    } else {
        format!("the policy declares the cookies {}", declared.join(", "))
    };
    for file in &evidence.files {
        let cookies = file.cookies.iter().map(|c| {
            (
                "cookie".to_string(),
                c.name.as_str(),
                &c.at,
                c.first_party,
                c.set_by.as_deref(),
            )
        });
        let storage = file
            .storage
            .iter()
            .map(|s| (format!("{} key", s.area), s.key.as_str(), &s.at, None, None));
        for (what, name, at, first_party, set_by) in cookies.chain(storage) {
            if declared_cookie(cx, name).is_some() || seen.iter().any(|s| s == name) {
                continue;
            }
            seen.push(name.to_string());
            let known = registry::cookie(name);
            let named = known.as_ref().map_or(String::new(), |k| {
                format!(" ({}, {})", k.platform, k.category.to_lowercase())
            });
            let d = out.add(
                cx.policy_waivers(),
                format!("{what} `{name}`{named} is set by the website, but the policy declares no such cookie or storage key"),
                evidence_label(file, at, format!("observed here: {}", at.describe)),
            );
            if let Some(l) = policy_label(cx, related.clone()) {
                d.secondary.push(l);
            }
            if let Some(k) = known {
                let retention = k
                    .retention
                    .as_ref()
                    .map_or(String::new(), |r| format!(", typically for {r}"));
                d.notes.push(format!(
                    "the Open Cookie Database lists `{}`: set by {}, category {}{retention}",
                    k.pattern(),
                    k.platform,
                    k.category
                ));
            }
            match (first_party, set_by) {
                (Some(false), _) => d
                    .notes
                    .push("a third-party cookie: its domain is not the site's".into()),
                (_, Some(url)) => d.notes.push(format!("set by the response to {url}")),
                _ => {}
            }
            d.help = Some(format!(
                "declare it (`cookie NAME \"... ({name})\" {{ provider ...; kind ...; lifetime ...; consent ... }}`), or stop the website from setting it"
            ));
        }
    }
}
