//! `recipients-incomplete`: data is disclosed but recipients are missing, or a recipient has no role or a role that does not fit.
//!
//! Three findings:
//! - error: the policy declares no recipient at all, although its data evidently goes to others: a
//!   purpose of a kind whose stdlib `fideslang` use is third-party sharing or third-party advertising
//!   (`third_party_sharing...`, `....third_party...`: disclosure to authorities, a business transfer,
//!   targeted advertising), or a cookie set by a named provider that is not the controller;
//! - warning: a recipient has no `role`, or only `group-company` (which says how it is related, not
//!   whether it acts for the controller or for itself);
//! - warning: the recipient's roles all sit on the other side of the processor/controller line than the
//!   `typical-role` of its recipient kind (its own `kind`, else its vendor's), e.g. a carrier or a bank
//!   declared a processor. A vendor flagged `joint-controller-pattern` may be declared a joint controller.

use crate::check::{BROKEN, Fact, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Label, Severity};
use crate::ir::{Loc, Provider, Recipient, Waiver};
use crate::lang::Kind;

pub static RULE: Rule = Rule {
    id: "recipients-incomplete",
    group: "recipients",
    default: Severity::Warning,
    reach: Reach::Policy,
    national: &[],
    facts: &[Fact::Term(Kind::Role, "joint-controller")],
    absent: &[BROKEN, "role", "receives"],
    summary: "data is disclosed but recipients are missing, or a recipient has no role or a role that does not fit",
    legal: "GDPR Art. 13(1)(e), 14(1)(e), 28; WP260 rev.01",
    explain: include_str!("../../../docs/rules/recipients-incomplete.md"),
    check,
};

fn bare(name: &str) -> &str {
    name.strip_prefix("std.").unwrap_or(name)
}

/// Which side of GDPR Art. 4(7)/4(8) a role is on: `Some(true)` for one that processes on the
/// controller's behalf (Art. 28), `Some(false)` for one that decides for itself, `None` for
/// `group-company`, which says only how the recipient is related.
fn on_behalf(role: &str) -> Option<bool> {
    match bare(role) {
        "processor" | "sub-processor" => Some(true),
        "group-company" => None,
        _ => Some(false),
    }
}

/// Fideslang data uses that, by their taxonomy, put data in a third party's hands.
fn discloses(fideslang: &str) -> bool {
    fideslang
        .split('.')
        .any(|seg| seg == "third_party" || seg == "third_party_sharing")
}

fn with_article(label: &str) -> String {
    let vowel = label
        .chars()
        .next()
        .is_some_and(|c| "aeiouAEIOU".contains(c));
    format!("{} {label}", if vowel { "an" } else { "a" })
}

fn check(cx: &RuleCx, out: &mut Findings) {
    if cx.policy.recipients.is_empty() {
        no_recipients(cx, out);
    }
    for r in &cx.policy.recipients {
        role_missing(cx, out, r);
        role_conflict(cx, out, r);
    }
}

fn no_recipients(cx: &RuleCx, out: &mut Findings) {
    // (where, its label, what it shows, the waivers of that declaration)
    let mut evidence: Vec<(Loc, String, String, &[Waiver])> = Vec::new();
    for p in &cx.policy.purposes {
        let Some(kind_ref) = &p.kind else { continue };
        let Some(kind) = cx.kind_of(p) else { continue };
        if kind.fideslang.as_deref().is_some_and(discloses) {
            let label = format!("{}: data goes to others", cx.name_of(&kind_ref.name));
            let what = format!("purpose `{}` discloses data to others", p.name);
            evidence.push((kind_ref.loc, label, what, &p.waivers));
        }
    }
    let controller: Vec<String> = cx
        .policy
        .controller
        .iter()
        .flat_map(|c| {
            c.contact
                .name
                .iter()
                .cloned()
                .chain(std::iter::once(c.name.to_string()))
        })
        .map(|n| n.trim().to_lowercase())
        .collect();
    if !controller.is_empty() {
        for c in &cx.policy.cookies {
            if let Some(Provider::Named(p)) = &c.provider
                && !controller.contains(&p.trim().to_lowercase())
            {
                let what = format!("cookie `{}` is set by a third party", c.name);
                evidence.push((
                    c.loc,
                    format!("set by \"{p}\", not by the controller"),
                    what,
                    &c.waivers,
                ));
            }
        }
    }
    let Some((loc, label, what, waivers)) = evidence.first() else {
        return;
    };
    let message = format!("no recipients are declared, but {what}");
    let d = out.add_at(
        Severity::Error,
        waivers,
        message,
        RuleCx::label(*loc, label.clone()),
    );
    for (loc, label, _, _) in &evidence[1..] {
        d.secondary.push(RuleCx::label(*loc, label.clone()));
    }
    d.help = Some(
        "declare who receives the data: `recipient NAME \"...\" { role ... kind ... receives DATA for PURPOSE }`".into(),
    );
}

