//! `right-withheld-from-subject`: a right that a purpose's basis requires is granted only to other
//! groups of data subjects than the ones the purpose processes.
//!
//! A line of the `rights` block may be scoped (`portability for student`). The rights a purpose owes
//! are the same as for `rights-incomplete-for-basis` (the `requires-rights` of its bases and Art. 9(2)
//! conditions, the rights every basis requires when it names none, the Art. 22 right for a significant
//! automated decision) plus the right to object to direct marketing when it markets directly. Each must
//! reach every subject the purpose is `about`. A right not listed at all is left to
//! `rights-incomplete-for-basis` (and `direct-marketing-objection-missing`); a right listed without
//! `for` reaches everyone, so a policy with no scopes is never reported. The right to withdraw consent
//! is not owed where the consent basis says how to withdraw (`withdraw`).

use crate::check::{BROKEN, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Applicability, Edit, Fix, Severity};
use crate::ir::{AutomatedDecision, Loc, Purpose, Ref};
use crate::sema::plain;
use crate::syntax::ast::Span;

pub static RULE: Rule = Rule {
    id: "right-withheld-from-subject",
    group: "rights",
    default: Severity::Error,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &[BROKEN],
    summary: "a right a purpose's basis requires is granted only to other groups of data subjects",
    legal: "GDPR Art. 12(2), 13(2)(b)-(d), 15-18, 20, 21, 22",
    explain: include_str!("../../../docs/rules/right-withheld-from-subject.md"),
    check,
};

const AUTOMATED_DECISIONS: &str = "automated-decisions";
const OBJECT_DM: &str = "object-direct-marketing";

/// The rights `purpose` owes, each with the place that requires it and why.
fn owed<'a>(cx: &RuleCx<'a>, purpose: &'a Purpose) -> Vec<(String, Loc, String)> {
    let mut out: Vec<(String, Loc, String)> = Vec::new();
    let mut push = |right: &str, loc: Loc, because: String| {
        if !out.iter().any(|(r, _, _)| r == right) {
            out.push((right.to_string(), loc, because));
        }
    };
    for b in &purpose.bases {
        let Some(def) = cx.basis(&b.basis.name) else {
            continue;
        };
        let own_withdraw = b.withdraw.as_ref().is_some_and(|t| !t.is_empty());
        for r in &def.requires_rights {
            if own_withdraw && cx.is_withdrawal_right(&r.name) {
                continue;
            }
            push(plain(&r.name), b.basis.loc, format!("`{}`", b.basis.name));
        }
    }
    for c in &purpose.conditions {
        if let Some(def) = cx.basis(&c.basis.name) {
            for r in &def.requires_rights {
                push(plain(&r.name), c.basis.loc, format!("`{}`", c.basis.name));
            }
        }
    }
    if purpose.bases.is_empty() && purpose.conditions.is_empty() && purpose.written_bases == 0 {
        for r in cx.rights_every_basis_requires() {
            push(plain(r), purpose.loc, "any legal basis".to_string());
        }
    }
    if let Some(AutomatedDecision::Significant { loc, .. }) = &purpose.automated_decision {
        let at = Loc {
            file: loc.file,
            span: Span::new(
                loc.span.start(),
                loc.span.start() + "automated-decision".len(),
            ),
        };
        push(
            AUTOMATED_DECISIONS,
            at,
            "the automated decision".to_string(),
        );
    }
    if let Some(dm) = &purpose.direct_marketing {
        push(OBJECT_DM, dm.loc, "direct marketing".to_string());
    } else if cx.traits(purpose).direct_marketing {
        push(OBJECT_DM, purpose.loc, "direct marketing".to_string());
    }
    out
}

fn check(cx: &RuleCx, out: &mut Findings) {
    let Some(rights) = &cx.policy.rights else {
        return;
    };
    if !cx.rights_scoped() {
        return;
    }
    for purpose in &cx.policy.purposes {
        for (right, loc, because) in owed(cx, purpose) {
            let Some(missing) = cx.right_withheld_from(&right, purpose) else {
                continue;
            };
            let lines: Vec<_> = rights
                .rights
                .iter()
                .filter(|s| plain(&s.right.name) == right)
                .collect();
            let granted: Vec<String> = lines
                .iter()
                .flat_map(|s| s.subjects.iter().map(|g| format!("`{}`", g.name)))
                .collect();
            let names: Vec<String> = missing.iter().map(|s| format!("`{}`", s.name)).collect();
            let (message, primary) = if missing.is_empty() {
                (
                    format!(
                        "purpose `{}` does not say whose data it processes, and `{right}` is granted only to {}",
                        purpose.name,
                        granted.join(", ")
                    ),
                    RuleCx::label(purpose.loc, "no `about`"),
                )
            } else {
                (
                    format!(
                        "purpose `{}` processes the data of {} under {because}, which requires `{right}`, but the rights grant it only to {}",
                        purpose.name,
                        names.join(", "),
                        granted.join(", ")
                    ),
                    RuleCx::label(missing[0].loc, format!("`{right}` is not granted to them")),
                )
            };
            let d = out.add(&purpose.waivers, message, primary);
            d.secondary
                .push(RuleCx::label(loc, format!("{because} requires `{right}`")));
            for s in &lines {
                d.secondary.push(RuleCx::label(
                    s.loc,
                    format!("`{right}` is granted only to these groups"),
                ));
            }
            let add: Vec<&str> = missing.iter().map(|s| s.name.as_str()).collect();
            if let (Some(line), false) = (lines.last(), add.is_empty()) {
                if let Some(last) = line.subjects.last() {
                    d.fixes.push(fix(&right, last, &add));
                }
                d.help = Some(format!(
                    "grant `{right}` to {} too (`{right} for {}, {}`), or to everyone by removing `for`",
                    names.join(", "),
                    line.subjects
                        .iter()
                        .map(|g| g.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    add.join(", ")
                ));
            } else {
                d.help = Some(format!(
                    "add `about SUBJECT, ...` to purpose `{}`, or grant `{right}` to everyone by removing `for`",
                    purpose.name
                ));
            }
        }
    }
}

/// Adds the subjects to the end of the right's `for` list.
fn fix(right: &str, last: &Ref, add: &[&str]) -> Fix {
    Fix {
        title: format!("Grant `{right}` to {} too", add.join(", ")),
        edits: vec![Edit {
            file: last.loc.file,
            span: Span::new(last.loc.span.end(), last.loc.span.end()),
            text: add.iter().map(|s| format!(", {s}")).collect(),
        }],
        applicability: Applicability::Statement,
    }
}

#[cfg(test)]
mod tests {
    use crate::check::CheckConfig;
    use crate::db::Database;

    #[test]
    fn the_fix_grants_the_right_to_the_missing_group() {
        let text = "use std.no\npurpose courses {\n  uses name\n  about student, teacher\n  basis contract\n}\nrights {\n  access\n  portability for student\n}\n";
        let mut db = Database::new();
        let file = db.set_file("p.vern", text.to_string());
        let date = crate::ir::Date::constant(2026, 11, 22);
        let diags = crate::ide::diagnostics_for(&db, file, CheckConfig::with_date(&db, date));
        let d = diags
            .iter()
            .find(|d| d.code == super::RULE.id)
            .unwrap_or_else(|| panic!("no finding in {diags:?}"));
        let edit = &d.fixes[0].edits[0];
        let mut fixed = text.to_string();
        fixed.replace_range(edit.span.range(), &edit.text);
        assert!(
            fixed.contains("portability for student, teacher\n"),
            "{fixed}"
        );
    }
}
