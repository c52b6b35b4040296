//! The one diagnostic type. Every stage produces `Diagnostic` values; the terminal renderer, the JSON
//! and SARIF writers and the language server all read the same values.

pub mod codes;
pub mod json;
pub mod render;
pub mod rule_doc;
pub mod sarif;

pub use rule_doc::RuleDoc;

use crate::db::SourceFile;
use crate::syntax::ast::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A place in a file, with what the diagnostic says about it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Label {
    pub file: SourceFile,
    pub span: Span,
    pub message: String,
    /// Set only inside `resolve`, while a declaration is lowered on its own: the label points at the
    /// name of the policy's declaration `anchor`, whose place is filled in (and this cleared) when the
    /// declaration is placed in its policy. So a lowered declaration holds no other one's offsets.
    pub anchor: Option<String>,
}

impl Label {
    pub fn new(file: SourceFile, span: Span, message: impl Into<String>) -> Self {
        Label {
            file,
            span,
            message: message.into(),
            anchor: None,
        }
    }

    /// A label at the name of the policy's own declaration `name`, placed later (see `anchor`).
    pub fn at_declaration(file: SourceFile, name: &str, message: impl Into<String>) -> Self {
        Label {
            anchor: Some(name.to_string()),
            ..Label::new(file, Span::default(), message)
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    /// Stable kebab-case id: a compiler code (`unknown-name`) or a rule id (`consent-withdrawal-missing`).
    pub code: &'static str,
    pub severity: Severity,
    /// One line, lower case, no final period; user input in backticks.
    pub message: String,
    pub primary: Label,
    pub secondary: Vec<Label>,
    pub notes: Vec<String>,
    pub help: Option<String>,
    /// The reason of the `waive` that accepted this finding: it is reported, but not as a problem.
    pub waived: Option<String>,
    /// Mechanical fixes an editor can apply.
    pub fixes: Vec<Fix>,
}

/// A fix: a title and the edits that make it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

/// Whether a fix can be applied without a person's judgement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Applicability {
    /// Changes only the form, never what the policy claims (`vern check --fix` applies it).
    Mechanical,
    /// Adds a statement about the organisation's processing (`transfers none`, a right it grants):
    /// offered in the editor, never applied unasked, because only its author knows whether it is true.
    Statement,
}

/// A replacement of `span` in `file` by `text`. (Defined here, below `ide` and `check`, which both
/// make them: a diagnostic carries its fixes, and the arrows point down.)
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Edit {
    pub file: SourceFile,
    pub span: Span,
    pub text: String,
}

impl Diagnostic {
    pub fn new(
        code: &'static str,
        severity: Severity,
        message: impl Into<String>,
        primary: Label,
    ) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            primary,
            secondary: Vec::new(),
            notes: Vec::new(),
            help: None,
            waived: None,
            fixes: Vec::new(),
        }
    }
    pub fn error(code: &'static str, message: impl Into<String>, primary: Label) -> Self {
        Self::new(code, Severity::Error, message, primary)
    }
    pub fn warning(code: &'static str, message: impl Into<String>, primary: Label) -> Self {
        Self::new(code, Severity::Warning, message, primary)
    }
    pub fn with_secondary(mut self, label: Label) -> Self {
        self.secondary.push(label);
        self
    }
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    pub fn info(code: &'static str, message: impl Into<String>, primary: Label) -> Self {
        Self::new(code, Severity::Info, message, primary)
    }
    /// True for a finding that counts: an error that is not waived.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error && self.waived.is_none()
    }
    /// A fix that changes only the form (`vern check --fix` applies it): a single replacement.
    pub fn with_mechanical_fix(mut self, title: impl Into<String>, edit: Edit) -> Self {
        self.fixes.push(Fix {
            title: title.into(),
            edits: vec![edit],
            applicability: Applicability::Mechanical,
        });
        self
    }
    pub fn with_help_opt(mut self, help: Option<String>) -> Self {
        if help.is_some() {
            self.help = help;
        }
        self
    }
}

/// Sorts diagnostics into a stable order: by file path, position, then code.
pub fn sort(db: &crate::db::Database, diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        let pa = a.primary.file.path(db);
        let pb = b.primary.file.path(db);
        (pa, a.primary.span, a.code, &a.message).cmp(&(pb, b.primary.span, b.code, &b.message))
    });
}