fn typical_role(cx: &RuleCx, r: &Recipient) -> Option<(String, Loc, Loc, String)> {
    // (kind name, where the kind was named, the stdlib recipient-kind, its typical role)
    let (kind_name, at) = match (&r.kind, &r.vendor) {
        (Some(k), _) => (k.name.clone(), k.loc),
        (None, Some(v)) => (
            cx.vocab.vendors.get(&v.name)?.kind.as_ref()?.name.clone(),
            v.loc,
        ),
        (None, None) => return None,
    };
    let kind = cx.vocab.recipient_kinds.get(&kind_name)?;
    let typical = kind.typical_role.as_ref()?.name.clone();
    Some((
        kind_name.to_string(),
        at,
        kind.entry.loc,
        typical.to_string(),
    ))
}

fn role_missing(cx: &RuleCx, out: &mut Findings, r: &Recipient) {
    let typical = typical_role(cx, r);
    let suggestion = match &typical {
        Some((kind, _, _, role)) if on_behalf(role).is_some() => {
            format!("add `role {}` (the typical role of {}), or the role it has here", bare(role), with_article(&cx.name_of(kind)))
        }
        _ => "add `role processor` if it acts on your behalf, or `role independent-controller` if it decides for itself"
            .to_string(),
    };
    if r.roles.is_empty() {
        let message = format!(
            "`{}` has no role: the notice does not say whether it acts for you or for itself",
            r.name
        );
        let d = out.add(&r.waivers, message, RuleCx::label(r.loc, "no `role`"));
        d.help = Some(suggestion);
    } else if r.roles.iter().all(|x| on_behalf(&x.name).is_none()) {
        let message = format!(
            "`{}` is declared only as a group company, not as a processor or a controller",
            r.name
        );
        let d = out.add(
            &r.waivers,
            message,
            RuleCx::label(r.roles[0].loc, "how it is related, not its role"),
        );
        d.notes.push("a group company receives data as processor, independent or joint controller like any other recipient".into());
        d.help = Some(format!("{suggestion}, next to `group-company`"));
    }
}

fn role_conflict(cx: &RuleCx, out: &mut Findings, r: &Recipient) {
    let Some((kind, kind_at, kind_decl, typical)) = typical_role(cx, r) else {
        return;
    };
    let Some(side) = on_behalf(&typical) else {
        return;
    };
    let sided: Vec<_> = r
        .roles
        .iter()
        .filter(|x| on_behalf(&x.name).is_some())
        .collect();
    if sided.is_empty() || sided.iter().any(|x| on_behalf(&x.name) == Some(side)) {
        return;
    }
    let pattern = r
        .vendor
        .as_ref()
        .and_then(|v| cx.vocab.vendors.get(&v.name))
        .is_some_and(|v| v.joint_controller_pattern);
    if pattern && sided.iter().any(|x| bare(&x.name) == "joint-controller") {
        return;
    }
    let declared: Vec<String> = sided.iter().map(|x| format!("`{}`", x.name)).collect();
    let message = format!(
        "`{}` is declared {}, but a recipient of kind `{kind}` typically acts as `{typical}`",
        r.name,
        declared.join(" and ")
    );
    let d = out.add(
        &r.waivers,
        message,
        RuleCx::label(sided[0].loc, "conflicts with the recipient kind"),
    );
    let via = if r.kind.is_some() {
        format!("kind `{kind}`")
    } else {
        format!("a vendor of kind `{kind}`")
    };
    d.secondary.push(RuleCx::label(kind_at, via));
    d.secondary.push(Label::new(
        kind_decl.file,
        kind_decl.span,
        format!("`typical-role {typical}`"),
    ));
    let article = cx
        .vocab
        .roles
        .get(&typical)
        .and_then(|r| r.article.as_deref());
    let law = article
        .map(|a| format!(" (GDPR Art. {a})"))
        .unwrap_or_default();
    d.notes.push(format!(
        "{} is typically {}{law}",
        with_article(&cx.name_of(&kind)),
        with_article(&cx.name_of(&typical))
    ));
    d.help = Some(format!(
        "use `role {}`, or if it really has the declared role here, say why with `waive recipients-incomplete \"...\"`",
        bare(&typical)
    ));
}
