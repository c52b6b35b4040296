//! `vern check`: diagnostics for people or machines.

use std::process::ExitCode;

use super::{CheckArgs, CheckFormat, CliError, load, today};
use crate::check::{CheckConfig, check_policy};
use crate::db::Database;
use crate::diagnostic::{self, Diagnostic, Severity};

pub fn run(args: &CheckArgs) -> Result<ExitCode, CliError> {
    let settings = super::config::load(&args.common, args.paths.first())?;
    let paths = super::config::paths(&args.paths, &settings)?;
    let mut db = Database::new();
    let roots = load::load_roots(&mut db, &paths)?;
    let evidence_paths = super::evidence::paths(&args.evidence, settings.file.as_deref())?;
    let evidence = super::evidence::load(&mut db, &evidence_paths)?;
    let as_of = args.common.as_of.or(settings.as_of).unwrap_or_else(today);
    let org_ids: std::collections::BTreeSet<String> = roots
        .iter()
        .flat_map(|&r| {
            crate::resolve::resolve_policy(&db, r)
                .policy
                .org_rules
                .iter()
                .map(|o| o.id.to_string())
        })
        .collect();
    if let Some(problem) = crate::check::config::unknown_level_keys(&settings.levels, &org_ids)
        .into_iter()
        .next()
    {
        return Err(CliError(problem));
    }
    let config = CheckConfig::new(&db, as_of, settings.levels);
    let mut diags = collect(&db, &roots, config);
    if args.fix {
        let fixed = super::fix::apply(&mut db, &roots, config, diags);
        diags = fixed.remaining.clone();
        report_fixes(&db, &fixed, args.dry_run)?;
        if args.dry_run {
            errln!(
                "{}",
                summary(&diags, roots.len()).replace("checked", "after the fixes,")
            );
            return Ok(exit_code(&diags, args.common.deny.is_some()));
        }
    }
    crate::check::evidence::extend(&db, &roots, config, &evidence, &mut diags);
    let docs = rule_docs();
    match args.format {
        CheckFormat::Human => {
            let shown: Vec<Diagnostic> = diags
                .iter()
                .filter(|d| d.waived.is_none())
                .cloned()
                .collect();
            diagnostic::render::to_stderr(&db, &shown, args.common.color.enabled())?;
            errln!("{}", summary(&diags, roots.len()));
        }
        CheckFormat::Json => {
            let json: Vec<_> = diags
                .iter()
                .map(|d| diagnostic::json::convert(&db, d, &docs))
                .collect();
            outln!("{}", serde_json::to_string_pretty(&json)?);
        }
        CheckFormat::Sarif => outln!(
            "{}",
            serde_json::to_string_pretty(&diagnostic::sarif::to_json(&db, &diags, &docs))?
        ),
        CheckFormat::Github => {
            out!("{}", diagnostic::sarif::github(&db, &diags));
            errln!("{}", summary(&diags, roots.len()));
        }
    }
    let code = exit_code(&diags, args.common.deny.is_some());
    // The process ends here: freeing every query result one by one took a twentieth of a large
    // check (perf), and the operating system reclaims the memory at once.
    std::mem::forget(db);
    Ok(code)
}

fn exit_code(diags: &[Diagnostic], deny_warnings: bool) -> ExitCode {
    if failed(diags, deny_warnings) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints the diff (`--dry-run`) or writes the fixed files, then says what was done on stderr.
fn report_fixes(db: &Database, fixed: &super::fix::Fixed, dry_run: bool) -> Result<(), CliError> {
    let n = fixed.applied;
    let files = fixed.files.len();
    let (fs, s) = (plural(files, "file"), if n == 1 { "" } else { "es" });
    if dry_run {
        out!("{}", super::fix::diff(db, fixed));
        errln!("would apply {n} fix{s} in {fs}; nothing was written");
    } else {
        super::fix::write(db, fixed)?;
        errln!("applied {n} fix{s} in {fs}");
    }
    for path in &fixed.unformatted {
        errln!("note: `{path}` still has syntax errors, so it was not reformatted");
    }
    Ok(())
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The checker's catalog as the JSON and SARIF writers want it.
pub fn rule_docs() -> Vec<diagnostic::RuleDoc> {
    crate::check::rules::RULES
        .iter()
        .map(|r| diagnostic::RuleDoc {
            id: r.id,
            group: r.group,
            summary: r.summary,
            legal: r.legal,
            default: r.default,
            explain: crate::check::explain::visible(r.explain),
        })
        .collect()
}

/// True when a finding should fail the run: an error, or with `--deny warnings` a warning; never a
/// waived finding.
pub fn failed(diags: &[Diagnostic], deny_warnings: bool) -> bool {
    diags.iter().any(|d| {
        d.waived.is_none()
            && (d.severity == Severity::Error || (deny_warnings && d.severity == Severity::Warning))
    })
}

/// Every diagnostic of every root, each once, in a stable order. Roots are checked in parallel, each
/// thread on a snapshot of the same database (salsa shares what they have in common, the stdlib).
pub fn collect(
    db: &Database,
    roots: &[crate::db::SourceFile],
    config: CheckConfig,
) -> Vec<Diagnostic> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(roots.len())
        .max(1);
    let chunks: Vec<&[crate::db::SourceFile]> =
        roots.chunks(roots.len().div_ceil(threads).max(1)).collect();
    let per_root: Vec<Vec<Diagnostic>> = if chunks.len() <= 1 {
        roots
            .iter()
            .map(|&r| check_policy(db, r, config).clone())
            .collect()
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = chunks
                .iter()
                .map(|chunk| {
                    let snapshot = db.clone();
                    scope.spawn(move || {
                        chunk
                            .iter()
                            .map(|&r| check_policy(&snapshot, r, config).clone())
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        })
    };
    let mut seen = std::collections::HashSet::new();
    let mut diags: Vec<Diagnostic> = per_root
        .into_iter()
        .flatten()
        .filter(|d| seen.insert(d.clone()))
        .collect();
    diagnostic::sort(db, &mut diags);
    diags
}

pub fn summary(diags: &[Diagnostic], files: usize) -> String {
    let waived = diags.iter().filter(|d| d.waived.is_some()).count();
    let waived = if waived > 0 {
        format!(" ({waived} waived)")
    } else {
        String::new()
    };
    let count = |s| {
        diags
            .iter()
            .filter(|d| d.severity == s && d.waived.is_none())
            .count()
    };
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let policies = if files == 1 {
        "1 policy".to_string()
    } else {
        format!("{files} policies")
    };
    if errors + warnings + infos == 0 {
        return format!("checked {policies}: no problems found{waived}");
    }
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    format!(
        "checked {policies}: {}, {}, {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(infos, "note")
    ) + &waived
}
