//! `vern build`: check, then write the artefacts; nothing is written when there are errors.

use std::process::ExitCode;

use super::{load, today, write, BuildArgs, CliError};
use crate::check::CheckConfig;
use crate::db::Database;
use crate::diagnostic;
use crate::resolve::resolve_policy;

pub fn run(args: &BuildArgs) -> Result<ExitCode, CliError> {
    let mut db = Database::new();
    let roots = load::load_roots(&mut db, std::slice::from_ref(&args.file))?;
    let as_of = args.common.as_of.unwrap_or_else(today);
    let levels = super::config::levels(&args.common, Some(&args.file))?;
    let config = CheckConfig::new(&db, as_of, levels);
    let diags = super::check::collect(&db, &roots, config);
    let shown: Vec<_> = diags.iter().filter(|d| d.waived.is_none()).cloned().collect();
    diagnostic::render::to_stderr(&db, &shown, args.common.color.enabled())?;
    if super::check::failed(&diags, args.common.deny.is_some()) {
        eprintln!("{}", super::check::summary(&diags, 1));
        eprintln!("error: nothing was written to `{}` because the policy has errors", args.out.display());
        return Ok(ExitCode::from(1));
    }
    let Some(&root) = roots.first() else { return Err(CliError("no policy file given".into())) };
    let policy = &resolve_policy(&db, root).policy;
    let schema = serde_json::to_string_pretty(&crate::emit::policy_schema())? + "\n";
    let files = vec![
        ("policy.json".to_string(), crate::emit::policy_json(policy, as_of)),
        ("policy.schema.json".to_string(), schema),
    ];
    write::write_all(&args.out, &files)?;
    eprintln!("{}", super::check::summary(&diags, 1));
    eprintln!("wrote {} files to `{}`", files.len(), args.out.display());
    Ok(ExitCode::SUCCESS)
}
