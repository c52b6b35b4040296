//! `requirement-contradicts-optional`: a purpose says that providing its data is required by statute
//! or contract, but marks every data category it uses `if-provided`.
//!
//! Only the complete contradiction is reported: a purpose that requires some data and collects other
//! data only if given says both truthfully (`uses name, email` and `uses phone if-provided` with
//! `requirement contractual`).

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::Requirement;

pub static RULE: Rule = Rule {
    id: "requirement-contradicts-optional",
    group: "notice",
    default: Severity::Warning,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &[],
    summary: "a purpose says its data must be provided, but marks all of it `if-provided`",
    legal: "GDPR Art. 13(2)(e)",
    explain: include_str!("../../../docs/rules/requirement-contradicts-optional.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    for purpose in &cx.policy.purposes {
        let Some((kind, _, loc)) = &purpose.requirement else {
            continue;
        };
        if *kind == Requirement::Voluntary || purpose.data_uses.is_empty() {
            continue;
        }
        let all_optional = purpose
            .data_uses
            .iter()
            .all(|u| cx.is_optional(purpose, &u.data.name));
        if !all_optional {
            continue;
        }
        let d = out.add(
            &purpose.waivers,
            format!(
                "`{}` says providing the data is a {} requirement, but every data category it uses is `if-provided`",
                purpose.name,
                kind.word()
            ),
            RuleCx::label(*loc, "the data is said to be required here"),
        );
        if let Some(at) = purpose.data_uses.iter().find_map(|u| u.if_provided) {
            d.secondary
                .push(RuleCx::label(at, "and said to be optional here"));
        }
        d.help = Some(format!(
            "if none of it must be provided, say `requirement voluntary \"...\"`; else remove `if-provided` from the data that `{}` requires",
            purpose.name
        ));
    }
}
