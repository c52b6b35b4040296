//! `rights-incomplete-for-basis`: a right required by a legal basis in use is not stated.
//!
//! The required rights are the `requires-rights` of every basis the purposes use (Art. 6 bases and
//! Art. 9(2) conditions; the rights × basis matrix of std.gdpr), plus the Art. 22 right where a purpose
//! declares a significant automated decision. Rights other rules report are left to them: the right to
//! complain (`complaint-right-missing`), the right to withdraw consent (`consent-withdrawal-missing`,
//! which also accepts each purpose's own `withdraw`), and the right to object to direct marketing
//! (`direct-marketing-objection-missing`; no basis requires it).

use crate::check::{BROKEN, Fact, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::{AutomatedDecision, Loc};
use crate::lang::Kind;
use crate::sema::plain;
use crate::syntax::ast::Span;

pub static RULE: Rule = Rule {
    id: "rights-incomplete-for-basis",
    group: "rights",
    default: Severity::Error,
    reach: Reach::Policy,
    national: &[],
    facts: &[Fact::Term(Kind::Right, "automated-decisions")],
    absent: &[BROKEN],
    summary: "a right required by a legal basis in use is not stated",
    legal: "GDPR Art. 13(2)(b)-(d), 15-18, 20, 21, 22, 77",
    explain: include_str!("../../../docs/rules/rights-incomplete-for-basis.md"),
    check,
};

/// The stdlib right of Art. 22, required where a significant automated decision is declared.
const AUTOMATED_DECISIONS: &str = "automated-decisions";
/// The right a `complaint to AUTHORITY` line states; `complaint-right-missing` reports it.
const COMPLAINT: &str = "complaint";

/// A required right and the declaration that requires it.
struct Need {
    right: String,
    loc: Loc,
    because: String,
    /// Required by an automated decision rather than a basis.
    adm: bool,
}

fn check(cx: &RuleCx, out: &mut Findings) {
    let listed: Vec<&str> = cx.rights_listed().into_iter().map(plain).collect();
    let mut needs: Vec<Need> = Vec::new();
    for purpose in &cx.policy.purposes {
        let bases = purpose
            .bases
            .iter()
            .map(|b| &b.basis)
            .chain(purpose.conditions.iter().map(|c| &c.basis));
        for basis in bases {
            let loc = basis.loc;
            let Some(b) = cx.basis(&basis.name) else {
                continue;
            };
            for r in &b.requires_rights {
                needs.push(Need {
                    right: plain(&r.name).to_string(),
                    loc,
                    because: format!("`{}`", basis.name),
                    adm: false,
                });
            }
        }
        // A purpose that names no basis (`purpose-without-legal-basis`) still owes the rights that
        // every basis requires.
        if purpose.bases.is_empty() && purpose.conditions.is_empty() && purpose.written_bases == 0 {
            for right in cx.rights_every_basis_requires() {
                needs.push(Need {
                    right: plain(right).to_string(),
                    loc: purpose.loc,
                    because: format!(
                        "purpose `{}` names no legal basis, but every basis",
                        purpose.name
                    ),
                    adm: false,
                });
            }
        }
        if let Some(AutomatedDecision::Significant { loc, .. }) = &purpose.automated_decision {
            let loc = Loc {
                file: loc.file,
                span: Span::new(
                    loc.span.start(),
                    loc.span.start() + "automated-decision".len(),
                ),
            };
            needs.push(Need {
                right: AUTOMATED_DECISIONS.to_string(),
                loc,
                because: "this automated decision".to_string(),
                adm: true,
            });
        }
    }
    needs.retain(|n| {
        !listed.contains(&n.right.as_str())
            && n.right != COMPLAINT
            && !cx.is_withdrawal_right(&n.right)
    });
    if needs.is_empty() {
        return;
    }

    // The missing rights in the order first required, and the first place that requires each.
    let mut missing: Vec<&Need> = Vec::new();
    for n in &needs {
        if !missing.iter().any(|m| m.right == n.right) {
            missing.push(n);
        }
    }
    let names: Vec<String> = missing.iter().map(|n| format!("`{}`", n.right)).collect();
    let (waivers, primary) = match (&cx.policy.rights, &cx.policy.meta) {
        (Some(rights), _) => (
            &rights.waivers[..],
            RuleCx::label(rights.loc, format!("no {}", join_or(&names))),
        ),
        (None, Some(meta)) => (&[][..], RuleCx::label(meta.loc, "no `rights` block")),
        (None, None) => return,
    };
    let by = match (
        missing.iter().any(|n| !n.adm),
        missing.iter().any(|n| n.adm),
    ) {
        (true, true) => "the legal bases and automated decisions in use require",
        (false, true) => "the automated decisions declared require",
        _ => "the legal bases in use require",
    };
    let d = out.add(
        waivers,
        format!("the rights omit {}, which {by}", join(&names)),
        primary,
    );
    if let Some(close) = cx.policy.rights.as_ref().and_then(|r| r.close) {
        let mut lines: Vec<String> = missing.iter().map(|n| format!("  {}\n", n.right)).collect();
        lines.dedup();
        d.fixes.push(crate::diagnostic::Fix {
            title: format!("Add {} to the rights", join(&names)),
            edits: vec![crate::diagnostic::Edit {
                file: close.file,
                span: crate::syntax::ast::Span::new(close.span.start(), close.span.start()),
                text: lines.concat(),
            }],
            applicability: crate::diagnostic::Applicability::Statement,
        });
    }
    // One secondary label per requiring declaration, naming what it requires.
    let mut places: Vec<(Loc, String, Vec<String>)> = Vec::new();
    for n in &missing {
        let right = format!("`{}`", n.right);
        match places.iter_mut().find(|(loc, _, _)| *loc == n.loc) {
            Some((_, _, rights)) => rights.push(right),
            None => places.push((n.loc, n.because.clone(), vec![right])),
        }
    }
    for (loc, because, rights) in places {
        d.secondary.push(RuleCx::label(
            loc,
            format!("{because} requires {}", join(&rights)),
        ));
    }
    let articles: Vec<String> = missing
        .iter()
        .map(|n| {
            match cx
                .vocab
                .rights
                .get(&n.right)
                .and_then(|r| r.article.as_deref())
            {
                Some(article) => format!("`{}` (Art. {article})", n.right),
                None => format!("`{}`", n.right),
            }
        })
        .collect();
    d.notes.push(format!(
        "the notice must tell people of these rights: {}",
        articles.join(", ")
    ));
    let lines: Vec<String> = missing
        .iter()
        .map(|n| format!("`{} \"...\"`", n.right))
        .collect();
    d.help = Some(match &cx.policy.rights {
        Some(_) if lines.len() == 1 => format!(
            "add {} to the `rights` block, saying how to exercise it",
            lines[0]
        ),
        Some(_) => format!(
            "add {} to the `rights` block, each saying how to exercise it",
            join(&lines)
        ),
        None => format!("add a `rights` block with {}", join(&lines)),
    });
}

fn join(items: &[String]) -> String {
    join_with(items, "and")
}

fn join_or(items: &[String]) -> String {
    join_with(items, "or")
}

fn join_with(items: &[String], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {word} {}", init.join(", "), last),
    }
}
