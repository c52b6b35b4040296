//! `consent-bundled-with-notice`: consent is bundled with the notice or the terms as a whole.
//!
//! Fires on a consent basis of a purpose (a stdlib basis flagged `withdrawable`) when
//! - its `mechanism` is a stdlib mechanism flagged `bundled` (`accepting-terms`); or else
//! - its `collected` text contains a phrase of the stdlib list `bundled-consent` ("by using our
//!   services you consent", "ved å bruke våre tjenester samtykker du").
//!
//! And on the `policy` block's `accepted-by-use`: the policy's claim that using the service means
//! accepting it. That is no consent, and no legal basis for any purpose (the purposes that rest on
//! nothing else are `purpose-without-legal-basis`'s findings).

use crate::check::{Fact, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Label, Severity};

pub static RULE: Rule = Rule {
    id: "consent-bundled-with-notice",
    group: "consent",
    default: Severity::Error,
    reach: Reach::Declaration,
    national: &[],
    facts: &[Fact::Phrases("bundled-consent")],
    absent: &[],
    summary: "consent is bundled with the notice or the terms as a whole",
    legal: "GDPR Art. 4(11), 7(2), 7(4), Recitals 32, 42-43; EDPB Guidelines 05/2020; CJEU C-673/17 Planet49",
    explain: include_str!("../../../docs/rules/consent-bundled-with-notice.md"),
    check,
};

/// The stdlib phrase list of wordings that fold consent into the notice or the terms.
const BUNDLED: &str = "bundled-consent";

const HELP: &str = "ask for consent to this purpose on its own, apart from the terms and the notice, e.g. `mechanism opt-in-checkbox` with `collected \"...\"` saying where";

fn check(cx: &RuleCx, out: &mut Findings) {
    if let Some(meta) = &cx.policy.meta
        && let Some((_, loc)) = &meta.accepted_by_use
    {
        let d = out.add(
            &meta.waivers,
            "the policy treats using the service as accepting it, which is no consent to anything",
            RuleCx::label(*loc, "acceptance by use"),
        );
        d.notes.push("consent is a clear, specific act for each purpose, given apart from other matters (Art. 4(11), 7(2)); going on using a site is not one (CJEU C-673/17 Planet49), and accepting a notice is no legal basis for the processing it describes".into());
        d.help = Some("give each purpose its own basis; where it is consent, ask for it on its own (`basis consent { mechanism opt-in-checkbox ... }`)".into());
    }
    for p in &cx.policy.purposes {
        for b in cx.consent_bases(p) {
            let bundled = b.mechanism.as_ref().and_then(|m| {
                cx.vocab
                    .mechanisms
                    .get(&m.name)
                    .filter(|x| x.bundled)
                    .map(|x| (m, x))
            });
            if let Some((m, mech)) = bundled {
                let d = out.add(
                    &p.waivers,
                    format!(
                        "purpose `{}` takes {} as consent",
                        p.name,
                        cx.name_of(&m.name)
                    ),
                    RuleCx::label(m.loc, "consent bundled with the terms or the notice"),
                );
                d.secondary.push(Label::new(
                    mech.entry.loc.file,
                    mech.entry.loc.span,
                    format!("`{}` is declared bundled here", m.name),
                ));
                if let Some(why) = mech.invalid.as_ref().and_then(|t| t.any("en")) {
                    d.notes.push(why.to_string());
                }
                d.help = Some(HELP.to_string());
                continue;
            }
            let Some(text) = &b.collected else { continue };
            let Some(phrase) = cx.matches_phrase(text, BUNDLED) else {
                continue;
            };
            let at = text.loc.unwrap_or(b.basis.loc);
            let d = out.add(
                &p.waivers,
                format!(
                    "purpose `{}` collects consent by accepting the notice or the terms as a whole",
                    p.name
                ),
                RuleCx::label(at, format!("consent tied to the notice: \"{phrase}\"")),
            );
            d.notes.push(
                "consent must be asked for separately from other matters and must not be a condition of a service that does not need it"
                    .to_string(),
            );
            d.help = Some(HELP.to_string());
        }
    }
}
