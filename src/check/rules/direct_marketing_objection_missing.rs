//! `direct-marketing-objection-missing`: direct marketing without an explicit, separate right to object.
//!
//! A purpose markets directly if it declares `direct-marketing` or its kind is flagged so (std.purposes).
//! The `rights` block must then state `object-direct-marketing` (Art. 21(4): explicitly and separately).
//! If every such purpose offers at least an unsubscribe path (the `withdraw` of its consent, or the
//! right to withdraw consent for a purpose on a withdrawable basis), the finding is a warning.

use crate::check::{BROKEN, Fact, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Label, Severity};
use crate::ir::{DirectMarketing, Loc, Purpose};
use crate::lang::Kind;
use crate::sema::plain;
use crate::syntax::ast::Span;

pub static RULE: Rule = Rule {
    id: "direct-marketing-objection-missing",
    group: "marketing",
    default: Severity::Error,
    reach: Reach::Policy,
    national: &[],
    facts: &[Fact::Term(Kind::Right, "object-direct-marketing")],
    absent: &[BROKEN],
    summary: "direct marketing without an explicit, separate right to object",
    legal: "GDPR Art. 21(2)-(4), 13(2)(b); ePrivacy Directive 2002/58 Art. 13(2)",
    explain: include_str!("../../../docs/rules/direct-marketing-objection-missing.md"),
    check,
};

/// The stdlib right of Art. 21(2)-(3), stated separately as Art. 21(4) requires.
const OBJECT_DM: &str = "object-direct-marketing";

fn check(cx: &RuleCx, out: &mut Findings) {
    let listed: Vec<&str> = cx.rights_listed().into_iter().map(plain).collect();
    if listed.contains(&OBJECT_DM) {
        return;
    }
    let marketing: Vec<(&Purpose, Label)> = cx
        .policy
        .purposes
        .iter()
        .filter_map(|p| marketing_label(cx, p).map(|l| (p, l)))
        .collect();
    if marketing.is_empty() {
        return;
    }
    let withdraw_right = listed.iter().any(|r| cx.is_withdrawal_right(r));
    let unsubscribe = |p: &Purpose| {
        p.bases.iter().any(|b| {
            cx.basis(&b.basis.name)
                .is_some_and(|basis| basis.withdrawable)
                && (withdraw_right || b.withdraw.as_ref().is_some_and(|t| !t.is_empty()))
        })
    };
    let without: Vec<&str> = marketing
        .iter()
        .filter(|(p, _)| !unsubscribe(p))
        .map(|(p, _)| p.name.as_str())
        .collect();
    let severity = if without.is_empty() {
        Severity::Warning
    } else {
        Severity::Error
    };
    let names: Vec<String> = marketing
        .iter()
        .map(|(p, _)| format!("`{}`", p.name))
        .collect();
    let message = format!(
        "the policy markets directly ({}) but does not state the right to object to direct marketing",
        names.join(", ")
    );
    let (waivers, primary) = match (&cx.policy.rights, &cx.policy.meta) {
        (Some(rights), _) => (
            &rights.waivers[..],
            RuleCx::label(rights.loc, format!("no `{OBJECT_DM}`")),
        ),
        (None, Some(meta)) => (
            &meta.waivers[..],
            RuleCx::label(meta.loc, "no `rights` block"),
        ),
        (None, None) => return,
    };
    let d = out.add_at(severity, waivers, message, primary);
    d.secondary.extend(marketing.into_iter().map(|(_, l)| l));
    if without.is_empty() {
        d.notes.push(
            "an unsubscribe path exists, but the right to object to direct marketing must be brought to attention explicitly and separately from other information"
                .to_string(),
        );
    } else {
        let names: Vec<String> = without.iter().map(|n| format!("`{n}`")).collect();
        d.notes.push(format!(
            "no way to unsubscribe is stated for {}",
            names.join(", ")
        ));
    }
    d.help = Some(format!(
        "add `{OBJECT_DM} \"...\"` to the `rights` block, saying how to object at any time (e.g. the unsubscribe link, or by e-mail)"
    ));
}

/// Where the purpose says it markets directly: its `direct-marketing`, or its kind if flagged.
fn marketing_label(cx: &RuleCx, purpose: &Purpose) -> Option<Label> {
    if let Some(dm) = &purpose.direct_marketing {
        return Some(RuleCx::label(
            dm_loc(dm),
            format!("`{}` markets directly", purpose.name),
        ));
    }
    let kind = purpose.kind.as_ref()?;
    cx.kind_of(purpose).filter(|k| k.direct_marketing).map(|_| {
        RuleCx::label(
            kind.loc,
            format!(
                "`{}` is of kind `{}`: direct marketing",
                purpose.name, kind.name
            ),
        )
    })
}

/// The `direct-marketing via ...` property up to its last channel (an item's span can reach over a
/// trailing comment).
fn dm_loc(dm: &DirectMarketing) -> Loc {
    let end = dm
        .channels
        .last()
        .map_or(dm.loc.span.start() + "direct-marketing".len(), |c| {
            c.loc.span.end()
        });
    Loc {
        file: dm.loc.file,
        span: Span::new(dm.loc.span.start(), end.min(dm.loc.span.end())),
    }
}
