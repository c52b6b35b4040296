//! `vern build`: check, then write the artefacts; nothing is written when there are errors.
//!
//! The artefacts: `policy.json` and `policy.schema.json`; the notices `notice.LANG.md` and
//! `notice.LANG.html` for each of the policy's languages that notices can be written in; and
//! `schemas/CATEGORY.schema.json` for each data category with fields; and the exports that `[build]
//! exports` in `vern.toml` names (`fides.yml`, `ropa.xlsx`, ...: docs/exports.md). All are written in
//! one atomic batch.

use std::process::ExitCode;

use super::{BuildArgs, CliError, load, today, write};
use crate::check::CheckConfig;
use crate::db::Database;
use crate::diagnostic;
use crate::emit::notice::{self, Format, Templates};
use crate::ir::{Date, Policy};
use crate::resolve::resolve_policy;

pub fn run(args: &BuildArgs) -> Result<ExitCode, CliError> {
    let settings = super::config::load(&args.common, args.file.as_ref())?;
    let as_of = args.common.as_of.or(settings.as_of).unwrap_or_else(today);
    let out = args.out.clone().or(settings.out.clone());
    match &args.file {
        Some(file) => {
            let out = out.ok_or_else(|| {
                CliError("name the output directory: `vern build FILE -o DIR`".into())
            })?;
            build_one(args, file, &out, as_of, &settings.levels, &settings.exports)
        }
        None => {
            // The workspace: every policy root, each into `out/<file stem>/`.
            let out = out.ok_or_else(|| {
                CliError(
                    "no output directory: give `-o DIR` or set `[workspace] out` in vern.toml"
                        .into(),
                )
            })?;
            let paths = super::config::paths(&[], &settings)?;
            let mut db = Database::new();
            let roots = load::load_roots(&mut db, &paths)?;
            let mut code = ExitCode::SUCCESS;
            for root in roots {
                let path = std::path::PathBuf::from(root.path(&db));
                let stem = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if build_one(
                    args,
                    &path,
                    &out.join(&stem),
                    as_of,
                    &settings.levels,
                    &settings.exports,
                )? != ExitCode::SUCCESS
                {
                    code = ExitCode::from(1);
                }
            }
            Ok(code)
        }
    }
}

fn build_one(
    args: &BuildArgs,
    file: &std::path::Path,
    out: &std::path::Path,
    as_of: Date,
    levels: &crate::check::Levels,
    exports: &[crate::emit::export::Format],
) -> Result<ExitCode, CliError> {
    let mut db = Database::new();
    let roots = load::load_roots(&mut db, &[file.to_path_buf()])?;
    let config = CheckConfig::new(&db, as_of, levels.clone());
    let mut diags = super::check::collect(&db, &roots, config);
    let deny = args.common.deny.is_some();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    if !super::check::failed(&diags, deny) {
        let Some(&root) = roots.first() else {
            return Err(CliError("no policy file given".into()));
        };
        let policy = &resolve_policy(&db, root).policy;
        let templates = super::notice::templates(args.templates.as_deref())?;
        let (artefacts, notice_diags) = artefacts(policy, as_of, &templates)?;
        files = artefacts
            .into_iter()
            .map(|(name, text)| (name, text.into_bytes()))
            .collect();
        // The exports `[build] exports` in vern.toml names, in the same atomic batch.
        for format in exports {
            let bytes =
                crate::emit::export::export(policy, as_of, *format, "en").map_err(CliError)?;
            files.push((format.file_name().to_string(), bytes));
        }
        diags.extend(notice_diags);
        diagnostic::sort(&db, &mut diags);
    }
    let shown: Vec<_> = diags
        .iter()
        .filter(|d| d.waived.is_none())
        .cloned()
        .collect();
    diagnostic::render::to_stderr(&db, &shown, args.common.color.enabled())?;
    if super::check::failed(&diags, deny) {
        errln!("{}", super::check::summary(&diags, 1));
        errln!(
            "error: nothing was written to `{}` because the policy has errors",
            out.display()
        );
        return Ok(ExitCode::from(1));
    }
    write::write_set(out, &files)?;
    errln!("{}", super::check::summary(&diags, 1));
    errln!("wrote {} files to `{}`", files.len(), out.display());
    Ok(ExitCode::SUCCESS)
}

/// Files by path in the output directory, and the diagnostics of writing them.
type Artefacts = (Vec<(String, String)>, Vec<diagnostic::Diagnostic>);

/// Every artefact of a policy, by path in the output directory, and the diagnostics of writing the
/// notices. (`missing-translation` is the checker's, reported by `check::collect` as in `vern check`.)
pub fn artefacts(
    policy: &Policy,
    as_of: Date,
    templates: &Templates,
) -> Result<Artefacts, CliError> {
    let schema = serde_json::to_string_pretty(&crate::emit::policy_schema())? + "\n";
    let mut files = vec![
        (
            "policy.json".to_string(),
            crate::emit::policy_json(policy, as_of),
        ),
        ("policy.schema.json".to_string(), schema),
    ];
    let mut diags = Vec::new();
    for lang in notice_languages(policy) {
        for format in [Format::Markdown, Format::Html] {
            let rendered =
                notice::render(policy, as_of, &lang, format, templates).map_err(CliError)?;
            files.push((
                format!("notice.{lang}.{}", format.extension()),
                rendered.text,
            ));
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

/// The policy's languages that notices can be written in (`sema::translation::notice_languages`).
/// Other languages are skipped with a note.
fn notice_languages(policy: &Policy) -> Vec<String> {
    for lang in policy.meta.iter().flat_map(|m| m.languages.iter()) {
        if !notice::LANGUAGES.contains(&lang.as_str()) {
            errln!(
                "note: no notice in `{lang}`: notices can be written in {}",
                notice::LANGUAGES.join(", ")
            );
        }
    }
    crate::sema::translation::notice_languages(policy)
}
