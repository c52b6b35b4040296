//! `consent-withdrawal-missing`: a purpose on consent does not say how consent is withdrawn.
//!
//! Fires on a purpose that rests on consent (a `basis` whose stdlib basis is flagged `withdrawable`)
//! with no `withdraw "..."` inside that basis, unless the `rights` block states the withdrawal right
//! with how to exercise it (its own text, or the block's `exercise`): a statement there covers every
//! consent of the policy. The withdrawal right is the one a withdrawable basis `requires-rights` and
//! no other basis requires. An Art. 9(2) `condition` on a withdrawable basis (explicit consent) is
//! covered by a consent basis of the same purpose that says how, or by the rights block.
//!
//! Not checked: whether withdrawing is as easy as giving consent (Art. 7(3), last sentence).

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Label, Severity};
use crate::ir::Text;

pub static RULE: Rule = Rule {
    id: "consent-withdrawal-missing",
    group: "consent",
    default: Severity::Error,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &["withdraw", "basis"],
    summary: "a purpose on consent does not say how consent is withdrawn",
    legal: "GDPR Art. 7(3), 13(2)(c), 14(2)(d)",
    explain: include_str!("../../../docs/rules/consent-withdrawal-missing.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    if cx.rights_say_how_to_withdraw() {
        return;
    }
    for p in &cx.policy.purposes {
        let consents: Vec<_> = cx.consent_bases(p).collect();
        for b in &consents {
            if b.withdraw.as_ref().is_some_and(stated) {
                continue;
            }
            let d = out.add(
                &p.waivers,
                format!(
                    "purpose `{}` rests on `{}` without saying how it is withdrawn",
                    p.name, b.basis.name
                ),
                RuleCx::label(b.basis.loc, "no `withdraw`"),
            );
            d.help = Some(format!(
                "add `withdraw \"...\"` inside `basis {} {{ }}` (how, at any time), or `withdraw-consent \"...\"` in the `rights` block for every consent",
                b.basis.name
            ));
            note_rights(cx, d);
        }
        // Explicit consent as an Art. 9(2) condition is withdrawn with the purpose's consent basis.
        if !consents.is_empty() {
            continue;
        }
        for c in cx.consent_conditions(p) {
            let d = out.add(
                &p.waivers,
                format!(
                    "purpose `{}` rests on `{}` without saying how it is withdrawn",
                    p.name, c.basis.name
                ),
                RuleCx::label(c.basis.loc, "no way to withdraw stated"),
            );
            d.help = Some(
                "state how consent is withdrawn in the `rights` block: `withdraw-consent \"...\"`"
                    .to_string(),
            );
            note_rights(cx, d);
        }
    }
}

fn stated(t: &Text) -> bool {
    !t.is_empty()
}

/// Points at a withdrawal right listed in the rights block without a way to exercise it.
fn note_rights(cx: &RuleCx, d: &mut crate::diagnostic::Diagnostic) {
    let Some(rights) = &cx.policy.rights else {
        return;
    };
    if let Some(r) = rights
        .rights
        .iter()
        .find(|r| cx.is_withdrawal_right(&r.right.name))
    {
        d.secondary.push(Label::new(
            r.right.loc.file,
            r.right.loc.span,
            "listed here, but not how to exercise it",
        ));
    }
}
