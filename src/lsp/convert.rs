//! Between byte offsets and LSP positions (UTF-16 columns), and between diagnostics and LSP ones.
//!
//! A file's line index is a tracked query (`text_index::line_index`), built once per text, so converting
//! every symbol or diagnostic of a file costs one pass over it, not one pass per item.

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
        start: position(text, index, span.start()),
        end: position(text, index, span.end()),
    }
}

/// The byte offset of a position, clamped to the text (a line past the end is the end; a column past
/// the line's end is the line's end).
pub fn offset(text: &str, index: &LineIndex, pos: lsp::Position) -> usize {
    index.offset_utf16(text, pos.line as usize, pos.character as usize)
}

/// The byte span of a range, clamped to the text, its ends in order (a client that sends an inverted
/// range gets the range between the two positions).
pub fn span(text: &str, index: &LineIndex, r: lsp::Range) -> Span {
    let a = offset(text, index, r.start);
    let b = offset(text, index, r.end);
    Span::new(a.min(b), a.max(b))
}

/// Positions in the files of one database, with each file's line index from the database (the tracked
/// `line_index` query: built once per text, shared with the other outputs and later requests).
pub struct Positions<'a> {
    db: &'a Database,
}

impl<'a> Positions<'a> {
    pub fn new(db: &'a Database) -> Self {
        Positions { db }
    }

    fn index(&mut self, file: SourceFile) -> &'a LineIndex {
        crate::text_index::line_index(self.db, file)
    }

    pub fn range(&mut self, file: SourceFile, span: Span) -> lsp::Range {
        let text = file.text(self.db);
        range(text, self.index(file), span)
    }

    pub fn offset(&mut self, file: SourceFile, pos: lsp::Position) -> usize {
        let text = file.text(self.db);
        offset(text, self.index(file), pos)
    }

    pub fn span(&mut self, file: SourceFile, r: lsp::Range) -> Span {
        let text = file.text(self.db);
        span(text, self.index(file), r)
    }
}

/// Applies one `didChange` content change to `text`: a range edit (positions in UTF-16, clamped to
/// the text, an inverted range taken in order), or the whole text when there is no range.
pub fn apply_change(text: &mut String, change: lsp::TextDocumentContentChangeEvent) {
    match change.range {
        None => *text = change.text,
        Some(r) => {
            let index = LineIndex::new(text);
            let s = span(text, &index, r);
            text.replace_range(s.range(), &change.text);
        }
    }
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
    pos: &mut Positions<'_>,
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
                    range: pos.range(l.file, l.span),
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
        range: pos.range(d.primary.file, d.primary.span),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn change(
        sl: u32,
        sc: u32,
        el: u32,
        ec: u32,
        text: &str,
    ) -> lsp::TextDocumentContentChangeEvent {
        lsp::TextDocumentContentChangeEvent {
            range: Some(lsp::Range {
                start: lsp::Position {
                    line: sl,
                    character: sc,
                },
                end: lsp::Position {
                    line: el,
                    character: ec,
                },
            }),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn changes_count_columns_in_utf16_units() {
        // 😀 is two UTF-16 units and four bytes; æ is one unit and two bytes.
        let mut t = "data a \"😀æ\"\nx\n".to_string();
        apply_change(&mut t, change(0, 11, 0, 11, "ø"));
        assert_eq!(t, "data a \"😀æø\"\nx\n");
        apply_change(&mut t, change(0, 8, 0, 10, ""));
        assert_eq!(t, "data a \"æø\"\nx\n");
    }

    #[test]
    fn out_of_range_and_inverted_ranges_are_clamped_and_ordered() {
        let mut t = "ab\ncd\n".to_string();
        apply_change(&mut t, change(0, 99, 0, 99, "!"));
        assert_eq!(t, "ab!\ncd\n");
        apply_change(&mut t, change(1, 2, 1, 0, "XY"));
        assert_eq!(t, "ab!\nXY\n");
        apply_change(&mut t, change(50, 0, 60, 0, "end"));
        assert_eq!(t, "ab!\nXY\nend");
    }
}
