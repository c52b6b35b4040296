//! Diagnostics for machines: one JSON object per finding, with line and column (1-based, in characters)
//! and the byte span.

use serde::Serialize;

use super::{Diagnostic, Label, RuleDoc};
use crate::db::Database;
use crate::text_index::line_index;

#[derive(Serialize)]
pub struct JsonLabel {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub span: [usize; 2],
    /// What the label says about this place.
    pub label: String,
}

#[derive(Serialize)]
pub struct JsonDiagnostic {
    pub code: &'static str,
    pub severity: &'static str,
    pub message: String,
    #[serde(flatten)]
    pub location: JsonLabel,
    pub related: Vec<JsonLabel>,
    pub notes: Vec<String>,
    pub help: Option<String>,
    /// The finding's legal reference: the EU provision and the national statute in force for the
    /// policy (as the human output's note gives it), else the rule's.
    pub legal_reference: Option<String>,
    /// True when a `waive` in the policy accepted this finding; `waiver_reason` says why.
    pub waived: bool,
    pub waiver_reason: Option<String>,
}

pub fn label(db: &Database, l: &Label) -> JsonLabel {
    let index = line_index(db, l.file);
    let (line, column) = index.line_col(l.file.text(db), l.span.start());
    let (end_line, end_column) = index.line_col(l.file.text(db), l.span.end());
    JsonLabel {
        file: l.file.path(db).clone(),
        line: line + 1,
        column: column + 1,
        end_line: end_line + 1,
        end_column: end_column + 1,
        span: [l.span.start(), l.span.end()],
        label: l.message.clone(),
    }
}

/// `docs` is the checker's rule catalog, for the legal reference of a finding.
pub fn convert(db: &Database, d: &Diagnostic, docs: &[RuleDoc]) -> JsonDiagnostic {
    JsonDiagnostic {
        code: d.code,
        severity: d.severity.as_str(),
        message: d.message.clone(),
        location: label(db, &d.primary),
        related: d.secondary.iter().map(|l| label(db, l)).collect(),
        notes: d
            .notes
            .iter()
            .filter(|n| !n.starts_with("legal reference: "))
            .cloned()
            .collect(),
        help: d.help.clone(),
        legal_reference: d
            .notes
            .iter()
            .find_map(|n| n.strip_prefix("legal reference: "))
            .map(str::to_string)
            .or_else(|| super::rule_doc::find(docs, d.code).map(|r| r.legal.to_string())),
        waived: d.waived.is_some(),
        waiver_reason: d.waived.clone(),
    }
}
