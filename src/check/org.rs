//! Organisation rules: the `forbid` and `require` declarations of a policy's files, judged like the
//! built-in rules (levels from `vern.toml`, `waive`, the same `Diagnostic`), but written by the user
//! (docs/rules-in-vern.md).
//!
//! A rule with a condition about where data goes (`recipient`, `role`, `recipient-kind`, `country`,
//! `third-country`) is judged on every disclosure: each `receives` line, once for each purpose it
//! serves. Any other rule is judged on every purpose. `forbid` fires where every condition holds,
//! every `when` holds and no `unless` holds; `require` fires where every `when` holds, no `unless`
//! holds, and some condition does not. Where the policy leaves a condition undecidable (a disclosure
//! for no purpose, a line that could not be read), the rule makes no finding there.
//!
//! Every answer comes from `sema`: data closures, purpose kinds, subject chains, places, retention
//! bounds.

use std::collections::BTreeSet;
use std::sync::Mutex;

use super::RuleCx;
use super::config::Levels;
use super::rule::Level;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::ir::{OrgCondition, OrgLevel, OrgMode, OrgRule, OrgTest, Purpose, Recipient, Ref};
use crate::sema::plain;

/// The group every organisation rule belongs to, for `vern.toml`: `organisation = "warn"`.
pub const GROUP: &str = "organisation";

/// The code of the error for an organisation rule whose id cannot be used.
pub const INVALID_RULE_ID: &str = crate::diagnostic::codes::INVALID_RULE_ID;

/// A diagnostic's code is `&'static str`; an organisation rule's id is the user's. Each distinct id is
/// kept once for the life of the process.
pub fn intern(id: &str) -> &'static str {
    static IDS: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut ids = match IDS.lock() {
        Ok(ids) => ids,
        Err(poisoned) => poisoned.into_inner(),
    };
    if let Some(found) = ids.get(id) {
        return found;
    }
    let leaked: &'static str = Box::leak(id.to_string().into_boxed_str());
    ids.insert(leaked);
    leaked
}

impl From<OrgLevel> for Level {
    fn from(l: OrgLevel) -> Level {
        match l {
            OrgLevel::Info => Level::Info,
            OrgLevel::Warn => Level::Warn,
            OrgLevel::Deny => Level::Deny,
        }
    }
}

/// The level of an organisation rule: its own entry in `vern.toml`, else the `organisation` group's,
/// else the rule's `level`.
pub fn level_for(levels: &Levels, rule: &OrgRule) -> Level {
    levels
        .get(rule.id.as_str())
        .or_else(|| levels.get(GROUP))
        .copied()
        .unwrap_or(rule.level.into())
}

