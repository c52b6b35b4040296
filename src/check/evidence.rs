//! The evidence pass: the `evidence-*` rules compare what a website was observed to do (HAR files,
//! `inspection.json`; see `crate::evidence`) with what the policy declares.
//!
//! The rules are in the catalog like every other (ids, levels from `vern.toml`, explain pages,
//! waivers), but they need evidence, which `check_policy` does not have: there they are held back, so
//! a waiver of one is never called unused for want of evidence, and this pass runs them when
//! `vern check --evidence` gives some. Findings point at the evidence (a HAR entry, an inspection
//! key); the policy's declaration is the secondary label.

use super::rule::{BROKEN, Findings, Level};
use super::{CheckConfig, RuleCx, config, rules};
use crate::db::{Db, SourceFile};
use crate::diagnostic::Diagnostic;
use crate::evidence::Evidence;
use crate::ir::Cookie;
use crate::resolve::resolve_policy;

/// The group of the evidence rules.
pub const GROUP: &str = "evidence";

/// What an evidence rule does with the evidence.
pub type EvidenceCheck = fn(&RuleCx, &Evidence, &mut Findings);

/// The `check` of an evidence rule in the ordinary pass: without evidence there is nothing to find.
pub fn needs_evidence(_: &RuleCx, _: &mut Findings) {}

/// The evidence rules' findings for one policy (none for a fragment without a `policy`).
pub fn check(
    db: &dyn Db,
    root: SourceFile,
    config: CheckConfig,
    evidence: &Evidence,
) -> Vec<Diagnostic> {
    let resolved = resolve_policy(db, root);
    if resolved.policy.meta.is_none() || evidence.files.is_empty() {
        return Vec::new();
    }
    let cx = RuleCx::new(&resolved.policy, &resolved.policy.vocab, *config.as_of(db));
    let levels = config.levels(db);
    let mut out = Vec::new();
    for (rule, run) in rules::EVIDENCE {
        let level = config::level_for(levels, rule);
        let Some(severity) = level.severity() else {
            continue;
        };
        // A declaration that did not parse may be the one that declares what was observed.
        if rule.absent.contains(&BROKEN) && !resolved.policy.unreadable.declarations.is_empty() {
            continue;
        }
        let legal = cx.legal_reference(rule.legal, rule.national).to_string();
        let mut findings = Findings::with_legal(rule, legal);
        run(&cx, evidence, &mut findings);
        for mut d in findings.out {
            if level != Level::of(rule.default) {
                d.severity = severity;
            }
            out.push(d);
        }
    }
    out.extend(unused_waivers(&resolved.policy, &out, levels));
    out
}

/// With evidence given, a waiver of an evidence rule that waived nothing is unused, as any other
/// (the ordinary pass holds them back, having no evidence to judge by).
fn unused_waivers(
    policy: &crate::ir::Policy,
    findings: &[Diagnostic],
    levels: &super::Levels,
) -> Vec<Diagnostic> {
    let waivers = policy
        .meta
        .iter()
        .flat_map(|m| &m.waivers)
        .chain(policy.cookies.iter().flat_map(|c| &c.waivers))
        .chain(policy.recipients.iter().flat_map(|r| &r.waivers));
    let mut out = Vec::new();
    for w in waivers {
        let Some((rule, _)) = rules::EVIDENCE.iter().find(|(r, _)| r.id == w.rule) else {
            continue;
        };
        let used = findings
            .iter()
            .any(|d| d.code == w.rule && d.waived.as_deref() == Some(w.reason.as_str()));
        if used || config::level_for(levels, rule) == Level::Allow {
            continue;
        }
        out.push(
            Diagnostic::warning(
                crate::diagnostic::codes::UNUSED_WAIVER,
                format!(
                    "`{}` does not fire on this evidence, so the waiver is not needed",
                    w.rule
                ),
                crate::diagnostic::Label::new(w.loc.file, w.loc.span, "this waiver"),
            )
            .with_help("remove the waiver, so that it cannot hide a future finding"),
        );
    }
    out
}

/// Adds the evidence findings of every root to `diags`, each once, in the stable order.
pub fn extend(
    db: &crate::db::Database,
    roots: &[SourceFile],
    config: CheckConfig,
    evidence: &Evidence,
    diags: &mut Vec<Diagnostic>,
) {
    for &root in roots {
        for d in check(db, root, config, evidence) {
            if !diags.contains(&d) {
                diags.push(d);
            }
        }
    }
    crate::diagnostic::sort(db, diags);
}

/// The cookie declaration an observed cookie or storage key is.
///
/// A declaration names the cookies it covers by its own name, or by the names written in brackets
/// or backticks in its label (`cookie meta-pixel-cookie "Meta pixel (_fbp)"`); a name ending in `*`
/// is a prefix (`_hjSessionUser_*`). Interim: when declarations can name their cookies as strings
/// (the cookie registry), this function reads that instead.
pub fn declared_cookie<'a>(cx: &RuleCx<'a>, name: &str) -> Option<&'a Cookie> {
    cx.policy
        .cookies
        .iter()
        .find(|c| cookie_names(c).iter().any(|p| name_matches(p, name)))
}

