//! Stage 3, check: the resolved policy against the law.
//!
//! Input: `resolve::Resolved` and a `CheckConfig` (the evaluation date and the user's rule levels).
//! Output: every diagnostic of the policy: the earlier stages' first, then the rules' findings, with
//! the user's levels applied and waivers marked. Rules read legal facts from the vocabulary in scope
//! (the stdlib), never from Rust code; dated rules use the evaluation date, never the policy's own.

pub mod catalog;
pub mod config;
pub mod context;
pub mod evidence;
pub mod explain;
pub mod org;
pub mod rule;
pub mod rules;
pub mod translation;

use std::collections::BTreeMap;

use crate::db::{Db, SourceFile};
use crate::diagnostic::Diagnostic;
use crate::resolve::resolve_policy;

pub use config::Levels;
pub use context::RuleCx;
pub use rule::{ANYWHERE, BROKEN, Fact, Findings, Level, Reach, Rule};

/// What a check depends on besides the sources: an input, so the language server can change it.
#[salsa::input(debug)]
pub struct CheckConfig {
    /// The evaluation date for every dated fact.
    pub as_of: crate::ir::Date,
    /// Levels by rule id or group, from `vern.toml`.
    #[returns(ref)]
    pub levels: BTreeMap<String, Level>,
}

impl CheckConfig {
    pub fn with_date(db: &dyn Db, as_of: crate::ir::Date) -> CheckConfig {
        CheckConfig::new(db, as_of, BTreeMap::new())
    }
}

// `no_eq`: nothing depends on the findings but the outputs, which read them anyway.
#[salsa::tracked(returns(ref), no_eq)]
pub fn check_policy(db: &dyn Db, root: SourceFile, config: CheckConfig) -> Vec<Diagnostic> {
    let resolved = resolve_policy(db, root);
    let mut out = resolved.diagnostics.clone();
    let cx = RuleCx::new(&resolved.policy, &resolved.policy.vocab, *config.as_of(db));
    let whole = resolved.policy.meta.is_some();
    let levels = config.levels(db);
    let mut held_back = std::collections::BTreeSet::new();
    for rule in rules::RULES {
        if rule.reach == Reach::Policy && !whole {
            continue;
        }
        // The evidence rules run in `evidence::check`, when evidence is given.
        if rule.group == evidence::GROUP {
            held_back.insert(rule.id);
            continue;
        }
        let level = config::level_for(levels, rule);
        let Some(severity) = level.severity() else {
            continue;
        };
        let legal = cx.legal_reference(rule.legal, rule.national).to_string();
        let mut findings = Findings::with_legal(rule, legal);
        (rule.check)(&cx, &mut findings);
        let unreadable = &resolved.policy.unreadable;
        let anywhere = rule.absent.iter().filter_map(|p| p.strip_prefix(ANYWHERE));
        if rule.absent.contains(&BROKEN) && !unreadable.declarations.is_empty()
            || anywhere
                .into_iter()
                .any(|p| unreadable.attempted_anywhere(p))
        {
            held_back.insert(rule.id);
            continue;
        }
        for mut d in findings.out {
            let at = crate::ir::Loc {
                file: d.primary.file,
                span: d.primary.span,
            };
            if rule.absent.iter().any(|p| unreadable.attempted(at, p)) {
                held_back.insert(rule.id);
                continue;
            }
            if level != Level::of(rule.default) {
                d.severity = severity;
            }
            out.push(d);
        }
    }
    let org_held_back = org::check(&cx, levels, &mut out);
    held_back.extend(
        resolved
            .policy
            .org_rules
            .iter()
            .filter(|r| org_held_back.contains(r.id.as_str()))
            .map(|r| r.id.as_str()),
    );
    out.extend(translation::declared(db, &resolved.policy));
    let waivers = config::waiver_diagnostics(&resolved.policy, &out, &held_back);
    out.extend(waivers.into_iter().map(|d| removal_fix(db, d)));
    dedup(&mut out);
    out
}

/// An unused waiver alone on its line (a comment after it may stay on the line) is removed with its
/// line: it accepts no finding, so removing it changes nothing the policy says.
fn removal_fix(db: &dyn Db, d: Diagnostic) -> Diagnostic {
    if d.code != crate::diagnostic::codes::UNUSED_WAIVER {
        return d;
    }
    let text = d.primary.file.text(db);
    let span = d.primary.span;
    let line_start = text[..span.start()].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end()..]
        .find('\n')
        .map_or(text.len(), |i| span.end() + i + 1);
    let before = &text[line_start..span.start()];
    let after = text[span.end()..line_end].trim();
    if !before.trim().is_empty() || !(after.is_empty() || after.starts_with("//")) {
        return d;
    }
    let edit = crate::diagnostic::Edit {
        file: d.primary.file,
        span: crate::syntax::ast::Span::new(line_start, line_end),
        text: String::new(),
    };
    d.with_mechanical_fix("Remove the unused waiver", edit)
}

fn dedup(diags: &mut Vec<Diagnostic>) {
    // Decided over references, then applied: a policy has hundreds of findings, each a handful of
    // strings, and cloning each to remember it cost more than the comparison.
    let mut seen = rustc_hash::FxHashSet::default();
    let keep: Vec<bool> = diags.iter().map(|d| seen.insert(d)).collect();
    drop(seen);
    let mut keep = keep.into_iter();
    diags.retain(|_| keep.next().unwrap_or(true));
}
