//! `cookie-consent-missing`: a cookie that needs consent has no valid opt-in consent.
//!
//! A cookie needs consent unless its `kind` is an `exempt` cookie kind (std.cookies). The consent is
//! valid if its `mechanism` is `valid` (std.gdpr), or if every national cookie statute (family
//! `cookie-consent`) in force on the evaluation date for the controller's country and the notice's
//! audience accepts that mechanism: a statute's `consent-standard MECHANISM-accepted` says so (Norway's
//! ekomloven 2003 § 2-7 b accepted `browser-settings` until 2024-12-31).

use crate::check::{Fact, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::{Cookie, Date, Mechanism, Statute};

pub static RULE: Rule = Rule {
    id: "cookie-consent-missing",
    group: "cookies",
    default: Severity::Error,
    reach: Reach::Declaration,
    national: &["cookie-consent"],
    facts: &[Fact::Family("cookie-consent")],
    absent: &["consent"],
    summary: "a cookie that needs consent has no valid opt-in consent",
    legal: "ePrivacy Directive Art. 5(3); CJEU C-673/17 Planet49",
    explain: include_str!("../../../docs/rules/cookie-consent-missing.md"),
    check,
};

/// The statute family of the national cookie rules.
const FAMILY: &str = "cookie-consent";

fn check(cx: &RuleCx, out: &mut Findings) {
    let countries = countries(cx);
    for cookie in &cx.policy.cookies {
        let kind = match &cookie.kind {
            Some(k) => match cx.vocab.cookie_kinds.get(&k.name) {
                Some(kind) if kind.exempt => continue,
                Some(_) => Some(k),
                // An unknown kind is reported by the resolver.
                None => continue,
            },
            None => None,
        };
        let mechanism = match &cookie.consent {
            None => None,
            Some(r) => match cx.vocab.mechanisms.get(&r.name) {
                Some(m) if m.valid => continue,
                Some(m) => Some((r, m)),
                None => continue,
            },
        };
        if let Some((_, m)) = mechanism
            && accepted(cx, m, &countries, cx.as_of).is_some()
        {
            continue;
        }
        report(cx, out, cookie, kind.is_some(), mechanism, &countries);
    }
}

fn report(
    cx: &RuleCx,
    out: &mut Findings,
    cookie: &Cookie,
    has_kind: bool,
    mechanism: Option<(&crate::ir::Ref, &Mechanism)>,
    countries: &[&str],
) {
    let statutes: Vec<&Statute> = countries
        .iter()
        .filter_map(|c| cx.statute_in_force(FAMILY, c))
        .collect();
    let d = match (has_kind, mechanism) {
        (true, None) => out.add(
            &cookie.waivers,
            format!(
                "cookie `{}` needs consent, but none is declared",
                cookie.name
            ),
            RuleCx::label(cookie.loc, "no `consent`"),
        ),
        (true, Some((r, m))) => out.add(
            &cookie.waivers,
            format!(
                "cookie `{}` relies on `{}`, which is not valid consent",
                cookie.name, r.name
            ),
            RuleCx::label(
                r.loc,
                format!("{} is not consent", cx.name_of(&m.entry.name)),
            ),
        ),
        // Without a kind nobody can tell whether the cookie is exempt: likely, not certainly, a defect.
        (false, None) => out.add_at(
            Severity::Warning,
            &cookie.waivers,
            format!(
                "cookie `{}` states neither its kind nor how consent is asked",
                cookie.name
            ),
            RuleCx::label(cookie.loc, "no `kind` and no `consent`"),
        ),
        (false, Some((r, m))) => out.add_at(
            Severity::Warning,
            &cookie.waivers,
            format!(
                "cookie `{}` states no kind and relies on `{}`, which is not valid consent",
                cookie.name, r.name
            ),
            RuleCx::label(
                r.loc,
                format!("{} is not consent", cx.name_of(&m.entry.name)),
            ),
        ),
    };
    if let Some(k) = &cookie.kind {
        d.secondary.push(RuleCx::label(
            k.loc,
            format!("{} need consent", cx.name_of(&k.name)),
        ));
    }
    for s in &statutes {
        let since = s
            .in_force
            .map(|d| format!(" (since {d})"))
            .unwrap_or_default();
        d.secondary.push(RuleCx::label(
            s.entry.loc,
            format!("the cookie rule in force on {}{since}", cx.as_of),
        ));
    }
    if let Some((_, m)) = mechanism {
        if let Some(why) = m.invalid.as_ref().and_then(|t| t.any("en")) {
            d.notes
                .push(format!("{}: {why}", cx.name_of(&m.entry.name)));
        }
        // The policy's own date may explain the choice: say what applied then and what applies now.
        if let Some(clause) = cx.dated_clause(|date| accepted(cx, m, countries, date).is_some()) {
            let old = cx
                .policy_date()
                .and_then(|date| accepted(cx, m, countries, date))
                .unwrap_or_default();
            let old: Vec<String> = old.iter().map(|s| cx.name_of(&s.entry.name)).collect();
            let now: Vec<String> = statutes.iter().map(|s| cx.name_of(&s.entry.name)).collect();
            let now = if now.is_empty() {
                "GDPR consent".to_string()
            } else {
                now.join(" and ")
            };
            d.notes.push(format!(
                "{clause}, {} counted as cookie consent under {}; on {} {} applies, under which it does not",
                cx.name_of(&m.entry.name),
                old.join(" and "),
                cx.as_of,
                now
            ));
        }
    }
    let exempt: Vec<String> = cx
        .vocab
        .cookie_kinds
        .values()
        .filter(|k| k.exempt)
        .map(|k| format!("`kind {}`", k.entry.name))
        .collect();
    d.help = Some(if has_kind {
        "ask for opt-in consent before the cookie is set: `consent opt-in-banner`".to_string()
    } else {
        format!(
            "state the kind: {} if the cookie is exempt, otherwise its kind and `consent opt-in-banner`",
            exempt.join(" or ")
        )
    });
}

/// The countries whose cookie rule applies: the notice's audience and the controller's country.
fn countries<'a>(cx: &RuleCx<'a>) -> Vec<&'a str> {
    let mut out = cx.audience();
    if let Some(c) = cx.controller_country()
        && !out.contains(&c)
    {
        out.push(c);
    }
    out
}

/// The statutes that accept `m` as cookie consent on `date`, if every country's statute in force then
/// does; `None` if any country has none or one that does not.
fn accepted<'a>(
    cx: &RuleCx<'a>,
    m: &Mechanism,
    countries: &[&str],
    date: Date,
) -> Option<Vec<&'a Statute>> {
    if countries.is_empty() {
        return None;
    }
    let name = m.entry.name.strip_prefix("std.").unwrap_or(&m.entry.name);
    let standard = format!("{name}-accepted");
    countries
        .iter()
        .map(|c| {
            statute_at(cx, c, date)
                .filter(|s| s.consent_standard.as_deref() == Some(standard.as_str()))
        })
        .collect()
}

/// The cookie statute of `country` in force on `date`.
fn statute_at<'a>(cx: &RuleCx<'a>, country: &str, date: Date) -> Option<&'a Statute> {
    cx.vocab.statutes.values().find(|s| {
        s.family.as_deref() == Some(FAMILY)
            && s.country.as_ref().is_some_and(|c| c.name == country)
            && s.in_force.is_none_or(|d| d <= date)
            && s.repealed.is_none_or(|d| d > date)
    })
}
