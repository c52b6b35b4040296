//! `consent-implied`: consent is inferred from continued use, scrolling, pre-ticked boxes, browser settings, silence or opt-out.
//!
//! Fires on every consent basis of a purpose (a stdlib basis flagged `withdrawable`) whose `mechanism` is
//! a stdlib mechanism declared `invalid`, unless it is also `bundled`: consent folded into accepting the
//! terms or the notice is reported by `consent-bundled-with-notice`. A mechanism the policy declares
//! itself without `valid` or `invalid` is not judged. Cookie consent (`cookie ... { consent ... }`) is
//! judged by `cookie-consent-missing`.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Label, Severity};

pub static RULE: Rule = Rule {
    id: "consent-implied",
    group: "consent",
    default: Severity::Error,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &[],
    summary: "consent is inferred from continued use, scrolling, pre-ticked boxes, browser settings, silence or opt-out",
    legal: "GDPR Art. 4(11), 7(1), Recital 32; CJEU C-673/17 Planet49; EDPB Guidelines 05/2020",
    explain: include_str!("../../../docs/rules/consent-implied.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    for p in &cx.policy.purposes {
        for b in cx.consent_bases(p) {
            let Some(m) = &b.mechanism else { continue };
            let Some(mech) = cx.vocab.mechanisms.get(&m.name) else {
                continue;
            };
            let Some(why) = mech.invalid.as_ref().filter(|_| !mech.bundled) else {
                continue;
            };
            let d = out.add(
                &p.waivers,
                format!(
                    "purpose `{}` infers consent from {}, which is not consent",
                    p.name,
                    cx.name_of(&m.name)
                ),
                RuleCx::label(m.loc, "no clear affirmative act"),
            );
            d.secondary.push(Label::new(
                mech.entry.loc.file,
                mech.entry.loc.span,
                format!("`{}` is declared invalid here", m.name),
            ));
            if let Some(why) = why.any("en") {
                d.notes.push(why.to_string());
            }
            d.help = Some(
                "ask for consent by a clear affirmative act and name it, e.g. `mechanism opt-in-checkbox`".to_string(),
            );
        }
    }
}
