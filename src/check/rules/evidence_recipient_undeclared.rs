//! `evidence-recipient-undeclared`: the website sends requests to a vendor the policy does not name
//! as a recipient.
//!
//! Each third-party request host is looked up in the vendor registry (`evidence::registry`); a host
//! that belongs to a stdlib vendor no recipient of the policy `is` is reported once per vendor, at
//! its first request. Hosts the registry does not know are not reported: vern cannot tell whose
//! they are.

use crate::check::evidence::{
    evidence_label, first_vendor_requests, needs_evidence, policy_label, recipients_of,
};
use crate::check::{BROKEN, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::evidence::Evidence;

pub static RULE: Rule = Rule {
    id: "evidence-recipient-undeclared",
    group: crate::check::evidence::GROUP,
    default: Severity::Error,
    reach: Reach::Policy,
    national: &["cookie-consent"],
    facts: &[],
    absent: &[BROKEN],
    summary: "the website sends requests to a vendor that the policy does not name as a recipient",
    legal: "GDPR Art. 13(1)(e)-(f); ePrivacy Directive Art. 5(3)",
    explain: include_str!("../../../docs/rules/evidence-recipient-undeclared.md"),
    check: needs_evidence,
};

pub fn check_evidence(cx: &RuleCx, evidence: &Evidence, out: &mut Findings) {
    for (vendor, file, request, count) in first_vendor_requests(cx, evidence) {
        let vendor = vendor.as_str();
        if !recipients_of(cx, vendor).is_empty() {
            continue;
        }
        let label = cx.name_of(vendor);
        let d = out.add(
            cx.policy_waivers(),
            format!(
                "the website sends requests to `{}`, which belongs to {label}, but the policy names no recipient that is `{vendor}`",
                request.host
            ),
            evidence_label(file, &request.at, format!("requested here: {}", request.at.describe)),
        );
        if let Some(l) = policy_label(cx, format!("no recipient of this policy is `{vendor}`")) {
            d.secondary.push(l);
        }
        if count > 1 {
            d.notes
                .push(format!("{count} requests in this file go to {label}"));
        }
        d.help = Some(format!(
            "declare it (`recipient NAME is {vendor} \"{label}\" {{ role ...; receives ... for ... }}`), or remove the vendor from the website"
        ));
    }
}
