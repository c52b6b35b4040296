//! `retention-missing`: a purpose has no retention period or criterion, for all its data or for some.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::Purpose;

pub static RULE: Rule = Rule {
    id: "retention-missing",
    group: "retention",
    default: Severity::Error,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &["retain"],
    summary: "a purpose has no retention period or criterion, for all its data or for some",
    legal: "GDPR Art. 13(2)(a), 14(2)(a), 5(1)(e)",
    explain: include_str!("../../../docs/rules/retention-missing.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    for purpose in &cx.policy.purposes {
        // Data declared anonymous is not personal data: it needs no retention (whether the claim holds is
        // `anonymous-claim-with-identifiers`'s question).
        let personal: Vec<_> = purpose
            .uses
            .iter()
            .filter(|u| !anonymous(cx, &u.name))
            .collect();
        if !purpose.uses.is_empty() && personal.is_empty() {
            continue;
        }
        // A `retain` line that did not resolve was reported already.
        if purpose.written_retention > purpose.retention.len() {
            continue;
        }
        if purpose.retention.is_empty() {
            out.add(
                &purpose.waivers,
                format!("`{}` does not say how long its data is kept", purpose.name),
                RuleCx::label(purpose.loc, "no `retain`"),
            )
            .help = Some(
                "add a period or a criterion: `retain 2y`, `retain until contract-end + 1y`, `retain until consent-withdrawn`".into(),
            );
            continue;
        }
        // Every `retain` names the data it covers: data the purpose uses that none of them covers has no
        // retention. Any relation between the names (one includes or refines the other) counts as covered.
        if purpose.retention.iter().any(|r| r.data.is_empty()) {
            continue;
        }
        for used in personal {
            if !covered(cx, purpose, &used.name) {
                let d = out.add_at(
                    Severity::Warning,
                    &purpose.waivers,
                    format!(
                        "`{}` does not say how long `{}` is kept",
                        purpose.name, used.name
                    ),
                    RuleCx::label(used.loc, "no `retain` covers this data"),
                );
                for rule in &purpose.retention {
                    d.secondary
                        .push(RuleCx::label(rule.loc, "covers only the data after `for`"));
                }
                d.help = Some(format!(
                    "add `retain ... for {}`, or a `retain` without `for` for all the purpose's data",
                    used.name
                ));
            }
        }
    }
}

fn covered(cx: &RuleCx, purpose: &Purpose, data: &str) -> bool {
    let mine: Vec<&str> = cx
        .data_closure(data)
        .into_iter()
        .map(|d| d.entry.name.as_str())
        .collect();
    purpose
        .retention
        .iter()
        .flat_map(|r| &r.data)
        .any(|scoped| {
            scoped.name == data
                || mine.contains(&scoped.name.as_str())
                || cx
                    .data_closure(&scoped.name)
                    .iter()
                    .any(|d| d.entry.name == data)
        })
}

fn anonymous(cx: &RuleCx, data: &str) -> bool {
    cx.data_chain(data).iter().any(|d| d.anonymous.is_some())
}
