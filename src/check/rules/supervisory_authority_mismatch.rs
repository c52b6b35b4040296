//! `supervisory-authority-mismatch`: the named authority is neither the controller's lead authority
//! nor one of the audience's.

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
        if Some(country) == controller || audience.contains(&country) {
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
