//! `for SUBJECT` scopes: a right granted to some groups of data subjects only (`access for pupils`),
//! data collected about some of a purpose's subjects only (`uses grades for pupils`). Each scope must
//! name a group the policy processes; this checks that once the whole policy is lowered.

use crate::diagnostic::{Diagnostic, Label, codes};
use crate::ir::{Policy, Ref, Vocabulary};
use crate::lang::Kind;
use crate::syntax::ast::{Atom, Item};

use super::cx::Cx;

/// The subjects after `for` on a right's line; nothing when the line has no `for`.
pub fn right_subjects(cx: &mut Cx, item: &Item, scope: Option<&[Atom]>) -> Vec<Ref> {
    match scope {
        None => Vec::new(),
        Some([]) => {
            cx.invalid_args(
                item,
                "`for` and the subjects who have the right",
                item.span,
                "`for` with no subject",
            );
            Vec::new()
        }
        Some(s) => cx.ref_list(item, s, &[Kind::Subject]),
    }
}

/// Whether `a` is `b` or refines it (`subject pupil is child`: a pupil is a child).
pub fn refines(vocab: &Vocabulary, a: &str, b: &str) -> bool {
    let mut next = Some(a.to_string());
    let mut seen = 0;
    while let Some(n) = next.take() {
        if n == b {
            return true;
        }
        seen += 1;
        if seen > 64 {
            return false;
        }
        next = vocab
            .subjects
            .get(&n)
            .and_then(|s| s.parent.as_ref().map(|p| p.name.to_string()));
    }
    false
}

pub fn check(policy: &Policy, diags: &mut Vec<Diagnostic>) {
    let vocab = &policy.vocab;
    for p in &policy.purposes {
        let mut seen: Vec<&str> = Vec::new();
        for u in &p.data_uses {
            for s in &u.subjects {
                if seen.contains(&s.name.as_str())
                    || p.about.iter().any(|a| refines(vocab, &s.name, &a.name))
                {
                    continue;
                }
                seen.push(&s.name);
                let about: Vec<String> = p.about.iter().map(|a| format!("`{}`", a.name)).collect();
                let help = if about.is_empty() {
                    format!(
                        "add `about {}` to the purpose: a scope names some of the people the purpose is about",
                        s.name
                    )
                } else {
                    format!(
                        "add `{}` to `about`, or scope the line to a subject the purpose is about: {}",
                        s.name,
                        about.join(", ")
                    )
                };
                diags.push(
                    Diagnostic::error(
                        codes::SUBJECT_NOT_PROCESSED,
                        format!("purpose `{}` is not about `{}`", p.name, s.name),
                        Label::new(s.loc.file, s.loc.span, "the data is scoped to this subject"),
                    )
                    .with_help(help),
                );
            }
        }
    }
    // A purpose that did not parse may be the one about the subject.
    if !policy.unreadable.declarations.is_empty() {
        return;
    }
    let Some(rights) = &policy.rights else {
        return;
    };
    let mut seen: Vec<&str> = Vec::new();
    for r in &rights.rights {
        for s in &r.subjects {
            let processed = policy.purposes.iter().any(|p| {
                p.about
                    .iter()
                    .any(|a| refines(vocab, &a.name, &s.name) || refines(vocab, &s.name, &a.name))
            });
            if processed || seen.contains(&s.name.as_str()) {
                continue;
            }
            seen.push(&s.name);
            diags.push(
                Diagnostic::error(
                    codes::SUBJECT_NOT_PROCESSED,
                    format!(
                        "`{}` is granted to `{}`, but no purpose is about `{}`",
                        r.right.name, s.name, s.name
                    ),
                    Label::new(s.loc.file, s.loc.span, "no purpose processes their data"),
                )
                .with_help(format!(
                    "add `{}` to the `about` of the purposes that process their data, or remove it from `for`",
                    s.name
                )),
            );
        }
    }
}
