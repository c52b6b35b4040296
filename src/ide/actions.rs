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
) -> Vec<Action> {
    let mut out = Vec::new();
    for d in diagnostics
        .iter()
        .filter(|d| d.primary.file == file && overlaps(d.primary.span, span))
    {
        if let Some(name) = d.help.as_deref().and_then(suggestion) {
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

fn overlaps(a: Span, b: Span) -> bool {
    a.start <= b.end && b.start <= a.end
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
            if i.span.start <= d.primary.span.start && d.primary.span.start <= i.span.end =>
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
            let close = block.span.end.saturating_sub(1);
            let line_start = text[..close].rfind('\n').map_or(0, |i| i + 1);
            Some(Edit {
                file,
                span: Span::new(line_start, line_start),
                text: format!("  {line}\n"),
            })
        }
        None => Some(Edit {
            file,
            span: Span::new(decl.span.end, decl.span.end),
            text: format!(" {{\n  {line}\n}}"),
        }),
    }
}
