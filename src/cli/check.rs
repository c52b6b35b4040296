//! `vern check`: diagnostics for people or machines.

use std::process::ExitCode;

use super::{load, today, CheckArgs, CliError, Format};
use crate::check::{check_policy, CheckConfig};
use crate::db::Database;
use crate::diagnostic::{self, Diagnostic, Severity};

pub fn run(args: &CheckArgs) -> Result<ExitCode, CliError> {
    let mut db = Database::new();
    let roots = load::load_roots(&mut db, &args.paths)?;
    let levels = super::config::levels(&args.common, args.paths.first())?;
    let config = CheckConfig::new(&db, args.common.as_of.unwrap_or_else(today), levels);
    let diags = collect(&db, &roots, config);
    match args.format {
        Format::Human => {
            let shown: Vec<Diagnostic> = diags.iter().filter(|d| d.waived.is_none()).cloned().collect();
            diagnostic::render::to_stderr(&db, &shown, args.common.color.enabled())?;
            eprintln!("{}", summary(&diags, roots.len()));
        }
        Format::Json | Format::Markdown => {
            let json: Vec<_> = diags.iter().map(|d| diagnostic::json::convert(&db, d)).collect();
            println!("{}", serde_json::to_string_pretty(&json)?);
        }
    }
    Ok(if failed(&diags, args.common.deny.is_some()) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// True when a finding should fail the run: an error, or with `--deny warnings` a warning; never a
/// waived finding.
pub fn failed(diags: &[Diagnostic], deny_warnings: bool) -> bool {
    diags.iter().any(|d| {
        d.waived.is_none() && (d.severity == Severity::Error || (deny_warnings && d.severity == Severity::Warning))
    })
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
    let waived = diags.iter().filter(|d| d.waived.is_some()).count();
    let waived = if waived > 0 { format!(" ({waived} waived)") } else { String::new() };
    let count = |s| diags.iter().filter(|d| d.severity == s && d.waived.is_none()).count();
    let (errors, warnings, infos) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
    let policies = if files == 1 { "1 policy".to_string() } else { format!("{files} policies") };
    if errors + warnings + infos == 0 {
        return format!("checked {policies}: no problems found{waived}");
    }
    let plural = |n: usize, word: &str| if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") };
    format!(
        "checked {policies}: {}, {}, {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(infos, "note")
    ) + &waived
}
