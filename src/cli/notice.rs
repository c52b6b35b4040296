//! `vern notice`: the privacy notice of a policy, in one language and format. Written whenever the
//! policy parses and resolves without compiler errors; the checker's findings are reported on stderr
//! beside it, not hidden.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;

use super::{CliError, CommonArgs, load, today, write};
use crate::check::CheckConfig;
use crate::db::Database;
use crate::diagnostic::{self, Diagnostic, Severity, codes};
use crate::emit::notice::{self, Format, Templates};
use crate::resolve::resolve_policy;

#[derive(clap::Args, Debug)]
pub struct NoticeArgs {
    /// The policy's root file
    pub file: PathBuf,
    /// The notice's language
    #[arg(long, value_enum, default_value_t = Lang::Nb)]
    pub lang: Lang,
    /// Markdown, or a standalone HTML page
    #[arg(long, value_enum, default_value_t = NoticeFormat::Md)]
    pub format: NoticeFormat,
    /// Write the notice to this file instead of standard output
    #[arg(short, long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// A directory with templates or messages that override the shipped ones, by file name:
    /// notice.md.j2, page.html.j2, LANG/notice.ftl (nb, en, sv, da, de, fi)
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// Norwegian Bokmål
    Nb,
    /// English
    En,
    /// Swedish
    Sv,
    /// Danish
    Da,
    /// German
    De,
    /// Finnish
    Fi,
}

impl Lang {
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::En => "en",
            Lang::Sv => "sv",
            Lang::Da => "da",
            Lang::De => "de",
            Lang::Fi => "fi",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum NoticeFormat {
    /// Markdown
    Md,
    /// A standalone HTML page
    Html,
}

/// The shipped templates and messages, with those `dir` holds in their place.
pub fn templates(dir: Option<&Path>) -> Result<Templates, CliError> {
    let mut templates = Templates::shipped();
    let Some(dir) = dir else { return Ok(templates) };
    if !dir.is_dir() {
        return Err(CliError(format!(
            "the templates directory `{}` does not exist",
            dir.display()
        )));
    }
    for (name, _) in notice::FILES {
        let path = dir.join(name);
        if path.is_file() {
            templates = templates.with_override(name, load::read_source(&path)?);
        }
    }
    Ok(templates)
}

/// True for an error of the compiler's own stages (parse, resolve): the policy cannot be rendered.
pub fn is_compiler_error(d: &Diagnostic) -> bool {
    d.is_error() && codes::lookup(d.code).is_some()
}

pub fn run(args: &NoticeArgs) -> Result<ExitCode, CliError> {
    let templates = templates(args.templates.as_deref())?;
    let mut db = Database::new();
    let roots = load::load_roots(&mut db, std::slice::from_ref(&args.file))?;
    let Some(&root) = roots.first() else {
        return Err(CliError("no policy file given".into()));
    };
    let settings = super::config::load(&args.common, Some(&args.file))?;
    let as_of = args.common.as_of.or(settings.as_of).unwrap_or_else(today);
    let config = CheckConfig::new(&db, as_of, settings.levels);
    let mut diags = super::check::collect(&db, &roots, config);
    let color = args.common.color.enabled();
    if diags.iter().any(is_compiler_error) {
        let shown: Vec<_> = diags
            .iter()
            .filter(|d| d.waived.is_none())
            .cloned()
            .collect();
        diagnostic::render::to_stderr(&db, &shown, color)?;
        errln!("error: no notice was written because the policy does not compile");
        return Ok(ExitCode::from(1));
    }
    let policy = &resolve_policy(&db, root).policy;
    let format = match args.format {
        NoticeFormat::Md => Format::Markdown,
        NoticeFormat::Html => Format::Html,
    };
    let rendered =
        notice::render(policy, as_of, args.lang.tag(), format, &templates).map_err(CliError)?;
    diags.extend(rendered.diagnostics);
    // The checker reports the languages the policy declares; a notice in another one gets its own.
    let lang = args.lang.tag();
    if !crate::sema::translation::notice_languages(policy)
        .iter()
        .any(|l| l == lang)
        && let Some(d) = crate::check::translation::finding(&db, policy, lang)
    {
        diags.push(d);
    }
    diagnostic::sort(&db, &mut diags);
    let shown: Vec<_> = diags
        .iter()
        .filter(|d| d.waived.is_none())
        .cloned()
        .collect();
    diagnostic::render::to_stderr(&db, &shown, color)?;
    match &args.out {
        Some(path) => write::write_file(path, &rendered.text)?,
        None => out!("{}", rendered.text),
    }
    let findings = shown
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .count();
    if findings > 0 {
        errln!("{}", super::check::summary(&diags, 1));
        errln!(
            "note: the notice says what the policy declares; the findings above are the policy's, not the notice's"
        );
    }
    if let Some(path) = &args.out {
        errln!("wrote the notice to `{}`", path.display());
    }
    Ok(ExitCode::SUCCESS)
}
