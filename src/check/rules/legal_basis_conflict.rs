//! `legal-basis-conflict`: a purpose rests on two legal bases that exclude each other.
//!
//! Fires once for every pair of different bases of a purpose where the stdlib declaration of either
//! lists the other under `excludes` (consent and contract, legitimate interests and contract, ...), and
//! neither carries a `when "..."` case. A `when` makes the bases an explicit conditional split ("contract
//! if you are a customer, otherwise legitimate interests"), which is not a conflict.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Label, Severity};
use crate::ir::BasisUse;

pub static RULE: Rule = Rule {
    id: "legal-basis-conflict",
    group: "bases",
    default: Severity::Warning,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &[],
    summary: "a purpose rests on two legal bases that exclude each other",
    legal: "GDPR Art. 5(1)(a), 6(1), 13(1)(c); EDPB Guidelines 05/2020",
    explain: include_str!("../../../docs/rules/legal-basis-conflict.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    for p in &cx.policy.purposes {
        let unconditional: Vec<&BasisUse> =
            p.bases.iter().filter(|b| b.condition.is_none()).collect();
        for (i, first) in unconditional.iter().enumerate() {
            for second in &unconditional[i + 1..] {
                if first.basis.name == second.basis.name || !excludes(cx, first, second) {
                    continue;
                }
                let (a, b) = (&first.basis.name, &second.basis.name);
                let d = out.add(
                    &p.waivers,
                    format!(
                        "purpose `{}` rests on both `{a}` and `{b}`, which exclude each other",
                        p.name
                    ),
                    RuleCx::label(second.basis.loc, format!("`{b}` as well")),
                );
                d.secondary.push(Label::new(
                    first.basis.loc.file,
                    first.basis.loc.span,
                    format!("`{a}` here"),
                ));
                d.notes.push(
                    "a controller chooses one basis before the processing starts; it cannot keep another in reserve or switch after the fact"
                        .to_string(),
                );
                d.help = Some(format!(
                    "keep the one basis the processing rests on, or split it by case: `basis {a} when \"...\"` and `basis {b} when \"...\"`"
                ));
            }
        }
    }
}

/// Either basis's stdlib declaration excludes the other.
fn excludes(cx: &RuleCx, a: &BasisUse, b: &BasisUse) -> bool {
    let lists = |x: &BasisUse, y: &BasisUse| {
        cx.basis(&x.basis.name)
            .is_some_and(|d| d.excludes.iter().any(|e| e.name == y.basis.name))
    };
    lists(a, b) || lists(b, a)
}
