//! `evidence-before-consent`: the website sets a cookie, or sends a request to a vendor, that the
//! policy puts on consent, in a visit where no consent was given.
//!
//! Every evidence file is read as a visit with no consent given (what `vern scan` records; it never
//! touches a consent banner), unless vern's `_vern.consent` says `given`. A declared cookie is on
//! consent when it has a `consent` mechanism or serves a purpose that rests on consent; a request
//! goes to a recipient on consent when the host belongs (through the vendor registry) to a stdlib
//! vendor the recipient `is`, and every purpose the recipient receives data for rests on consent.

use crate::check::evidence::{
    declared_cookie, evidence_label, needs_evidence, recipients_of, vendor_requests,
};
use crate::check::{BROKEN, Fact, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::evidence::Evidence;
use crate::ir::{Cookie, Recipient};

pub static RULE: Rule = Rule {
    id: "evidence-before-consent",
    group: crate::check::evidence::GROUP,
    default: Severity::Error,
    reach: Reach::Policy,
    national: &["cookie-consent"],
    facts: &[Fact::Family("cookie-consent")],
    absent: &[BROKEN],
    summary: "the website sets a cookie or contacts a vendor that the policy puts on consent, before consent is given",
    legal: "ePrivacy Directive Art. 5(3); GDPR Art. 6(1)(a), Art. 7(1), Art. 13(1)(e)-(f); CJEU C-673/17 Planet49",
    explain: include_str!("../../../docs/rules/evidence-before-consent.md"),
    check: needs_evidence,
};

/// Where the policy puts a cookie on consent: its `consent`, or a purpose that rests on consent.
fn on_consent(cx: &RuleCx, c: &Cookie) -> Option<(crate::ir::Loc, String)> {
    if let Some(m) = &c.consent {
        return Some((
            m.loc,
            format!("`{}` is declared on consent (`consent {}`)", c.name, m.name),
        ));
    }
    c.purposes.iter().find_map(|p| {
        let purpose = cx.purpose(&p.name)?;
        cx.rests_on_consent(purpose).then(|| {
            (
                p.loc,
                format!("`{}` serves `{}`, which rests on consent", c.name, p.name),
            )
        })
    })
}

/// Whether every purpose a recipient receives data for rests on consent (and it receives some).
fn recipient_on_consent(cx: &RuleCx, r: &Recipient) -> bool {
    let mut purposes = r.receives.iter().flat_map(|x| &x.purposes).peekable();
    purposes.peek().is_some()
        && purposes.all(|p| cx.purpose(&p.name).is_some_and(|p| cx.rests_on_consent(p)))
}

pub fn check_evidence(cx: &RuleCx, evidence: &Evidence, out: &mut Findings) {
    for file in evidence.files.iter().filter(|f| !f.consent_given) {
        let mut seen: Vec<&str> = Vec::new();
        for c in &file.cookies {
            let Some(decl) = declared_cookie(cx, &c.name) else {
                continue;
            };
            let Some((loc, why)) = on_consent(cx, decl) else {
                continue;
            };
            if seen.contains(&c.name.as_str()) {
                continue;
            }
            seen.push(&c.name);
            let d = out.add(
                &decl.waivers,
                format!("cookie `{}` is set before any consent is given, though the policy puts it on consent", c.name),
                evidence_label(file, &c.at, format!("observed with no consent given: {}", c.at.describe)),
            );
            d.secondary.push(RuleCx::label(loc, why));
            d.help = Some("set the cookie only after the visitor has consented (load the script that sets it from the consent manager)".into());
        }
        for (vendor, request, count) in vendor_requests(cx, file) {
            let vendor = vendor.as_str();
            for r in recipients_of(cx, vendor) {
                if !recipient_on_consent(cx, r) {
                    continue;
                }
                let also = if count > 1 {
                    format!(", {count} requests")
                } else {
                    String::new()
                };
                let d = out.add(
                    &r.waivers,
                    format!(
                        "the website sends requests to `{}` ({}{also}) before any consent is given, though the policy shares data with `{}` only for purposes on consent",
                        request.host,
                        cx.name_of(vendor),
                        r.name
                    ),
                    evidence_label(file, &request.at, format!("requested with no consent given: {}", request.at.describe)),
                );
                d.secondary.push(RuleCx::label(
                    r.loc,
                    format!(
                        "`{}` receives data only for purposes that rest on consent",
                        r.name
                    ),
                ));
                d.help =
                    Some("load the vendor's script only after the visitor has consented".into());
            }
        }
    }
}
