//! `complaint-right-missing`: the right to complain to a supervisory authority is not stated.

use crate::check::{BROKEN, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "complaint-right-missing",
    group: "rights",
    default: Severity::Error,
    reach: Reach::Policy,
    national: &[],
    facts: &[],
    absent: &[BROKEN, "complaint"],
    summary: "the right to complain to a supervisory authority is not stated",
    legal: "GDPR Art. 13(2)(d), 14(2)(e), 77",
    explain: include_str!("../../../docs/rules/complaint-right-missing.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    let Some(meta) = &cx.policy.meta else { return };
    let suggestion = suggested_authority(cx);
    match &cx.policy.rights {
        Some(rights) if rights.complaints.is_empty() => {
            out.add(
                &rights.waivers,
                "the rights do not include the right to complain to a supervisory authority",
                RuleCx::label(rights.loc, "no `complaint to ...`"),
            )
            .help = Some(format!(
                "add `complaint to {suggestion}` to the `rights` block{}",
                region_hint(cx)
            ));
        }
        Some(_) => {}
        None => {
            out.add(
                cx.policy_waivers(),
                "the policy states no rights, so not the right to complain either",
                RuleCx::label(meta.loc, "no `rights` block"),
            )
            .help = Some(format!(
                "add `rights {{ ... complaint to {suggestion} }}`{}",
                region_hint(cx)
            ));
        }
    }
}

/// The authority competent for the controller (`sema::competent_authorities`: its region's, where its
/// country has one per region), to suggest by name; `AUTHORITY` when there is no single one.
fn suggested_authority(cx: &RuleCx) -> String {
    match cx.competent_authorities().as_slice() {
        [(name, _)] => name.to_string(),
        _ => "AUTHORITY".to_string(),
    }
}

/// Where the authority depends on the region the controller has not declared: how to find it.
fn region_hint(cx: &RuleCx) -> &'static str {
    if cx.controller_region().is_none() && cx.country_has_regional_authorities() {
        "; the competent authority is the one of the controller's region: add `region` (such as `region de-be`) to the `controller` block"
    } else {
        ""
    }
}
