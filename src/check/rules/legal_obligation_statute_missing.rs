//! `legal-obligation-statute-missing`: a purpose rests on a legal obligation without naming the law
//! that imposes it.
//!
//! For every `basis` whose stdlib basis is flagged `cites-statute` (Art. 6(1)(c)): the purpose names no
//! statute, neither on the basis (`under STATUTE`, `statute STATUTE`) nor through a statutory retention
//! (`retain ... as STATUTE`, which says which law requires the records). A free text that speaks of "our
//! legal obligations" or "consumer law" names no law.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::{Purpose, Retention};

pub static RULE: Rule = Rule {
    id: "legal-obligation-statute-missing",
    group: "bases",
    default: Severity::Warning,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &["basis", "retain"],
    summary: "a purpose rests on a legal obligation without naming the law that imposes it",
    legal: "GDPR Art. 6(1)(c), 6(3), 13(1)(c), 14(1)(c)",
    explain: include_str!("../../../docs/rules/legal-obligation-statute-missing.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    for p in &cx.policy.purposes {
        if names_statute_by_retention(p) {
            continue;
        }
        for b in &p.bases {
            if b.statute.is_some() || !cx.basis(&b.basis.name).is_some_and(|x| x.cites_statute) {
                continue;
            }
            let d = out.add(
                &p.waivers,
                format!(
                    "purpose `{}` rests on a legal obligation but does not say which law imposes it",
                    p.name
                ),
                RuleCx::label(b.basis.loc, "no statute named"),
            );
            d.notes.push(
                "Art. 6(3): the obligation must be laid down by Union or Member State law; the notice should name it so people can see what requires the processing".into(),
            );
            d.help = Some(format!(
                "name the statute: `basis {} under STATUTE`, a statute of the stdlib's national modules (such as `no-bookkeeping-act` in `std.no`) or one the policy declares",
                b.basis.name
            ));
        }
    }
}

/// `retain ... as STATUTE`: the purpose's records are kept under a named law, which is the obligation.
fn names_statute_by_retention(p: &Purpose) -> bool {
    fn statutory(r: &Retention) -> bool {
        match r {
            Retention::Statute { .. } => true,
            Retention::FirstOf(all) => all.iter().any(statutory),
            Retention::Period { .. } | Retention::Until { .. } | Retention::Indefinite { .. } => {
                false
            }
        }
    }
    p.retention.iter().any(|r| statutory(&r.retention))
}
