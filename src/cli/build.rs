//! `vern build`: check, then write the artefacts; nothing is written when there are errors.
//!
//! The artefacts: `policy.json` and `policy.schema.json`; the notices `notice.LANG.md` and
//! `notice.LANG.html` for each of the policy's languages that notices can be written in; and
//! `schemas/CATEGORY.schema.json` for each data category with fields. All are written in one atomic
//! batch.

use std::process::ExitCode;

use super::{load, today, write, BuildArgs, CliError};
use crate::check::CheckConfig;
use crate::db::Database;
use crate::diagnostic;
use crate::emit::notice::{self, Format, Templates};
use crate::ir::{Date, Policy};
use crate::resolve::resolve_policy;

pub fn run(args: &BuildArgs) -> Result<ExitCode, CliError> {
    let mut db = Database::new();
    let roots = load::load_roots(&mut db, std::slice::from_ref(&args.file))?;
    let as_of = args.common.as_of.unwrap_or_else(today);
    let levels = super::config::levels(&args.common, Some(&args.file))?;
    let config = CheckConfig::new(&db, as_of, levels);
    let mut diags = super::check::collect(&db, &roots, config);
    let deny = args.common.deny.is_some();
    let mut files = Vec::new();
    if !super::check::failed(&diags, deny) {
        let Some(&root) = roots.first() else { return Err(CliError("no policy file given".into())) };
        let policy = &resolve_policy(&db, root).policy;
        let (artefacts, notice_diags) = artefacts(policy, as_of, &Templates::shipped())?;
        files = artefacts;
        diags.extend(notice_diags);
        diagnostic::sort(&db, &mut diags);
    }
    let shown: Vec<_> = diags.iter().filter(|d| d.waived.is_none()).cloned().collect();
    diagnostic::render::to_stderr(&db, &shown, args.common.color.enabled())?;
    if super::check::failed(&diags, deny) {
        eprintln!("{}", super::check::summary(&diags, 1));
        eprintln!("error: nothing was written to `{}` because the policy has errors", args.out.display());
        return Ok(ExitCode::from(1));
    }
    write::write_all(&args.out, &files)?;
    eprintln!("{}", super::check::summary(&diags, 1));
    eprintln!("wrote {} files to `{}`", files.len(), args.out.display());
    Ok(ExitCode::SUCCESS)
}

/// Every artefact of a policy, by path in the output directory, and the diagnostics of writing the
/// notices (`missing-translation`).
pub fn artefacts(
    policy: &Policy,
    as_of: Date,
    templates: &Templates,
) -> Result<(Vec<(String, String)>, Vec<diagnostic::Diagnostic>), CliError> {
    let schema = serde_json::to_string_pretty(&crate::emit::policy_schema())? + "\n";
    let mut files = vec![
        ("policy.json".to_string(), crate::emit::policy_json(policy, as_of)),
        ("policy.schema.json".to_string(), schema),
    ];
    let mut diags = Vec::new();
    for lang in notice_languages(policy) {
        for format in [Format::Markdown, Format::Html] {
            let rendered = notice::render(policy, as_of, &lang, format, templates).map_err(CliError)?;
            files.push((format!("notice.{lang}.{}", format.extension()), rendered.text));
            for d in rendered.diagnostics {
                if !diags.contains(&d) {
                    diags.push(d);
                }
            }
        }
    }
    for (category, json) in crate::emit::records::record_schemas(policy) {
        files.push((crate::emit::records::file_name(&category), json));
    }
    Ok((files, diags))
}

/// The policy's languages that notices can be written in (Bokmål when it declares none). Other
/// languages are skipped with a note.
fn notice_languages(policy: &Policy) -> Vec<String> {
    let declared: Vec<String> = policy.meta.as_ref().map(|m| m.languages.clone()).unwrap_or_default();
    if declared.is_empty() {
        return vec!["nb".to_string()];
    }
    let mut out = Vec::new();
    for lang in declared {
        if notice::LANGUAGES.contains(&lang.as_str()) {
            if !out.contains(&lang) {
                out.push(lang);
            }
        } else {
            eprintln!("note: no notice in `{lang}`: notices can be written in {}", notice::LANGUAGES.join(", "));
        }
    }
    out
}