/// Whether `id` is kebab-case: lower-case letters and digits in words joined by single hyphens.
pub fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// Why an organisation rule's id cannot be used, with a hint: not kebab-case, or the id of a built-in
/// rule, group or compiler code.
pub fn id_problem(id: &str) -> Option<(String, String)> {
    if !is_kebab(id) {
        let suggestion: String = id
            .chars()
            .map(|c| {
                if c == '_' {
                    '-'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect();
        return Some((
            format!("`{id}` is not a kebab-case rule id"),
            format!("rule ids are lower case words joined by hyphens: `{suggestion}`"),
        ));
    }
    let builtin = super::rules::lookup(id).is_some()
        || crate::diagnostic::codes::lookup(id).is_some()
        || super::config::groups().contains(&id)
        || id == GROUP;
    builtin.then(|| {
        (
            format!("`{id}` is already the id of a built-in rule, group or code"),
            format!(
                "give the organisation rule an id of its own, such as `org-{id}`; `vern rules` lists the built-in ones"
            ),
        )
    })
}

/// One place a rule is judged: a purpose, or a disclosure for one of its purposes.
struct Unit<'a> {
    purpose: Option<&'a Purpose>,
    recipient: Option<&'a Recipient>,
    /// The data the unit carries, with what each refines and includes.
    data: std::rc::Rc<BTreeSet<crate::ir::Name>>,
    /// The data as written (a purpose's `uses`, a `receives` line's data).
    written: &'a [Ref],
    /// Where a finding points, and what it says there.
    at: crate::ir::Loc,
    what: String,
    waivers: &'a [crate::ir::Waiver],
}

/// What a condition comes to on a unit.
enum Verdict {
    Holds(String),
    Fails(String),
    /// The policy does not say enough to decide.
    Unknown,
}

/// The diagnostics of every organisation rule of the policy: invalid ids, then findings. Returns the
/// ids of the rules that could not be judged, so that their waivers are not reported as unused.
pub fn check(cx: &RuleCx, levels: &Levels, out: &mut Vec<Diagnostic>) -> BTreeSet<String> {
    let mut held_back = BTreeSet::new();
    let policy = cx.policy;
    for rule in &policy.org_rules {
        if let Some((message, help)) = id_problem(&rule.id) {
            out.push(
                Diagnostic::error(
                    INVALID_RULE_ID,
                    message,
                    Label::new(rule.loc.file, rule.loc.span, "this rule id"),
                )
                .with_help(help),
            );
            held_back.insert(rule.id.to_string());
            continue;
        }
        if rule.broken || !policy.unreadable.declarations.is_empty() {
            held_back.insert(rule.id.to_string());
            continue;
        }
        let level = level_for(levels, rule);
        let Some(severity) = level.severity() else {
            continue;
        };
        let mut seen = std::collections::HashSet::new();
        for unit in units(cx, rule) {
            let Some(reasons) = judge(cx, rule, &unit) else {
                continue;
            };
            if !seen.insert((unit.at.file, unit.at.span)) {
                continue;
            }
            out.push(finding(rule, severity, &unit, reasons));
        }
    }
    held_back
}

fn all_conditions(rule: &OrgRule) -> impl Iterator<Item = &OrgCondition> {
    rule.conditions.iter().chain(&rule.when).chain(&rule.unless)
}

fn units<'a>(cx: &RuleCx<'a>, rule: &OrgRule) -> Vec<Unit<'a>> {
    let unreadable = &cx.policy.unreadable;
    let attempted =
        |at: crate::ir::Loc, props: &[&str]| props.iter().any(|p| unreadable.attempted(at, p));
    const PURPOSE_PROPS: &[&str] = &["uses", "about", "basis", "condition", "retain"];
    const RECIPIENT_PROPS: &[&str] = &["receives", "role", "kind", "country"];
    if all_conditions(rule).any(|c| c.test.about_recipients()) {
        let mut out = Vec::new();
        for d in cx.disclosures() {
            if attempted(d.recipient.loc, RECIPIENT_PROPS) {
                continue;
            }
            let data = std::rc::Rc::new(d.data);
            let what = format!("what `{}` receives", d.recipient.name);
            let purposes: Vec<Option<&Purpose>> = if d.purposes.is_empty() {
                vec![None]
            } else {
                d.purposes.into_iter().map(Some).collect()
            };
            for p in purposes {
                if p.is_some_and(|p| attempted(p.loc, PURPOSE_PROPS)) {
                    continue;
                }
                out.push(Unit {
                    purpose: p,
                    recipient: Some(d.recipient),
                    data: data.clone(),
                    written: &d.receives.data,
                    at: d.receives.loc,
                    what: what.clone(),
                    waivers: &d.recipient.waivers,
                });
            }
        }
        return out;
    }
    cx.policy
        .purposes
        .iter()
        .filter(|p| !attempted(p.loc, PURPOSE_PROPS))
        .map(|p| Unit {
            purpose: Some(p),
            recipient: None,
            data: cx.used_closure(p),
            written: &p.uses,
            at: p.loc,
            what: format!("purpose `{}`", p.name),
            waivers: &p.waivers,
        })
        .collect()
}

/// The reasons a rule fires on a unit, or `None` when it does not (or cannot be decided).
fn judge<'a>(cx: &RuleCx<'a>, rule: &OrgRule, unit: &Unit<'a>) -> Option<Vec<String>> {
    let mut reasons = Vec::new();
    for c in &rule.when {
        match verdict(cx, &c.test, unit) {
            Verdict::Holds(r) => reasons.push(r),
            Verdict::Fails(_) | Verdict::Unknown => return None,
        }
    }
    for c in &rule.unless {
        match verdict(cx, &c.test, unit) {
            Verdict::Fails(_) => {}
            Verdict::Holds(_) | Verdict::Unknown => return None,
        }
    }
    match rule.mode {
        OrgMode::Forbid => {
            for c in &rule.conditions {
                match verdict(cx, &c.test, unit) {
                    Verdict::Holds(r) => reasons.push(r),
                    Verdict::Fails(_) | Verdict::Unknown => return None,
                }
            }
            Some(reasons)
        }
        OrgMode::Require => {
            let mut failed = Vec::new();
            for c in &rule.conditions {
                match verdict(cx, &c.test, unit) {
                    Verdict::Holds(_) => {}
                    Verdict::Fails(r) => failed.push(r),
                    Verdict::Unknown => return None,
                }
            }
            if failed.is_empty() {
                None
            } else {
                reasons.extend(failed);
                Some(reasons)
            }
        }
    }
}

