//! `vern export FILE --format F [-o PATH]`: the policy for other tools (Fides, DPV, the record of
//! processing, Klaro!). Like `vern notice`, written whenever the policy parses and resolves; the
//! checker's findings are reported on stderr beside it. The formats are in `emit::export`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use clap::builder::PossibleValue;

use super::{CliError, CommonArgs, load, today, write};
use crate::check::CheckConfig;
use crate::db::Database;
use crate::diagnostic::{self, Severity};
use crate::emit::export::{self, Format};
use crate::resolve::resolve_policy;

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// The policy's root file
    pub file: PathBuf,
    /// The format to write
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Write to this file instead of standard output (required for ropa-xlsx)
    #[arg(short, long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// The language of the single-language formats (fideslang, the record of processing); texts
    /// without a translation are given in the policy's first language
    #[arg(long, default_value = "en", value_name = "LANG")]
    pub lang: String,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// `--format` of `vern export`: the export formats by their names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportFormat(pub Format);

impl ValueEnum for ExportFormat {
    fn value_variants<'a>() -> &'a [Self] {
        const ALL: [ExportFormat; 6] = [
            ExportFormat(Format::Fideslang),
            ExportFormat(Format::Dpv),
            ExportFormat(Format::RopaCsv),
            ExportFormat(Format::RopaMd),
            ExportFormat(Format::RopaXlsx),
            ExportFormat(Format::Klaro),
        ];
        &ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.0.name()).help(self.0.about()))
    }
}

pub fn run(args: &ExportArgs) -> Result<ExitCode, CliError> {
    let format = args.format.0;
    if !format.is_text() && args.out.is_none() {
        return Err(CliError(format!(
            "`{}` is a binary format: give the file to write with `-o PATH`",
            format.name()
        )));
    }
    let mut db = Database::new();
    let roots = load::load_roots(&mut db, std::slice::from_ref(&args.file))?;
    let Some(&root) = roots.first() else {
        return Err(CliError("no policy file given".into()));
    };
    let settings = super::config::load(&args.common, Some(&args.file))?;
    let as_of = args.common.as_of.or(settings.as_of).unwrap_or_else(today);
    let config = CheckConfig::new(&db, as_of, settings.levels);
    let diags = super::check::collect(&db, &roots, config);
    let shown: Vec<_> = diags
        .iter()
        .filter(|d| d.waived.is_none())
        .cloned()
        .collect();
    diagnostic::render::to_stderr(&db, &shown, args.common.color.enabled())?;
    if diags.iter().any(super::notice::is_compiler_error) {
        errln!(
            "error: nothing was exported because the policy does not compile; fix the errors above"
        );
        return Ok(ExitCode::from(1));
    }
    let policy = &resolve_policy(&db, root).policy;
    let bytes = export::export(policy, as_of, format, &args.lang).map_err(CliError)?;
    match &args.out {
        Some(path) => write::write_file(path, &bytes)?,
        None => super::write_stdout(&String::from_utf8_lossy(&bytes))?,
    }
    let findings = shown
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .count();
    if findings > 0 {
        errln!("{}", super::check::summary(&diags, 1));
        errln!(
            "note: the export says what the policy declares; the findings above are the policy's"
        );
    }
    if let Some(path) = &args.out {
        errln!("wrote the {} export to `{}`", format.name(), path.display());
    }
    Ok(ExitCode::SUCCESS)
}
