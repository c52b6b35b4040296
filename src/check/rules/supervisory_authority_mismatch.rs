//! `supervisory-authority-mismatch`: the named authority is neither the controller's lead authority
//! nor one of the audience's; or, where the controller's country has one authority per region (the
//! German Länder), it is not the one of the controller's `region`.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "supervisory-authority-mismatch",
    group: "rights",
    default: Severity::Warning,
    reach: Reach::Policy,
    national: &[],
    facts: &[],
    absent: &[],
    summary: "the named supervisory authority is neither the controller's nor the audience's",
    legal: "GDPR Art. 56, 77(1)",
    explain: include_str!("../../../docs/rules/supervisory-authority-mismatch.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    let Some(rights) = &cx.policy.rights else {
        return;
    };
    let controller = cx.controller_country();
    let audience = cx.audience();
    if controller.is_none() && audience.is_empty() {
        return;
    }
    for complaint in &rights.complaints {
        let Some(authority) = cx.vocab.authorities.get(&complaint.authority.name) else {
            continue;
        };
        let Some(country) = authority.country.as_ref().map(|c| c.name.as_str()) else {
            continue;
        };
        if Some(country) == controller {
            regional(cx, out, rights, complaint, authority);
            continue;
        }
        if audience.contains(&country) {
            continue;
        }
        let expected: Vec<String> = controller
            .into_iter()
            .chain(audience.iter().copied())
            .map(|c| format!("`{c}`"))
            .collect();
        let d = out.add(
            &rights.waivers,
            format!(
                "`{}` supervises `{country}`, but the controller and the audience are in {}",
                complaint.authority.name,
                expected.join(", ")
            ),
            RuleCx::label(complaint.authority.loc, "an authority of another country"),
        );
        d.secondary.push(crate::diagnostic::Label::new(
            authority.entry.loc.file,
            authority.entry.loc.span,
            "declared here",
        ));
        d.notes.push("people may complain where they live or work (Art. 77(1)); the lead authority is the one of the main establishment (Art. 56)".into());
        d.help = Some(
            "name the authority of the controller's country, and of the audience's if it differs"
                .into(),
        );
    }
}

/// An authority of the controller's own country that is not competent for its region: a German
/// company in Berlin names the Bavarian authority, or the federal BfDI, which supervises federal
/// public bodies (and telecommunications and postal providers), not a private company's processing.
fn regional(
    cx: &RuleCx,
    out: &mut Findings,
    rights: &crate::ir::Rights,
    complaint: &crate::ir::Complaint,
    authority: &crate::ir::Authority,
) {
    let Some(region) = cx.controller_region() else {
        return;
    };
    let competent = cx.competent_authorities();
    if competent.is_empty()
        || competent
            .iter()
            .any(|(name, _)| *name == complaint.authority.name)
        || competent.iter().all(|(_, a)| a.region.is_none())
    {
        return;
    }
    let names: Vec<String> = competent.iter().map(|(n, _)| format!("`{n}`")).collect();
    let what = match &authority.region {
        Some(r) => format!("supervises `{}`", r.name),
        None => "is not a regional authority".to_string(),
    };
    let d = out.add(
        &rights.waivers,
        format!(
            "`{}` {what}, but the controller is established in `{region}`, where {} is competent",
            complaint.authority.name,
            names.join(", ")
        ),
        RuleCx::label(complaint.authority.loc, "not the competent authority"),
    );
    d.notes.push("a controller's lead authority is the one of its main establishment (Art. 55, 56); in Germany that is the authority of the Land (BDSG § 40), the BfDI only for federal public bodies and telecommunications and postal providers".into());
    d.help = Some(format!(
        "name {} in `complaint to`, or waive the finding if the other authority is competent for this processing",
        names.join(" or ")
    ));
}
