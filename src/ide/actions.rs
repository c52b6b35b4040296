//! Code actions: the mechanical fixes (a did-you-mean, a fix a rule offers), and "waive this
//! finding" with a reason to fill in.

use super::Edit;
use crate::db::{Db, SourceFile};
use crate::diagnostic::Diagnostic;
use crate::syntax::ast::{Decl, ItemDecl, Span};
use crate::syntax::parse;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    pub title: String,
    pub edits: Vec<Edit>,
    /// The diagnostic the action fixes, if any.
    pub fixes: Option<Diagnostic>,
    pub preferred: bool,
}

/// Actions for the diagnostics that overlap `span` in `file`.
pub fn code_actions(
    db: &dyn Db,
    file: SourceFile,
    span: Span,
    diagnostics: &[Diagnostic],
    as_of: crate::ir::Date,
) -> Vec<Action> {
    let mut out = Vec::new();
    for d in diagnostics
        .iter()
        .filter(|d| d.primary.file == file && overlaps(d.primary.span, span))
    {
        let fixed_here = d
            .fixes
            .iter()
            .any(|f| f.edits.iter().any(|e| e.span == d.primary.span));
        if let Some(name) = d
            .help
            .as_deref()
            .and_then(suggestion)
            .filter(|_| !fixed_here)
        {
            out.push(Action {
                title: format!("Replace with `{name}`"),
                edits: vec![Edit {
                    file,
                    span: d.primary.span,
                    text: name.to_string(),
                }],
                fixes: Some(d.clone()),
                preferred: true,
            });
        }
        if let Some(action) = mechanical_fix(db, file, d, as_of) {
            out.push(action);
        }
        for fix in &d.fixes {
            out.push(Action {
                title: fix.title.clone(),
                edits: fix.edits.clone(),
                fixes: Some(d.clone()),
                preferred: true,
            });
        }
        if crate::check::rules::lookup(d.code).is_some()
            && let Some(edit) = waiver_edit(db, file, d)
        {
            out.push(Action {
                title: format!("Waive `{}` here (give the reason)", d.code),
                edits: vec![edit],
                fixes: Some(d.clone()),
                preferred: false,
            });
        }
    }
    out
}

/// Fixes that need the syntax tree: a withdrawal line for a consent basis, a current safeguard for a
/// lapsed one.
fn mechanical_fix(
    db: &dyn Db,
    file: SourceFile,
    d: &Diagnostic,
    today: crate::ir::Date,
) -> Option<Action> {
    let text = file.text(db);
    match d.code {
        "consent-withdrawal-missing" => {
            let parsed = parse(db, file);
            let item = basis_item_at(&parsed.decls, d.primary.span)?;
            let line_start = text[..item.span.start()].rfind('\n').map_or(0, |i| i + 1);
            let indent = &text[line_start..item.span.start()];
            let stub =
                "withdraw \"TODO: how people withdraw their consent (as easily as they gave it)\"";
            let edit = match &item.block {
                Some(block) => {
                    let close = block.span.end().saturating_sub(1);
                    let close_line = text[..close].rfind('\n').map_or(0, |i| i + 1);
                    Edit {
                        file,
                        span: Span::new(close_line, close_line),
                        text: format!("{indent}  {stub}\n"),
                    }
                }
                None => Edit {
                    file,
                    span: Span::new(item.span.end(), item.span.end()),
                    text: format!(" {{\n{indent}  {stub}\n{indent}}}"),
                },
            };
            Some(Action {
                title: "Add how consent is withdrawn".into(),
                edits: vec![edit],
                fixes: Some(d.clone()),
                preferred: true,
            })
        }
        "transfer-safeguard-invalid" => {
            let current = text.get(d.primary.span.range())?;
            let root = super::workspace::context_root(db, file);
            let policy = &crate::resolve::resolve_policy(db, root).policy;
            // A safeguard of the SCC kind that covers any destination and is in force today.
            let replacement = policy.vocab.safeguards.values().find(|s| {
                s.kind == Some(crate::ir::SafeguardKind::Scc)
                    && s.countries.is_empty()
                    && s.valid_from.is_none_or(|f| f <= today)
                    && s.valid_until.is_none_or(|u| u > today)
            })?;
            let name = replacement.entry.name.clone();
            (name != current).then(|| Action {
                title: format!("Replace `{current}` with `{name}`"),
                edits: vec![Edit {
                    file,
                    span: d.primary.span,
                    text: name.to_string(),
                }],
                fixes: Some(d.clone()),
                preferred: false,
            })
        }
        _ => None,
    }
}

