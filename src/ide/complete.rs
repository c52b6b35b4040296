//! Completion that knows the context: declaration keywords at the top level, the properties of the
//! enclosing declaration at the start of a line, and after a property the names it takes (data
//! categories after `uses`, bases after `basis`, safeguards after `safeguard`, countries after
//! `country`, rule ids after `waive`, ...). Works on text that does not parse yet.

use crate::check::rules::RULES;
use crate::db::{Db, SourceFile};
use crate::lang::{self, Kind};
use crate::resolve::{resolve_policy, std_lib};

use super::workspace::context_root;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompletionKind {
    Keyword,
    Property,
    Name,
    Rule,
    Module,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    pub kind: CompletionKind,
    pub detail: String,
    pub documentation: String,
}

pub fn completions(db: &dyn Db, file: SourceFile, offset: usize) -> Vec<Completion> {
    let text = file.text(db);
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[line_start..offset];
    let words: Vec<&str> = prefix.split_whitespace().collect();
    let typing_word = !prefix.ends_with(char::is_whitespace) && !prefix.is_empty();
    let done_words: Vec<&str> = if typing_word {
        words[..words.len().saturating_sub(1)].to_vec()
    } else {
        words.clone()
    };
    let indented = prefix.starts_with([' ', '\t']);

    if done_words.is_empty() && !indented {
        return keywords();
    }
    let (decl_kind, outer) = enclosing(text, line_start);
    if done_words.is_empty() {
        return properties(decl_kind, outer.as_deref(), db, file);
    }
    let first = done_words[0];
    let last = *done_words.last().unwrap_or(&first);
    if !indented && first == "use" {
        return crate::stdlib::MODULES
            .iter()
            .map(|m| Completion {
                label: m.name.into(),
                kind: CompletionKind::Module,
                detail: m.display_path(),
                documentation: String::new(),
            })
            .collect();
    }
    if !indented {
        // The head of a declaration: after `is`, its parent.
        return match (lang::kind_by_keyword(first), last) {
            (Some(Kind::Data), "is") => names(db, file, &[Kind::Data]),
            (Some(Kind::Subject), "is") => names(db, file, &[Kind::Subject]),
            (Some(Kind::Purpose), "is") => names(db, file, &[Kind::Purpose]),
            (Some(Kind::Recipient), "is") => names(db, file, &[Kind::Vendor]),
            _ => Vec::new(),
        };
    }
    if first == "waive" && done_words.len() == 1 {
        let mut out: Vec<Completion> = RULES
            .iter()
            .map(|r| Completion {
                label: r.id.into(),
                kind: CompletionKind::Rule,
                detail: r.legal.into(),
                documentation: r.summary.into(),
            })
            .collect();
        // The policy's organisation rules.
        out.extend(
            names(db, file, &[Kind::Forbid, Kind::Require])
                .into_iter()
                .map(|c| Completion {
                    kind: CompletionKind::Rule,
                    detail: "organisation rule".into(),
                    ..c
                }),
        );
        return out;
    }
    // In an organisation rule, `when` and `unless` take a condition, written as its own line would be.
    let org = matches!(decl_kind, Some(Kind::Forbid | Kind::Require));
    let first = match done_words.get(1) {
        Some(condition) if org && matches!(first, "when" | "unless") => *condition,
        _ if org && matches!(first, "when" | "unless") => {
            return lang::ORG_CONDITIONS
                .iter()
                .map(|p| Completion {
                    label: p.key.into(),
                    kind: CompletionKind::Property,
                    detail: p.args.into(),
                    documentation: p.doc.into(),
                })
                .collect();
        }
        _ => first,
    };
    let kinds = expected_after(decl_kind, first, last);
    if kinds.is_empty() {
        Vec::new()
    } else {
        names(db, file, &kinds)
    }
}

/// The kinds of names that fit after `last` on a line that starts with property `key`.
fn expected_after(decl: Option<Kind>, key: &str, last: &str) -> Vec<Kind> {
    match last {
        "via" => return vec![Kind::Channel],
        "to" => return vec![Kind::Authority],
        "under" => return vec![Kind::Statute],
        "as" => return vec![Kind::Statute],
        "until" | "after" => return vec![Kind::Event],
        "for" if key == "receives" => return vec![Kind::Purpose],
        "for" if key == "retain" => return vec![Kind::Data],
        "for" if key == "uses" || decl == Some(Kind::Rights) => return vec![Kind::Subject],
        _ => {}
    }
    match (decl, key) {
        (Some(Kind::Purpose), "controller") => vec![Kind::Controller],
        (Some(Kind::Joint), "purposes") => vec![Kind::Purpose],
        (
            Some(Kind::Joint),
            "controllers" | "contact" | "notice" | "rights" | "consent" | "security" | "breach"
            | "dpia" | "processors",
        ) => vec![Kind::Controller],
        (Some(Kind::Forbid | Kind::Require), _) => org_condition_kinds(key),
        (_, "uses" | "includes" | "receives") => vec![Kind::Data],
        (_, "about") => vec![Kind::Subject],
        (_, "basis" | "condition" | "expects" | "excludes" | "fits") => vec![Kind::Basis],
        (_, "safeguard") => vec![Kind::Safeguard],
        (_, "country" | "audience" | "countries") => vec![Kind::Country, Kind::Region],
        (_, "role" | "typical-role") => vec![Kind::Role],
        (Some(Kind::Cookie), "kind") => vec![Kind::CookieKind],
        (_, "kind") => vec![Kind::RecipientKind],
        (_, "mechanism" | "consent") => vec![Kind::Mechanism],
        (_, "statute") => vec![Kind::Statute],
        (_, "for") => vec![Kind::Purpose],
        (_, "requires-rights") => vec![Kind::Right],
        (_, "provider") => vec![Kind::Recipient],
        (_, "retain") => vec![Kind::Event, Kind::Statute],
        _ => Vec::new(),
    }
}

