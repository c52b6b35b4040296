//! Shared by the rules that report a notice element the policy leaves unstated (`recipients-unstated`,
//! `transfers-unstated`, ...): where the finding goes, and the quick fix that adds the explicit
//! negative to the `policy` block. The semantic model decides what is stated (`sema::Stated`).

use crate::check::{Findings, RuleCx};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::ir::Negative;
use crate::sema::Stated;
use crate::syntax::ast::Span;

/// Reports `element` as unstated at the `policy` declaration, with a fix that declares `KEY none`.
pub fn report<T>(
    cx: &RuleCx,
    out: &mut Findings,
    stated: Stated<T>,
    negative: Negative,
    message: &str,
) -> Option<()> {
    if !stated.is_unstated() {
        return None;
    }
    let meta = cx.policy.meta.as_ref()?;
    let key = negative.key();
    let d = out.add(
        &meta.waivers,
        message,
        RuleCx::label(meta.loc, format!("no `{key}` statement")),
    );
    d.help = Some(format!(
        "declare what the policy does, or add `{key} none` to the `policy` block if there is none"
    ));
    add_to_policy_block(
        cx,
        d,
        &format!("{key} none"),
        &format!("Declare `{key} none`"),
    );
    Some(())
}

/// A fix that adds `line` to the `policy` block, before its closing brace.
pub fn add_to_policy_block(cx: &RuleCx, d: &mut Diagnostic, line: &str, title: &str) {
    let Some(close) = cx.policy.meta.as_ref().and_then(|m| m.close) else {
        return;
    };
    d.fixes.push(Fix {
        title: title.to_string(),
        edits: vec![Edit {
            file: close.file,
            span: Span::new(close.span.start(), close.span.start()),
            text: format!("  {line}\n"),
        }],
        applicability: Applicability::Statement,
    });
}
