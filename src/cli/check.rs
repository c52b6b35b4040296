//! `vern check`: diagnostics for people or machines.

use std::process::ExitCode;

use super::{load, today, CheckArgs, CliError, Format};
use crate::check::{check_policy, CheckConfig};
use crate::db::Database;
use crate::diagnostic::{self, Diagnostic, Severity};

pub fn run(args: &CheckArgs) -> Result<ExitCode, CliError> {
    let mut db = Database::new();
    let roots = load::load_roots(&mut db, &args.paths)?;
    let config = CheckConfig::new(&db, args.common.as_of.unwrap_or_else(today));
    let diags = collect(&db, &roots, config);
    match args.format {
        Format::Human => {
            diagnostic::render::to_stderr(&db, &diags, args.common.color.enabled())?;
            eprintln!("{}", summary(&diags, roots.len()));
        }
        Format::Json => {
            let json: Vec<_> = diags.iter().map(|d| diagnostic::json::convert(&db, d)).collect();
            println!("{}", serde_json::to_string_pretty(&json)?);
        }
    }
    let failed = diags.iter().any(|d| d.severity == Severity::Error);
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Every diagnostic of every root, each once, in a stable order.
pub fn collect(db: &Database, roots: &[crate::db::SourceFile], config: CheckConfig) -> Vec<Diagnostic> {
    let mut seen = std::collections::HashSet::new();
    let mut diags: Vec<Diagnostic> = roots
        .iter()
        .flat_map(|&root| check_policy(db, root, config).iter().cloned())
        .filter(|d| seen.insert(d.clone()))
        .collect();
    diagnostic::sort(db, &mut diags);
    diags
}

pub fn summary(diags: &[Diagnostic], files: usize) -> String {
    let count = |s| diags.iter().filter(|d| d.severity == s).count();
    let (errors, warnings, infos) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
    let policies = if files == 1 { "1 policy".to_string() } else { format!("{files} policies") };
    if errors + warnings + infos == 0 {
        return format!("checked {policies}: no problems found");
    }
    let plural = |n: usize, word: &str| if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") };
    format!(
        "checked {policies}: {}, {}, {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(infos, "note")
    )
}