/// The kinds of names a condition of an organisation rule takes.
fn org_condition_kinds(key: &str) -> Vec<Kind> {
    match key {
        "data" => vec![Kind::Data],
        "purpose" => vec![Kind::Purpose],
        "subject" => vec![Kind::Subject],
        "basis" => vec![Kind::Basis],
        "recipient" => vec![Kind::Recipient, Kind::Vendor],
        "role" => vec![Kind::Role],
        "recipient-kind" => vec![Kind::RecipientKind],
        "country" => vec![Kind::Country, Kind::Region],
        _ => Vec::new(),
    }
}

fn keywords() -> Vec<Completion> {
    let mut out: Vec<Completion> = lang::KINDS
        .iter()
        .map(|s| Completion {
            label: s.keyword.into(),
            kind: CompletionKind::Keyword,
            detail: s.noun.into(),
            documentation: s.doc.into(),
        })
        .collect();
    out.push(Completion {
        label: "use".into(),
        kind: CompletionKind::Keyword,
        detail: "import".into(),
        documentation:
            "Use a standard-library module (`use std.no`) or another file (`use \"file.vern\"`)."
                .into(),
    });
    out
}

fn properties(
    decl: Option<Kind>,
    outer: Option<&str>,
    db: &dyn Db,
    file: SourceFile,
) -> Vec<Completion> {
    let Some(kind) = decl else { return Vec::new() };
    let props = match outer {
        Some(o) => lang::find_prop(kind.props(), o).map_or(&[][..], |p| p.block),
        None => kind.props(),
    };
    let mut out: Vec<Completion> = props
        .iter()
        .map(|p| Completion {
            label: p.key.into(),
            kind: CompletionKind::Property,
            detail: p.args.into(),
            documentation: p.doc.into(),
        })
        .collect();
    if kind == Kind::Rights && outer.is_none() {
        out.extend(names(db, file, &[Kind::Right]));
    }
    out
}

/// The names of `kinds` visible from `file`: the policy's own and the stdlib's.
fn names(db: &dyn Db, file: SourceFile, kinds: &[Kind]) -> Vec<Completion> {
    let std = std_lib(db, db.file_set());
    let mut out = Vec::new();
    let (local, used) = if file.is_stdlib(db) {
        (Default::default(), None)
    } else {
        let r = resolve_policy(db, context_root(db, file));
        (r.symbols.clone(), Some(r.modules.clone()))
    };
    for (name, sym) in &local {
        if kinds.contains(&sym.kind) {
            out.push(Completion {
                label: name.to_string(),
                kind: CompletionKind::Name,
                detail: sym.kind.noun().into(),
                documentation: String::new(),
            });
        }
    }
    for (name, sym) in &std.scope.symbols {
        if !kinds.contains(&sym.kind) || local.contains_key(name) {
            continue;
        }
        let visible = match (&used, sym.module) {
            (Some(used), Some(m)) => {
                crate::stdlib::module(m).is_some_and(|x| x.prelude)
                    || m == crate::stdlib::REGISTRY_VENDORS_MODULE
                    || used.contains(m)
            }
            _ => true,
        };
        if !visible {
            continue;
        }
        let label = std.vocab.label(name, "en").unwrap_or_default();
        let nb = std.vocab.label(name, "nb").unwrap_or_default();
        out.push(Completion {
            label: name.to_string(),
            kind: CompletionKind::Name,
            detail: format!("{} · {label}", sym.kind.noun()),
            documentation: format!("{label} / {nb} ({})", sym.module.unwrap_or("std")),
        });
    }
    out
}

/// The declaration kind around `line_start`, and the property whose block it is in, if nested.
fn enclosing(text: &str, line_start: usize) -> (Option<Kind>, Option<String>) {
    let before = &text[..line_start];
    let decl_start = before
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .chain(std::iter::once(0))
        .filter(|&i| text[i..].starts_with(|c: char| c.is_ascii_alphabetic()))
        .max();
    let Some(start) = decl_start else {
        return (None, None);
    };
    let word: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let kind = lang::kind_by_keyword(&word);
    // Track the property lines that opened blocks still open at the cursor.
    let mut open: Vec<String> = Vec::new();
    for line in text[start..line_start].lines() {
        let key: String = line
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        let code = line.split("//").next().unwrap_or("");
        for c in code.chars() {
            match c {
                '{' => open.push(key.clone()),
                '}' => {
                    open.pop();
                }
                _ => {}
            }
        }
    }
    let outer = if open.len() >= 2 {
        open.last().cloned()
    } else {
        None
    };
    (kind, outer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Database;

    fn labels_at_end(text: &str) -> Vec<String> {
        let mut db = Database::new();
        let file = db.set_file("p.vern", text.to_string());
        let offset = text.trim_end_matches(['\n', '}']).len();
        completions(&db, file, offset)
            .into_iter()
            .map(|c| c.label)
            .collect()
    }

    #[test]
    fn subjects_complete_after_for_in_a_right_and_a_use() {
        for text in [
            "rights {\n  access for \n}\n",
            "purpose p {\n  uses email if-provided for \n}\n",
        ] {
            let labels = labels_at_end(text);
            assert!(labels.iter().any(|l| l == "pupil"), "{text}: {labels:?}");
            assert!(!labels.iter().any(|l| l == "email"), "{text}: {labels:?}");
        }
    }
}
