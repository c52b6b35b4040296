//! `purpose-without-legal-basis`: a purpose has no Art. 6(1) legal basis.
//!
//! Fires on a purpose with no `basis` at all, and on a purpose whose every `basis` names an Art. 9(2)
//! condition (a stdlib basis flagged `art9`): such a condition belongs in `condition` and does not
//! replace the Art. 6(1) basis (it lifts the prohibition of Art. 9(1); it is not a lawful basis).
//!
//! The catalog's second case, bases listed for the whole notice and not mapped to purposes, cannot
//! be written in vern: a basis is always a property of a purpose.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Label, Severity};
use crate::ir::{BasisUse, Purpose};

pub static RULE: Rule = Rule {
    id: "purpose-without-legal-basis",
    group: "bases",
    default: Severity::Error,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &["basis"],
    summary: "a purpose has no Art. 6(1) legal basis",
    legal: "GDPR Art. 6(1), 13(1)(c), 14(1)(c)",
    explain: include_str!("../../../docs/rules/purpose-without-legal-basis.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    for p in &cx.policy.purposes {
        // A `basis` line that did not resolve was reported already (`unknown-name`).
        if p.bases.iter().any(|b| !is_art9(cx, b)) || p.written_bases > p.bases.len() {
            continue;
        }
        match p.bases.first() {
            None => {
                let d = out.add(
                    &p.waivers,
                    format!("purpose `{}` has no legal basis", p.name),
                    RuleCx::label(p.loc, "no `basis` for this purpose"),
                );
                d.help = Some(help(cx, p));
            }
            Some(first) => {
                let d = out.add(
                    &p.waivers,
                    format!("purpose `{}` has no Art. 6(1) legal basis", p.name),
                    RuleCx::label(
                        first.basis.loc,
                        "an Art. 9(2) condition, not an Art. 6(1) basis",
                    ),
                );
                for other in &p.bases[1..] {
                    d.secondary.push(Label::new(
                        other.basis.loc.file,
                        other.basis.loc.span,
                        "also an Art. 9(2) condition",
                    ));
                }
                d.notes.push(
                    "special-category data needs both an Art. 6(1) basis and an Art. 9(2) condition".to_string(),
                );
                d.help = Some(format!(
                    "write `condition {}` instead, and {}",
                    first.basis.name,
                    help(cx, p)
                ));
            }
        }
    }
}

fn is_art9(cx: &RuleCx, b: &BasisUse) -> bool {
    cx.basis(&b.basis.name).is_some_and(|x| x.art9)
}

/// What to add: the bases the purpose's kind expects, else the Art. 6(1) bases in scope.
fn help(cx: &RuleCx, p: &Purpose) -> String {
    if let Some(kind) = cx.kind_of(p).filter(|k| !k.expects.is_empty()) {
        let expected: Vec<String> = kind
            .expects
            .iter()
            .map(|b| format!("`basis {}`", b.name))
            .collect();
        return format!(
            "add the basis the processing rests on, e.g. {} (what `{}` purposes usually rest on)",
            expected.join(" or "),
            kind.entry.name
        );
    }
    let art6: Vec<String> = cx
        .vocab
        .bases
        .values()
        .filter(|b| !b.art9)
        .map(|b| format!("`{}`", b.entry.name))
        .collect();
    format!(
        "add `basis BASIS` with one of the Art. 6(1) bases: {}",
        art6.join(", ")
    )
}