/// The `basis` property whose basis name is at `span`.
fn basis_item_at(decls: &[Decl], span: Span) -> Option<&crate::syntax::ast::Item> {
    decls.iter().find_map(|d| match d {
        Decl::Item(i) => i.items().iter().find(|item| {
            item.key.text == "basis" && item.args.first().is_some_and(|a| a.span() == span)
        }),
        Decl::Use(_) => None,
    })
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start() <= b.end() && b.start() <= a.end()
}

/// `did you mean `x`?` → `x`.
fn suggestion(help: &str) -> Option<&str> {
    let rest = help.strip_prefix("did you mean `")?;
    rest.strip_suffix("`?")
}

/// Inserts `waive RULE "..."` as the last line of the declaration that holds the finding.
fn waiver_edit(db: &dyn Db, file: SourceFile, d: &Diagnostic) -> Option<Edit> {
    let parsed = parse(db, file);
    let decl: &ItemDecl = parsed.decls.iter().find_map(|x| match x {
        Decl::Item(i)
            if i.span.start() <= d.primary.span.start()
                && d.primary.span.start() <= i.span.end() =>
        {
            Some(i)
        }
        _ => None,
    })?;
    let kind = crate::lang::kind_by_keyword(&decl.kind.text)?;
    crate::lang::find_prop(kind.props(), "waive")?;
    let text = file.text(db);
    let line = format!("waive {} \"TODO: why this does not apply\"", d.code);
    match &decl.block {
        Some(block) => {
            let close = block.span.end().saturating_sub(1);
            let line_start = text[..close].rfind('\n').map_or(0, |i| i + 1);
            Some(Edit {
                file,
                span: Span::new(line_start, line_start),
                text: format!("  {line}\n"),
            })
        }
        None => Some(Edit {
            file,
            span: Span::new(decl.span.end(), decl.span.end()),
            text: format!(" {{\n  {line}\n}}"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::CheckConfig;
    use crate::db::Database;

    fn apply(text: &str, edits: &[Edit]) -> String {
        let mut out = text.to_string();
        let mut sorted: Vec<&Edit> = edits.iter().collect();
        sorted.sort_by_key(|e| std::cmp::Reverse(e.span.start()));
        for e in sorted {
            out.replace_range(e.span.range(), &e.text);
        }
        out
    }

    fn fix_and_recheck(text: &str, code: &str, title_start: &str) -> String {
        let mut db = Database::new();
        let file = db.set_file("p.vern", text.to_string());
        let date = crate::ir::Date::constant(2026, 11, 22);
        let config = CheckConfig::with_date(&db, date);
        let diags = super::super::diagnostics_for(&db, file, config);
        let d = diags
            .iter()
            .find(|d| d.code == code)
            .unwrap_or_else(|| panic!("no `{code}` in {diags:?}"));
        let actions = code_actions(&db, file, d.primary.span, &diags, date);
        let action = actions
            .iter()
            .find(|a| a.title.starts_with(title_start))
            .unwrap_or_else(|| panic!("no fix among {actions:?}"));
        apply(text, &action.edits)
    }

    #[test]
    fn a_withdrawal_stub_is_added_to_a_consent_basis() {
        let text = "purpose news is newsletter {\n  uses email\n  basis consent\n  retain until consent-withdrawn\n}\n";
        let fixed = fix_and_recheck(
            text,
            "consent-withdrawal-missing",
            "Add how consent is withdrawn",
        );
        assert!(
            fixed.contains("  basis consent {\n    withdraw \"TODO"),
            "{fixed}"
        );
        let with_block = "purpose news is newsletter {\n  uses email\n  basis consent {\n    mechanism double-opt-in\n  }\n  retain until consent-withdrawn\n}\n";
        let fixed = fix_and_recheck(
            with_block,
            "consent-withdrawal-missing",
            "Add how consent is withdrawn",
        );
        assert!(
            fixed.contains("    mechanism double-opt-in\n    withdraw \"TODO"),
            "{fixed}"
        );
        let mut db = Database::new();
        let file = db.set_file("p.vern", fixed);
        let config = CheckConfig::with_date(&db, crate::ir::Date::constant(2026, 11, 22));
        let after = super::super::diagnostics_for(&db, file, config);
        assert!(
            after.iter().all(|d| d.code != "consent-withdrawal-missing"),
            "{after:?}"
        );
    }

    #[test]
    fn a_typo_is_replaced_by_the_suggestion() {
        let fixed = fix_and_recheck(
            "purpose p {\n  uses emial\n}\n",
            "unknown-name",
            "Replace with `email`",
        );
        assert!(fixed.contains("uses email\n"));
    }
}
