//! `statutory-contractual-requirement-missing`: a purpose does not say whether providing the data is
//! required, and what happens if it is not.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::Requirement;

pub static RULE: Rule = Rule {
    id: "statutory-contractual-requirement-missing",
    group: "notice",
    default: Severity::Warning,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &["requirement"],
    summary: "a purpose does not say whether providing the data is required, and what happens if not",
    legal: "GDPR Art. 13(2)(e)",
    explain: include_str!("../../../docs/rules/statutory-contractual-requirement-missing.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    for purpose in &cx.policy.purposes {
        // Consent is voluntary by definition (Art. 4(11), 7(4)): saying so again adds nothing.
        let all_consent =
            !purpose.bases.is_empty() && purpose.bases.iter().all(|b| cx.is_consent(b));
        if all_consent && purpose.requirement.is_none() {
            continue;
        }
        match &purpose.requirement {
            None => {
                out.add(
                    &purpose.waivers,
                    format!("`{}` does not say whether the data must be provided", purpose.name),
                    RuleCx::label(purpose.loc, "no `requirement`"),
                )
                .help = Some("add `requirement contractual \"what happens if not\"`, or `statutory`, `pre-contract` or `voluntary`".into());
            }
            Some((kind, None, loc)) if *kind != Requirement::Voluntary => {
                out.add(
                    &purpose.waivers,
                    format!("`{}` says the data is required but not what happens if it is not provided", purpose.name),
                    RuleCx::label(*loc, "no consequence given"),
                )
                .help = Some(match kind {
                    Requirement::Statutory => "add what happens if it is not provided: `requirement statutory \"the law requires it; without it we cannot sell to you\"`".to_string(),
                    other => format!("add what happens if it is not provided: `requirement {} \"without it we cannot deliver\"`", other.word()),
                });
            }
            Some(_) => {}
        }
    }
}
