//! `policy-date-stale`: no date, or older than a change in the law that affects what it declares.

use std::collections::BTreeSet;

use crate::check::{Fact, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::{Retention, SafeguardKind};
use crate::lang::Kind;

pub static RULE: Rule = Rule {
    id: "policy-date-stale",
    group: "notice",
    default: Severity::Warning,
    reach: Reach::Policy,
    national: &[],
    facts: &[
        Fact::Term(Kind::Role, "joint-controller"),
        Fact::Term(Kind::Data, "ip-address"),
        Fact::Term(Kind::Purpose, "web-analytics"),
        Fact::Term(Kind::CookieKind, "analytics"),
    ],
    absent: &["updated"],
    summary: "the policy has no date, or is older than a change in the law that affects it",
    legal: "GDPR Art. 5(2), 12(1), Recital 58; WP260 rev.01 paras 29-33",
    explain: include_str!("../../../docs/rules/policy-date-stale.md"),
    check,
};

/// Notices are reviewed at least yearly (WP260 rev.01 para 29 asks for regular review; a year is
/// vern's threshold, not the law's).
const REVIEW_MONTHS: i32 = 12;

fn check(cx: &RuleCx, out: &mut Findings) {
    let Some(meta) = &cx.policy.meta else { return };
    let Some(updated) = meta.updated else {
        out.add(
            cx.policy_waivers(),
            "the policy has no last-updated date",
            RuleCx::label(meta.loc, "no `updated`"),
        )
        .help = Some(
            "add `updated YYYY-MM-DD` (and `version \"...\"`) to the `policy` declaration".into(),
        );
        return;
    };
    let features = features(cx);
    let mut events: Vec<_> = cx
        .vocab
        .legal_events
        .values()
        .filter(|e| e.date.is_some_and(|d| d > updated && d <= cx.as_of))
        .filter(|e| e.affects.iter().any(|f| features.contains(f.as_str())))
        .collect();
    events.sort_by_key(|e| e.date);
    let review_due = updated
        .checked_add(jiff::Span::new().months(REVIEW_MONTHS))
        .is_ok_and(|due| due < cx.as_of);
    if events.is_empty() && !review_due {
        return;
    }
    let loc = meta.updated_loc.unwrap_or(meta.loc);
    let message = if events.is_empty() {
        format!(
            "the policy was last updated {updated}, more than {REVIEW_MONTHS} months before {}",
            cx.as_of
        )
    } else {
        let n = events.len();
        format!(
            "the policy was last updated {updated}, before {n} change{} in the law that affect{} what it declares",
            if n == 1 { "" } else { "s" },
            if n == 1 { "s" } else { "" }
        )
    };
    let d = out.add(
        cx.policy_waivers(),
        message,
        RuleCx::label(loc, "last updated here"),
    );
    for e in events {
        let date = e.date.map(|d| d.to_string()).unwrap_or_default();
        let affected: Vec<&str> = e
            .affects
            .iter()
            .map(String::as_str)
            .filter(|f| features.contains(*f))
            .collect();
        d.notes.push(format!(
            "{date}: {} (affects: {})",
            e.entry.label.any("en").unwrap_or(&e.entry.name),
            affected.join(", ")
        ));
    }
    d.help =
        Some("review the policy against these changes, then update `updated` and `version`".into());
}

/// The features of the policy that legal events can affect (see the list in stdlib/gdpr.vern).
fn features(cx: &RuleCx) -> BTreeSet<String> {
    let p = cx.policy;
    let mut f = BTreeSet::new();
    let mut add = |name: &str, on: bool| {
        if on {
            f.insert(name.to_string());
        }
    };
    add("all", true);
    // Each third country the policy's data reaches is a feature: `transfer-us`.
    let third: BTreeSet<String> = p
        .recipients
        .iter()
        .flat_map(|r| cx.third_countries(r))
        .map(|place| format!("transfer-{}", place.name.to_lowercase()))
        .collect();
    add("transfer", !third.is_empty());
    for t in &third {
        add(t, true);
    }
    let safeguard_kinds: Vec<SafeguardKind> = p
        .recipients
        .iter()
        .flat_map(|r| &r.safeguards)
        .filter_map(|s| {
            cx.vocab
                .safeguards
                .get(&s.safeguard.name)
                .and_then(|x| x.kind)
        })
        .collect();
    add(
        "scc-transfer",
        safeguard_kinds.contains(&SafeguardKind::Scc),
    );
    add("cookies", !p.cookies.is_empty());
    let tracking_cookie = p.cookies.iter().any(|c| {
        c.kind
            .as_ref()
            .and_then(|k| cx.vocab.cookie_kinds.get(&k.name))
            .is_some_and(|k| !k.exempt)
    });
    let tracking_purpose = p
        .purposes
        .iter()
        .any(|x| cx.kind_of(x).is_some_and(|k| k.tracking));
    add("trackers", tracking_cookie || tracking_purpose);
    let bases = || {
        p.purposes
            .iter()
            .flat_map(|x| &x.bases)
            .filter_map(|b| cx.basis(&b.basis.name))
    };
    add("consent", bases().any(|b| b.withdrawable));
    add("legitimate-interest", bases().any(|b| b.states_interest));
    add(
        "automated-decisions",
        p.purposes
            .iter()
            .any(|x| x.profiling.is_some() || x.automated_decision.is_some()),
    );
    add(
        "anonymity",
        p.data.iter().any(|d| {
            cx.vocab.data.get(d).is_some_and(|x| x.anonymous.is_some())
                || cx.data_has(d, |x| x.entry.name == "ip-address")
        }),
    );
    add(
        "pseudonymisation",
        p.data.iter().any(|d| cx.data_is(d, |x| x.pseudonymised)),
    );
    add("recipients", !p.recipients.is_empty());
    let joint = p.recipients.iter().any(|r| {
        r.roles.iter().any(|x| x.name == "joint-controller")
            || r.vendor
                .as_ref()
                .and_then(|v| cx.vocab.vendors.get(&v.name))
                .is_some_and(|v| v.joint_controller_pattern)
    });
    add("joint-controllers", joint);
    let statute_retention = p
        .purposes
        .iter()
        .flat_map(|x| &x.retention)
        .any(|r| matches!(r.retention, Retention::Statute { .. }));
    let analytics = p
        .purposes
        .iter()
        .any(|x| x.kind.as_ref().is_some_and(|k| k.name == "web-analytics"))
        || p.cookies
            .iter()
            .any(|c| c.kind.as_ref().is_some_and(|k| k.name == "analytics"));
    // National features carry the country in their suffix: `cookies-no` is cookies under NO law.
    let mut countries: Vec<String> = cx.audience().iter().map(|c| c.to_lowercase()).collect();
    countries.extend(cx.controller_country().map(str::to_lowercase));
    for cc in countries {
        add(&format!("all-{cc}"), true);
        add(&format!("cookies-{cc}"), !p.cookies.is_empty());
        add(&format!("analytics-{cc}"), analytics);
        add(&format!("retention-{cc}"), statute_retention);
    }
    f
}
