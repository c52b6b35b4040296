//! Rule levels the user sets in `vern.toml`, and the checks on waivers.
//!
//! ```toml
//! [rules]
//! transfers = "deny"                        # a whole group
//! statutory-contractual-requirement-missing = "allow"
//! ```
//! A rule's own entry wins over its group's; without either, the rule's default applies.

use std::collections::BTreeMap;

use super::rule::{Level, Rule};
use super::rules::RULES;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::ir::{Policy, Waiver};

pub type Levels = BTreeMap<String, Level>;

use crate::diagnostic::codes::{UNKNOWN_RULE, UNUSED_WAIVER};

pub fn level_for(levels: &Levels, rule: &Rule) -> Level {
    levels
        .get(rule.id)
        .or_else(|| levels.get(rule.group))
        .copied()
        .unwrap_or(Level::of(rule.default))
}

/// The groups rules belong to.
pub fn groups() -> Vec<&'static str> {
    let mut g: Vec<&str> = RULES.iter().map(|r| r.group).collect();
    g.sort_unstable();
    g.dedup();
    g
}

/// Parses the `[rules]` table of a `vern.toml`: `Ok(levels)` or the errors found, one per key.
pub fn parse_levels(table: &toml::Table) -> Result<Levels, Vec<String>> {
    let mut levels = Levels::new();
    let mut errors = Vec::new();
    let Some(rules) = table.get("rules") else {
        return Ok(levels);
    };
    let Some(rules) = rules.as_table() else {
        return Err(vec!["`rules` must be a table: `[rules]`".into()]);
    };
    let groups = groups();
    for (key, value) in rules {
        let known = RULES.iter().any(|r| r.id == key)
            || groups.contains(&key.as_str())
            || key == super::org::GROUP;
        // An organisation rule is declared in the policy, which is not read yet: a kebab-case key
        // that is no near miss of a built-in rule or group is taken for one.
        let near_miss = || {
            crate::resolve::scope::did_you_mean(
                key,
                RULES.iter().map(|r| r.id).chain(groups.iter().copied()),
            )
            .is_some()
        };
        if !known && (!super::org::is_kebab(key) || near_miss()) {
            let candidates = RULES.iter().map(|r| r.id).chain(groups.iter().copied());
            let hint = crate::resolve::scope::did_you_mean(key, candidates)
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            errors.push(format!(
                "`{key}` in [rules] is neither a rule nor a group{hint}"
            ));
            continue;
        }
        match value.as_str().and_then(Level::parse) {
            Some(level) => {
                levels.insert(key.clone(), level);
            }
            None => errors.push(format!(
                "[rules] {key}: the level must be \"allow\", \"info\", \"warn\" or \"deny\""
            )),
        }
    }
    if errors.is_empty() {
        Ok(levels)
    } else {
        Err(errors)
    }
}

/// The keys of `[rules]` that name no built-in rule or group and none of `org_ids` (the organisation
/// rules of the policies checked), each with a did-you-mean hint. `parse_levels` takes such a key for
/// an organisation rule, since it cannot know the policy; the caller that knows it reports them.
pub fn unknown_level_keys(
    levels: &Levels,
    org_ids: &std::collections::BTreeSet<String>,
) -> Vec<String> {
    let groups = groups();
    levels
        .keys()
        .filter(|k| {
            !RULES.iter().any(|r| r.id == k.as_str())
                && !groups.contains(&k.as_str())
                && k.as_str() != super::org::GROUP
                && !org_ids.contains(k.as_str())
        })
        .map(|k| {
            let hint = crate::resolve::scope::did_you_mean(k, org_ids.iter().map(String::as_str))
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            format!(
                "`{k}` in [rules] is neither a rule nor a group, nor an organisation rule (`forbid`, `require`) of the policies checked{hint}"
            )
        })
        .collect()
}

fn all_waivers(policy: &Policy) -> Vec<&Waiver> {
    let mut out: Vec<&Waiver> = Vec::new();
    out.extend(policy.meta.iter().flat_map(|m| &m.waivers));
    out.extend(policy.controller.iter().flat_map(|c| &c.waivers));
    out.extend(policy.purposes.iter().flat_map(|p| &p.waivers));
    out.extend(policy.recipients.iter().flat_map(|r| &r.waivers));
    out.extend(policy.cookies.iter().flat_map(|c| &c.waivers));
    out.extend(policy.rights.iter().flat_map(|r| &r.waivers));
    out.extend(
        policy
            .data
            .iter()
            .filter_map(|d| policy.vocab.data.get(d))
            .filter(|d| d.entry.module.is_none())
            .flat_map(|d| &d.waivers),
    );
    out.extend(
        policy
            .subjects
            .iter()
            .filter_map(|s| policy.vocab.subjects.get(s))
            .filter(|s| s.entry.module.is_none())
            .flat_map(|s| &s.waivers),
    );
    out
}

/// `unknown-rule` for a waiver naming no rule, `unused-waiver` for one that waives nothing.
/// `held_back`: rules that made no finding because part of the policy could not be read; a waiver of
/// one of them may well be needed once the error is fixed.
pub fn waiver_diagnostics(
    policy: &Policy,
    findings: &[Diagnostic],
    held_back: &std::collections::BTreeSet<&str>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for w in all_waivers(policy) {
        let label = Label::new(w.loc.file, w.loc.span, "this waiver");
        if !RULES.iter().any(|r| r.id == w.rule) && !policy.org_rules.iter().any(|r| r.id == w.rule)
        {
            let hint = crate::resolve::scope::did_you_mean(&w.rule, RULES.iter().map(|r| r.id));
            out.push(
                Diagnostic::error(UNKNOWN_RULE, format!("unknown rule `{}`", w.rule), label)
                    .with_help(hint.map_or_else(
                        || "`vern rules` lists the rules".into(),
                        |h| format!("did you mean `{h}`?"),
                    )),
            );
            continue;
        }
        let used = findings
            .iter()
            .any(|d| d.code == w.rule && d.waived.as_deref() == Some(w.reason.as_str()));
        if !used && !held_back.contains(w.rule.as_str()) {
            out.push(
                Diagnostic::new(
                    UNUSED_WAIVER,
                    Severity::Warning,
                    format!(
                        "`{}` does not fire here, so the waiver is not needed",
                        w.rule
                    ),
                    label,
                )
                .with_help("remove the waiver, so that it cannot hide a future finding"),
            );
        }
    }
    out
}
