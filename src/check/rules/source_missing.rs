//! `source-missing`: data not collected from the person has no source.
//!
//! Fires on each `source` line of a data category the policy declares (not the stdlib's) that is
//! `third-party` or `public` with no text naming the source. `subject` and `observed` data come from the
//! person (Art. 13); `derived` data is produced by the controller from data it already holds. A
//! category whose source is not stated at all is `source-unstated`'s finding.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::SourceKind;

pub static RULE: Rule = Rule {
    id: "source-missing",
    group: "data",
    default: Severity::Error,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &["source"],
    summary: "data not collected from the person has no source",
    legal: "GDPR Art. 14(1)(d), 14(2)(f)",
    explain: include_str!("../../../docs/rules/source-missing.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    for name in &cx.policy.data {
        let Some(d) = cx.vocab.data.get(name) else {
            continue;
        };
        if d.entry.module.is_some() {
            continue;
        }
        for source in &d.sources {
            let (from, label, example) = match source.kind {
                SourceKind::ThirdParty => (
                    "from a third party",
                    "which third party?",
                    "source third-party \"Kreditt Norge AS (credit reference agency)\"",
                ),
                SourceKind::Public => (
                    "from public sources",
                    "which public source?",
                    "source public \"The Register of Business Enterprises\"",
                ),
                SourceKind::Subject | SourceKind::Observed | SourceKind::Derived => continue,
            };
            if source.text.as_ref().is_some_and(|t| !t.is_empty()) {
                continue;
            }
            let found = out.add(
                &d.waivers,
                format!(
                    "data `{}` comes {from}, but the policy does not say which",
                    d.entry.name
                ),
                RuleCx::label(source.loc, label),
            );
            found.notes.push(
            "when data is not obtained from the person, the notice must say where it comes from and whether the source is publicly accessible; where several sources were used, it must at least describe them (Recital 61)"
                .into(),
        );
            found.help = Some(format!("name the source: `{example}`"));
        }
    }
}
