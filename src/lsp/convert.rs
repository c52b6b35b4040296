//! Between byte offsets and LSP positions (UTF-16 columns), and between diagnostics and LSP ones.

use tower_lsp_server::ls_types as lsp;

use crate::db::{Database, SourceFile};
use crate::diagnostic::{Diagnostic, Severity};
use crate::syntax::ast::Span;
use crate::text_index::LineIndex;

pub fn position(text: &str, index: &LineIndex, offset: usize) -> lsp::Position {
    let (line, col) = index.line_utf16(text, offset);
    lsp::Position {
        line: line as u32,
        character: col as u32,
    }
}

pub fn range(text: &str, index: &LineIndex, span: Span) -> lsp::Range {
    lsp::Range {
        start: position(text, index, span.start),
        end: position(text, index, span.end),
    }
}

pub fn offset(text: &str, index: &LineIndex, pos: lsp::Position) -> usize {
    index.offset_utf16(text, pos.line as usize, pos.character as usize)
}

pub fn file_range(db: &Database, file: SourceFile, span: Span) -> lsp::Range {
    let text = file.text(db);
    range(text, &LineIndex::new(text), span)
}

pub fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// An LSP diagnostic; `uri_of` maps files (including the stdlib's) to URIs for related information,
/// `explain_uri` gives the link to a code's explain page.
pub fn diagnostic(
    db: &Database,
    d: &Diagnostic,
    uri_of: &dyn Fn(SourceFile) -> Option<lsp::Uri>,
    explain_uri: &dyn Fn(&str) -> Option<lsp::Uri>,
) -> lsp::Diagnostic {
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .secondary
        .iter()
        .filter_map(|l| {
            Some(lsp::DiagnosticRelatedInformation {
                location: lsp::Location {
                    uri: uri_of(l.file)?,
                    range: file_range(db, l.file, l.span),
                },
                message: l.message.clone(),
            })
        })
        .collect();
    let mut message = d.message.clone();
    if !d.primary.message.is_empty() {
        message.push_str(&format!(": {}", d.primary.message));
    }
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    lsp::Diagnostic {
        range: file_range(db, d.primary.file, d.primary.span),
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.code.to_string())),
        code_description: explain_uri(d.code).map(|href| lsp::CodeDescription { href }),
        source: Some("vern".into()),
        message,
        related_information: if related.is_empty() {
            None
        } else {
            Some(related)
        },
        tags: None,
        data: None,
    }
}
