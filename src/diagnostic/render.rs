//! Diagnostics for people, rendered with codespan-reporting.

use std::collections::HashMap;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config};

use super::{Diagnostic, Severity};
use crate::db::{Database, SourceFile};

/// The files the diagnostics point into, indexed for codespan.
struct FileMap<'db> {
    files: SimpleFiles<&'db str, &'db str>,
    ids: HashMap<SourceFile, usize>,
}

impl<'db> FileMap<'db> {
    fn new(db: &'db Database, diags: &[Diagnostic]) -> Self {
        let mut map = FileMap {
            files: SimpleFiles::new(),
            ids: HashMap::new(),
        };
        for d in diags {
            for label in std::iter::once(&d.primary).chain(&d.secondary) {
                map.ids.entry(label.file).or_insert_with(|| {
                    map.files
                        .add(label.file.path(db).as_str(), label.file.text(db).as_str())
                });
            }
        }
        map
    }

    fn convert(&self, d: &Diagnostic) -> cs::Diagnostic<usize> {
        let severity = match d.severity {
            Severity::Error => cs::Severity::Error,
            Severity::Warning => cs::Severity::Warning,
            Severity::Info => cs::Severity::Note,
        };
        let label = |style, l: &super::Label| {
            let id = self.ids.get(&l.file).copied().unwrap_or_default();
            cs::Label::new(style, id, l.span.range()).with_message(l.message.clone())
        };
        let mut labels = vec![label(cs::LabelStyle::Primary, &d.primary)];
        labels.extend(
            d.secondary
                .iter()
                .map(|l| label(cs::LabelStyle::Secondary, l)),
        );
        let mut notes = d.notes.clone();
        if let Some(help) = &d.help {
            notes.push(format!("help: {help}"));
        }
        cs::Diagnostic::new(severity)
            .with_code(d.code)
            .with_message(d.message.clone())
            .with_labels(labels)
            .with_notes(notes)
    }
}

/// Renders diagnostics as plain text (no colour), as in snapshots and piped output.
pub fn to_string(db: &Database, diags: &[Diagnostic]) -> String {
    let map = FileMap::new(db, diags);
    let config = Config::default();
    let mut out = String::new();
    for d in diags {
        // A label outside its file is a bug in a stage, never a reason to lose the message.
        if term::emit_to_string(&mut out, &config, &map.files, &map.convert(d)).is_err() {
            out.push_str(&format!(
                "{}[{}]: {}\n",
                d.severity.as_str(),
                d.code,
                d.message
            ));
        }
    }
    out
}

/// Writes diagnostics to stderr, in colour when stderr is a terminal.
pub fn to_stderr(db: &Database, diags: &[Diagnostic], color: bool) -> std::io::Result<()> {
    use term::termcolor::{ColorChoice, StandardStream};
    if !color {
        errout!("{}", to_string(db, diags));
        return Ok(());
    }
    let map = FileMap::new(db, diags);
    let config = Config::default();
    let styles = term::Styles::default();
    let stream = StandardStream::stderr(ColorChoice::Always);
    let mut lock = stream.lock();
    let mut writer = term::StylesWriter::new(&mut lock, &styles);
    for d in diags {
        term::emit_to_write_style(&mut writer, &config, &map.files, &map.convert(d))
            .map_err(std::io::Error::other)?;
    }
    Ok(())
}
