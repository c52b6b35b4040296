//! `evidence-transfer-undeclared`: the website sends requests to a vendor that processes data
//! outside the EEA, and the policy declares no transfer to that country.
//!
//! The host's vendor comes from the vendor registry, its countries from the stdlib vendor; a country
//! outside the EEA (the stdlib's `eea` flags) that no recipient of that vendor declares with
//! `country` is reported once per vendor.

use crate::check::evidence::{
    evidence_label, first_vendor_requests, needs_evidence, policy_label, recipients_of,
};
use crate::check::{BROKEN, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::evidence::Evidence;

pub static RULE: Rule = Rule {
    id: "evidence-transfer-undeclared",
    group: crate::check::evidence::GROUP,
    default: Severity::Error,
    reach: Reach::Policy,
    national: &["cookie-consent"],
    facts: &[],
    absent: &[BROKEN],
    summary: "the website sends requests to a vendor that processes data outside the EEA, and no transfer is declared",
    legal: "GDPR Art. 13(1)(f), Art. 44; ePrivacy Directive Art. 5(3)",
    explain: include_str!("../../../docs/rules/evidence-transfer-undeclared.md"),
    check: needs_evidence,
};

pub fn check_evidence(cx: &RuleCx, evidence: &Evidence, out: &mut Findings) {
    for (vendor, file, request, _) in first_vendor_requests(cx, evidence) {
        let vendor = vendor.as_str();
        let Some(entry) = cx.vocab.vendors.get(vendor) else {
            continue;
        };
        let recipients = recipients_of(cx, vendor);
        let undeclared: Vec<&str> = entry
            .countries
            .iter()
            .map(|c| crate::sema::plain(&c.name))
            .filter(|c| cx.is_third_country(c))
            .filter(|c| {
                !recipients.iter().any(|r| {
                    r.countries
                        .iter()
                        .any(|rc| crate::sema::plain(&rc.name) == *c)
                })
            })
            .collect();
        if undeclared.is_empty() {
            continue;
        }
        let countries = undeclared.join(", ");
        let label = cx.name_of(vendor);
        let waivers = recipients
            .first()
            .map_or(cx.policy_waivers(), |r| &r.waivers[..]);
        let d = out.add(
            waivers,
            format!(
                "the website sends requests to `{}` ({label}), which processes data in {countries}, but the policy declares no transfer there",
                request.host
            ),
            evidence_label(file, &request.at, format!("requested here: {}", request.at.describe)),
        );
        let related = match recipients.first() {
            Some(r) => Some(RuleCx::label(
                r.loc,
                format!("`{}` declares no `country {countries}`", r.name),
            )),
            None => policy_label(cx, format!("no recipient of this policy is `{vendor}`")),
        };
        d.secondary.extend(related);
        d.notes.push(format!(
            "the stdlib vendor `{vendor}` processes data in {countries} (stdlib/vendors.vern)"
        ));
        d.help = Some(format!(
            "declare the recipient with `country {countries}` and the transfer's safeguard, or use a vendor that processes data in the EEA"
        ));
    }
}