/// The cookie names a declaration covers (see [`declared_cookie`]).
pub fn cookie_names(c: &Cookie) -> Vec<String> {
    let mut names = vec![c.name.to_string()];
    for text in c.label.iter() {
        for s in text.by_lang.values() {
            for name in bracketed(s) {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
    }
    names
}

/// The words inside `(...)` and `` `...` `` of a text, split at commas and spaces.
fn bracketed(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside: Option<char> = None;
    let mut current = String::new();
    for ch in s.chars() {
        match (inside, ch) {
            (None, '(') => inside = Some(')'),
            (None, '`') => inside = Some('`'),
            (Some(close), c) if c == close => {
                out.extend(words(&current));
                current.clear();
                inside = None;
            }
            (Some(_), c) => current.push(c),
            (None, _) => {}
        }
    }
    out
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .map(|w| w.trim_matches(|c| c == '`' || c == '"' || c == '\''))
        .filter(|w| !w.is_empty() && *w != "og" && *w != "and" && *w != "*")
        .map(str::to_string)
        .collect()
}

/// Whether a declared name (or `prefix*`) covers an observed name.
fn name_matches(pattern: &str, observed: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => !prefix.is_empty() && observed.starts_with(prefix),
        None => pattern == observed,
    }
}

/// Days, rounded down, for messages.
pub fn days(secs: i64) -> i64 {
    secs.div_euclid(86_400)
}

/// The upper bound of a declared lifetime in seconds: a month counted as 31 days, plus a day's
/// tolerance for clocks and rounding.
pub fn declared_secs(d: crate::syntax::ast::Duration) -> i64 {
    (i64::from(d.months) * 31 + i64::from(d.days) + 1) * 86_400
}

/// The third-party requests of a file grouped by the stdlib vendor their host belongs to (through
/// the registry), in order of first request: the vendor, the first request, and how many there were.
pub fn vendor_requests<'f>(
    cx: &RuleCx,
    file: &'f crate::evidence::EvidenceFile,
) -> Vec<(String, &'f crate::evidence::ObservedRequest, usize)> {
    let mut out: Vec<(String, &crate::evidence::ObservedRequest, usize)> = Vec::new();
    for r in &file.requests {
        if r.first_party == Some(true) {
            continue;
        }
        let Some(vendor) = crate::evidence::registry::vendor_of_host(cx.vocab, &r.host) else {
            continue;
        };
        match out.iter_mut().find(|(v, _, _)| *v == vendor) {
            Some(entry) => entry.2 += 1,
            None => out.push((vendor, r, 1)),
        }
    }
    out
}

/// Each vendor once, over all the evidence files: the file and first request it was seen in, and how
/// many requests that file sends it. (The rules that report a vendor report it once.)
pub fn first_vendor_requests<'e>(
    cx: &RuleCx,
    evidence: &'e crate::evidence::Evidence,
) -> Vec<(
    String,
    &'e crate::evidence::EvidenceFile,
    &'e crate::evidence::ObservedRequest,
    usize,
)> {
    let mut out: Vec<(String, _, _, usize)> = Vec::new();
    for file in &evidence.files {
        for (vendor, request, count) in vendor_requests(cx, file) {
            if !out.iter().any(|(v, ..)| *v == vendor) {
                out.push((vendor, file, request, count));
            }
        }
    }
    out
}

/// The policy's recipients that are the stdlib vendor `vendor`.
pub fn recipients_of<'a>(cx: &RuleCx<'a>, vendor: &str) -> Vec<&'a crate::ir::Recipient> {
    cx.policy
        .recipients
        .iter()
        .filter(|r| {
            r.vendor
                .as_ref()
                .is_some_and(|v| crate::sema::plain(&v.name) == vendor)
        })
        .collect()
}

/// The label of the `policy` declaration, the related place of a finding about something the
/// policy does not declare at all.
pub fn policy_label(cx: &RuleCx, message: impl Into<String>) -> Option<crate::diagnostic::Label> {
    cx.policy
        .meta
        .as_ref()
        .map(|m| RuleCx::label(m.loc, message))
}

/// The primary label of an observation: its place in the evidence file.
pub fn evidence_label(
    file: &crate::evidence::EvidenceFile,
    at: &crate::evidence::Place,
    message: impl Into<String>,
) -> crate::diagnostic::Label {
    crate::diagnostic::Label::new(file.file, at.span, message)
}

/// The evidence (a ```json HAR block) of an explain page's section, if it has one: the Example of an
/// evidence rule is a policy and what a visit to its website recorded.
pub fn evidence_under(markdown: &str, heading: &str) -> Option<String> {
    let start = markdown.find(&format!("## {heading}\n"))?;
    let rest = &markdown[start + 3..];
    let section = &rest[..rest.find("\n## ").unwrap_or(rest.len())];
    let open = section.find("```json\n")? + "```json\n".len();
    let close = section[open..].find("```")?;
    Some(section[open..open + close].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_labels() {
        assert_eq!(bracketed("Google Analytics (_ga)"), ["_ga"]);
        assert_eq!(
            bracketed("Hotjar (`_hjSessionUser_*`, _hjSession_*)"),
            ["_hjSessionUser_*", "_hjSession_*"].map(String::from)
        );
        assert_eq!(bracketed("`_fbp` og `_fbc`"), ["_fbp", "_fbc"]);
        assert!(name_matches("_hjSessionUser_*", "_hjSessionUser_3512"));
        assert!(!name_matches("*", "anything"));
        assert!(!name_matches("_ga", "_gat"));
    }
}
