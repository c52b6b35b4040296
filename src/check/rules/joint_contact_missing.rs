//! `joint-contact-missing`: a `joint` arrangement that designates no contact point for data subjects.
//! Art. 26(1) says the arrangement *may* designate one, so this is information, not a defect.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "joint-contact-missing",
    group: "controller",
    default: Severity::Info,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &["contact"],
    summary: "a joint-controller arrangement designates no contact point for data subjects",
    legal: "GDPR Art. 26(1), 26(3)",
    explain: include_str!("../../../docs/rules/joint-contact-missing.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    for j in &cx.policy.joints {
        if j.contact.is_some() {
            continue;
        }
        let d = out.add(
            &j.waivers,
            format!(
                "the joint arrangement `{}` designates no contact point for data subjects",
                j.name
            ),
            RuleCx::label(j.loc, "no `contact`"),
        );
        d.notes.push(
            "the arrangement may designate a contact point (Art. 26(1)); without one, the person must work out which controller to ask, though each must answer (Art. 26(3))"
                .into(),
        );
        d.help = Some(
            "add `contact NAME` (one of the controllers) or `contact { email \"...\" }`".into(),
        );
    }
}
