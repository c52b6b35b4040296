//! Stage 3, check: the resolved policy against the law.
//!
//! Input: `resolve::Resolved`. Output: every diagnostic of the policy, those of the earlier stages
//! first, then the checker's findings. Rules read legal facts from the stdlib vocabulary in the
//! policy (`ir::Vocabulary`), never from Rust code; dated rules use the evaluation date, never the
//! policy's own.

use crate::db::{Db, SourceFile};
use crate::diagnostic::Diagnostic;
use crate::resolve::resolve_policy;

/// The evaluation date for every dated fact, as `YYYY-MM-DD` (an input, so it can change between
/// runs of the language server).
#[salsa::input(debug)]
pub struct CheckConfig {
    pub as_of: crate::ir::Date,
}

#[salsa::tracked(returns(ref))]
pub fn check_policy(db: &dyn Db, root: SourceFile, config: CheckConfig) -> Vec<Diagnostic> {
    let resolved = resolve_policy(db, root);
    let _as_of = config.as_of(db);
    let mut out = resolved.diagnostics.clone();
    dedup(&mut out);
    out
}

fn dedup(diags: &mut Vec<Diagnostic>) {
    let mut seen = std::collections::HashSet::new();
    diags.retain(|d| seen.insert(d.clone()));
}