fn names(refs: &[Ref]) -> String {
    refs.iter()
        .map(|r| format!("`{}`", plain(&r.name)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn verdict<'a>(cx: &RuleCx<'a>, test: &OrgTest, unit: &Unit<'a>) -> Verdict {
    let holds = |b: bool, yes: String, no: String| {
        if b {
            Verdict::Holds(yes)
        } else {
            Verdict::Fails(no)
        }
    };
    match test {
        OrgTest::Data(refs) => {
            let hit = refs.iter().find(|r| cx.data_counts_as(&unit.data, &r.name));
            match hit {
                Some(r) => {
                    let via = unit.written.iter().find(|w| {
                        w.name != r.name && cx.data_counts_as(&cx.closure_names(&w.name), &r.name)
                    });
                    let shown = match via {
                        Some(w) => format!(
                            "`{}` (which counts as `{}`)",
                            plain(&w.name),
                            plain(&r.name)
                        ),
                        None => format!("`{}`", plain(&r.name)),
                    };
                    Verdict::Holds(format!("uses {shown}"))
                }
                None => Verdict::Fails(format!("uses none of {}", names(refs))),
            }
        }
        OrgTest::SpecialData => {
            let hit = unit
                .written
                .iter()
                .find(|w| cx.data_has(&w.name, |d| d.special));
            match hit {
                Some(w) => {
                    Verdict::Holds(format!("uses special-category data (`{}`)", plain(&w.name)))
                }
                None => Verdict::Fails("uses no special-category data".into()),
            }
        }
        OrgTest::Recipient(refs)
        | OrgTest::Role(refs)
        | OrgTest::RecipientKind(refs)
        | OrgTest::Country(refs) => {
            let Some(r) = unit.recipient else {
                return Verdict::Unknown;
            };
            recipient_verdict(cx, test, refs, r)
        }
        OrgTest::ThirdCountry => {
            let Some(r) = unit.recipient else {
                return Verdict::Unknown;
            };
            let third = cx.third_countries(r);
            match third.first() {
                Some(p) => Verdict::Holds(format!(
                    "`{}` is in `{}`, outside the EEA",
                    r.name,
                    plain(p.name)
                )),
                None => Verdict::Fails(format!("`{}` is in no third country", r.name)),
            }
        }
        _ => {
            let Some(p) = unit.purpose else {
                return Verdict::Unknown;
            };
            purpose_verdict(cx, test, p, holds)
        }
    }
}

fn recipient_verdict<'a>(
    cx: &RuleCx<'a>,
    test: &OrgTest,
    refs: &[Ref],
    r: &'a Recipient,
) -> Verdict {
    let is = |name: &str| refs.iter().find(|x| x.name == name);
    let found: Option<String> = match test {
        OrgTest::Recipient(_) => refs
            .iter()
            .find(|x| x.name == r.name || r.vendor.as_ref().is_some_and(|v| v.name == x.name))
            .map(|x| format!("goes to `{}`", plain(&x.name))),
        OrgTest::Role(_) => r
            .roles
            .iter()
            .find_map(|role| is(&role.name))
            .map(|x| format!("`{}` is a `{}`", r.name, plain(&x.name))),
        OrgTest::RecipientKind(_) => r
            .kind
            .as_ref()
            .or_else(|| cx.vendor_of(r).and_then(|v| v.kind.as_ref()))
            .and_then(|k| is(&k.name))
            .map(|x| format!("`{}` is a `{}`", r.name, plain(&x.name))),
        OrgTest::Country(_) => cx
            .places(r)
            .iter()
            .find_map(|p| is(p.name))
            .map(|x| format!("`{}` is in `{}`", r.name, plain(&x.name))),
        _ => None,
    };
    match found {
        Some(s) => Verdict::Holds(s),
        None => Verdict::Fails(format!("`{}` matches none of {}", r.name, names(refs))),
    }
}

fn purpose_verdict(
    cx: &RuleCx,
    test: &OrgTest,
    p: &Purpose,
    holds: impl Fn(bool, String, String) -> Verdict,
) -> Verdict {
    match test {
        OrgTest::Purpose(refs) => match refs.iter().find(|r| cx.purpose_is(p, &r.name)) {
            Some(r) => Verdict::Holds(if r.name == p.name {
                format!("is the purpose `{}`", p.name)
            } else {
                format!("`{}` is `{}`", p.name, plain(&r.name))
            }),
            None => Verdict::Fails(format!("`{}` is none of {}", p.name, names(refs))),
        },
        OrgTest::Subject(refs) => match refs.iter().find(|r| cx.about_subject(p, &r.name)) {
            Some(r) => Verdict::Holds(format!("is about `{}`", plain(&r.name))),
            None => Verdict::Fails(format!("is about none of {}", names(refs))),
        },
        OrgTest::Children => holds(
            cx.about_children(p),
            "is about children".into(),
            "is not about children".into(),
        ),
        OrgTest::Basis(refs) => {
            let bases: Vec<&str> = cx.bases_of(p).collect();
            if p.written_bases > p.bases.len() {
                return Verdict::Unknown;
            }
            match refs.iter().find(|r| bases.contains(&r.name.as_str())) {
                Some(r) => Verdict::Holds(format!("rests on `{}`", plain(&r.name))),
                None => Verdict::Fails(format!("does not rest on {}", names(refs))),
            }
        }
        OrgTest::RetainAtMost(bound) => {
            if p.written_retention > p.retention.len() {
                return Verdict::Unknown;
            }
            if p.retention.is_empty() {
                return Verdict::Fails("states no retention".into());
            }
            for line in &p.retention {
                match cx.retention_at_most(line) {
                    Some(d) if d.approx_days() <= bound.approx_days() => {}
                    Some(d) => {
                        let written = line.retention.to_string();
                        let length = if written == d.to_string() {
                            String::new()
                        } else {
                            format!(" ({d})")
                        };
                        return Verdict::Fails(format!(
                            "keeps data for `{written}`{length}, longer than {bound}"
                        ));
                    }
                    None => {
                        return Verdict::Fails(format!(
                            "keeps data for `{}`{}: no upper bound",
                            line.retention,
                            line.qualifier
                                .map(|(q, _)| format!(" ({})", q.word()))
                                .unwrap_or_default()
                        ));
                    }
                }
            }
            Verdict::Holds(format!("keeps data at most {bound}"))
        }
        OrgTest::RetainAtLeast(bound) => {
            if p.written_retention > p.retention.len() {
                return Verdict::Unknown;
            }
            let long = p.retention.iter().find(|line| {
                cx.retention_at_most(line)
                    .is_none_or(|d| d.approx_days() >= bound.approx_days())
            });
            match long {
                Some(line) => Verdict::Holds(format!(
                    "keeps data for `{}`, {bound} or longer",
                    line.retention
                )),
                None => Verdict::Fails(format!("keeps no data for {bound} or longer")),
            }
        }
        _ => Verdict::Unknown,
    }
}

fn finding(rule: &OrgRule, severity: Severity, unit: &Unit, reasons: Vec<String>) -> Diagnostic {
    let said = rule
        .text
        .as_ref()
        .and_then(|t| t.any("en"))
        .map(|t| format!(": {t}"))
        .unwrap_or_default();
    let message = match rule.mode {
        OrgMode::Forbid => format!(
            "{} breaks the organisation rule `{}`{said}",
            unit.what, rule.id
        ),
        OrgMode::Require => format!(
            "{} does not meet the organisation rule `{}`{said}",
            unit.what, rule.id
        ),
    };
    let label = reasons.join("; ");
    let code = intern(&rule.id);
    let mut d = Diagnostic::new(code, severity, message, Label::new(unit.at.file, unit.at.span, label))
        .with_secondary(Label::new(
            rule.loc.file,
            rule.loc.span,
            format!("organisation rule `{}`", rule.id),
        ))
        .with_note(format!(
            "organisation rule ({}), not a legal requirement: `vern explain {}` with this policy describes it",
            rule.mode.keyword(),
            rule.id
        ))
        .with_help(format!(
            "change the processing, or accept it here with `waive {} \"reason\"`",
            rule.id
        ));
    d.waived = unit
        .waivers
        .iter()
        .find(|w| w.rule == rule.id)
        .map(|w| w.reason.clone());
    d
}

/// A condition as it is written: `data contact-details`, `retain at-most 3y`.
pub fn written(test: &OrgTest) -> String {
    let list = |refs: &[Ref]| {
        refs.iter()
            .map(|r| plain(&r.name).to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match test {
        OrgTest::Data(r) => format!("data {}", list(r)),
        OrgTest::SpecialData => "special-data".into(),
        OrgTest::Purpose(r) => format!("purpose {}", list(r)),
        OrgTest::Subject(r) => format!("subject {}", list(r)),
        OrgTest::Children => "children".into(),
        OrgTest::Basis(r) => format!("basis {}", list(r)),
        OrgTest::RetainAtMost(d) => format!("retain at-most {d}"),
        OrgTest::RetainAtLeast(d) => format!("retain at-least {d}"),
        OrgTest::Recipient(r) => format!("recipient {}", list(r)),
        OrgTest::Role(r) => format!("role {}", list(r)),
        OrgTest::RecipientKind(r) => format!("recipient-kind {}", list(r)),
        OrgTest::Country(r) => format!("country {}", list(r)),
        OrgTest::ThirdCountry => "third-country".into(),
    }
}

/// A condition in words: "uses `contact-details` (or data that refines or includes it)".
pub fn in_words(test: &OrgTest) -> String {
    let list = |refs: &[Ref], or: &str| {
        let n: Vec<String> = refs
            .iter()
            .map(|r| format!("`{}`", plain(&r.name)))
            .collect();
        match n.as_slice() {
            [one] => one.clone(),
            [init @ .., last] => format!("{} {or} {last}", init.join(", ")),
            [] => String::new(),
        }
    };
    match test {
        OrgTest::Data(r) => format!(
            "the processing uses {}, a category it includes, or a category that refines one of these",
            list(r, "or")
        ),
        OrgTest::SpecialData => "the processing uses special-category data".into(),
        OrgTest::Purpose(r) => format!(
            "the purpose is {} (or a purpose of that kind)",
            list(r, "or")
        ),
        OrgTest::Subject(r) => format!(
            "the purpose is about {} (or a group that refines it)",
            list(r, "or")
        ),
        OrgTest::Children => "the purpose is about children".into(),
        OrgTest::Basis(r) => format!("the purpose rests on {}", list(r, "or")),
        OrgTest::RetainAtMost(d) => format!("every retention of the purpose is at most {d}"),
        OrgTest::RetainAtLeast(d) => {
            format!("some retention of the purpose is {d} or longer, or has no upper bound")
        }
        OrgTest::Recipient(r) => format!("the data goes to {}", list(r, "or")),
        OrgTest::Role(r) => format!(
            "the data goes to a recipient whose role is {}",
            list(r, "or")
        ),
        OrgTest::RecipientKind(r) => {
            format!("the data goes to a recipient of the kind {}", list(r, "or"))
        }
        OrgTest::Country(r) => format!("the data goes to a recipient in {}", list(r, "or")),
        OrgTest::ThirdCountry => "the data goes to a recipient outside the EEA".into(),
    }
}

/// The explain page of an organisation rule, generated from its declaration. `place` says where it is
/// declared (`org-rules.vern:3`).
pub fn explain_page(rule: &OrgRule, place: &str) -> String {
    let text = rule
        .text
        .as_ref()
        .and_then(|t| t.any("en"))
        .unwrap_or("(the rule has no text)");
    let mut out = format!(
        "# {}\n\n{text}\n\nOrganisation rule (`{}`), declared at {place}. Default level: {} (group `{GROUP}`)\n\n## What it does\n",
        rule.id,
        rule.mode.keyword(),
        Level::from(rule.level).as_str(),
    );
    let on_recipients = all_conditions(rule).any(|c| c.test.about_recipients());
    let unit = if on_recipients {
        "each `receives` line of a recipient (once for each purpose it serves)"
    } else {
        "each purpose"
    };
    let bullets = |cs: &[OrgCondition]| {
        cs.iter()
            .map(|c| format!("- {} (`{}`)\n", in_words(&c.test), written(&c.test)))
            .collect::<String>()
    };
    match rule.mode {
        OrgMode::Forbid => out.push_str(&format!(
            "It reports {unit} where all of these hold:\n\n{}",
            bullets(&rule.conditions)
        )),
        OrgMode::Require => out.push_str(&format!(
            "It reports {unit} where any of these does not hold:\n\n{}",
            bullets(&rule.conditions)
        )),
    }
    if !rule.when.is_empty() {
        out.push_str(&format!(
            "\nIt applies only where all of these hold:\n\n{}",
            bullets(&rule.when)
        ));
    }
    if !rule.unless.is_empty() {
        out.push_str(&format!(
            "\nIt does not apply where any of these holds:\n\n{}",
            bullets(&rule.unless)
        ));
    }
    out.push_str("\n## Why\n");
    match rule.description.as_ref().and_then(|d| d.any("en")) {
        Some(d) => out.push_str(&format!("{d}\n")),
        None => out.push_str(
            "Your organisation's own policy; the rule states no `description` of its reasons.\n",
        ),
    }
    out.push_str(&format!(
        "\n## Accepting a finding\n`waive {id} \"reason\"` on the declaration a finding points at; `{id} = \"warn\"` (or \
         `allow`) under `[rules]` in `vern.toml` changes its level, and `{GROUP} = \"...\"` the level of \
         every organisation rule.\n",
        id = rule.id
    ));
    out
}
