//! `vern diff OLD NEW` and `vern diff --git REV FILE`: what changed between two versions of a policy.
//!
//! Each version is loaded into its own database with the files it `use`s: from disk, or for
//! `--git` from the revision with `git show REV:PATH` (run as a subprocess, paths relative to the
//! repository root). A version with compiler errors (parse or resolve) is refused, with the
//! diagnostics; the checker's findings do not matter. The diff goes to stdout in the chosen format.
//!
//! Exit codes: 0 when the versions were compared, whether or not anything changed (the output says
//! what did; `--format json` carries the counts for scripts); 2 when they could not be compared
//! (usage, I/O, git, or a version that does not compile).

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use super::{CliError, ColorChoice, DiffArgs, DiffFormat, load, today};
use crate::db::{Database, SourceFile};
use crate::diagnostic::{self, Diagnostic, codes};
use crate::diff::{self, render};
use crate::resolve::{file_imports, join, resolve_policy};

pub fn run(args: &DiffArgs) -> Result<ExitCode, CliError> {
    let write: fn(&diff::PolicyDiff) -> String = match args.format {
        DiffFormat::Human => render::human,
        DiffFormat::Json => render::json,
        DiffFormat::Markdown => render::markdown,
    };
    let as_of = args.as_of.unwrap_or_else(today);
    let (old, new_path) = if args.git {
        let Some(file) = &args.new else {
            return Err(CliError(
                "`vern diff --git REV FILE` needs the FILE to compare with its version at REV"
                    .into(),
            ));
        };
        (load_git(&args.old, file)?, file.clone())
    } else {
        let Some(new) = &args.new else {
            return Err(CliError(
                "`vern diff` needs two files, OLD and NEW; to compare a file with a git revision, use `vern diff --git REV FILE`"
                    .into(),
            ));
        };
        (load_file(Path::new(&args.old))?, new.clone())
    };
    let new = load_file(&new_path)?;

    let color = ColorChoice::Auto.enabled();
    let mut refused = false;
    for (version, which) in [(&old, "old"), (&new, "new")] {
        let errors = compiler_errors(&version.db, version.root);
        if !errors.is_empty() {
            diagnostic::render::to_stderr(&version.db, &errors, color)?;
            errln!(
                "error: the {which} version (`{}`) does not compile, so it cannot be compared",
                version.label
            );
            refused = true;
        }
    }
    if refused {
        return Ok(ExitCode::from(2));
    }

    let old_policy = &resolve_policy(&old.db, old.root).policy;
    let new_policy = &resolve_policy(&new.db, new.root).policy;
    let mut result = diff::diff(old_policy, new_policy, as_of);
    result.old.source = Some(old.label.clone());
    result.new.source = Some(new.label.clone());
    out!("{}", write(&result));
    Ok(ExitCode::SUCCESS)
}

/// One version: its database, root file, and how it is named in messages and in the output.
struct Loaded {
    db: Database,
    root: SourceFile,
    label: String,
}

fn load_file(path: &Path) -> Result<Loaded, CliError> {
    if path.is_dir() {
        return Err(CliError(format!(
            "`{}` is a directory; `vern diff` compares two policy files",
            path.display()
        )));
    }
    let mut db = Database::new();
    let roots = load::load_roots(&mut db, &[path.to_path_buf()])?;
    let Some(&root) = roots.first() else {
        return Err(CliError(format!("cannot read `{}`", path.display())));
    };
    Ok(Loaded {
        db,
        root,
        label: load::display_path(path),
    })
}

/// Errors of the compiler's own stages (parse, resolve), which leave the policy incomplete.
fn compiler_errors(db: &Database, root: SourceFile) -> Vec<Diagnostic> {
    let mut errors: Vec<Diagnostic> = resolve_policy(db, root)
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && codes::lookup(d.code).is_some())
        .cloned()
        .collect();
    diagnostic::sort(db, &mut errors);
    errors.dedup();
    errors
}

// -------------------------------------------------------------------------------------------------
// git
// -------------------------------------------------------------------------------------------------

fn git(args: &[&str]) -> Result<std::process::Output, CliError> {
    Command::new("git").args(args).output().map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            CliError(
                "`vern diff --git` needs git, and git is not installed or not on the PATH".into(),
            )
        } else {
            CliError(format!("cannot run git: {e}"))
        }
    })
}

fn stdout_line(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout)
        .trim_end_matches(['\n', '\r'])
        .to_string()
}

/// FILE at revision REV, with the files it `use`s at that revision. The database names the files by
/// their path in the repository.
fn load_git(rev: &str, file: &Path) -> Result<Loaded, CliError> {
    check_revision(rev)?;
    let prefix = git(&["rev-parse", "--show-prefix"])?;
    if !prefix.status.success() {
        let why = String::from_utf8_lossy(&prefix.stderr).trim().to_string();
        return Err(CliError(format!(
            "`vern diff --git` must run inside a git repository: {why}"
        )));
    }
    let prefix = stdout_line(&prefix);
    let commit = format!("{rev}^{{commit}}");
    let verify = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        &commit,
    ])?;
    let sha = stdout_line(&verify);
    if !verify.status.success() || !sha.chars().all(|c| c.is_ascii_hexdigit()) || sha.is_empty() {
        return Err(CliError(format!(
            "the revision `{rev}` does not exist in this repository"
        )));
    }
    // From here on git sees only the commit's id, never the text the user gave.
    let path = repo_path(&prefix, file)?;
    let Some(text) = show(&sha, &path, rev)? else {
        return Err(CliError(format!(
            "`{path}` does not exist at revision `{rev}`"
        )));
    };
    let mut db = Database::new();
    let root = db.set_file(&path, text);
    // The files it uses, at the same revision; one that is missing there is reported by resolve.
    let mut queue = vec![root];
    while let Some(f) = queue.pop() {
        for import in file_imports(&db, f) {
            if db.file(&import.path).is_some() {
                continue;
            }
            if let Some(text) = show(&sha, &import.path, rev)? {
                queue.push(db.set_file(&import.path, text));
            }
        }
    }
    Ok(Loaded {
        db,
        root,
        label: format!("{rev}:{path}"),
    })
}

/// The path of `file` relative to the repository root, with `/` separators.
fn repo_path(prefix: &str, file: &Path) -> Result<String, CliError> {
    let outside = || {
        CliError(format!(
            "`{}` is outside the git repository",
            file.display()
        ))
    };
    if file.is_absolute() {
        let top = git(&["rev-parse", "--show-toplevel"])?;
        let top = PathBuf::from(stdout_line(&top));
        let canonical_top = top.canonicalize().unwrap_or_else(|_| top.clone());
        let canonical_file = file
            .parent()
            .and_then(|p| p.canonicalize().ok())
            .and_then(|p| file.file_name().map(|n| p.join(n)))
            .unwrap_or_else(|| file.to_path_buf());
        let relative = file
            .strip_prefix(&top)
            .or_else(|_| canonical_file.strip_prefix(&canonical_top))
            .map_err(|_| outside())?;
        return Ok(load::display_path(relative));
    }
    // `join` takes the directory of its first argument: the prefix is the current directory.
    let path = join(&format!("{prefix}_"), &load::display_path(file));
    if path.starts_with("../") || path == ".." {
        return Err(outside());
    }
    Ok(path)
}

/// Refuses a revision that git could read as an option (`--upload-pack=...`, `-c core.sshCommand=...`,
/// `--output=FILE`), or that holds what no revision holds (blanks, control characters, `:` that would
/// change what `REV:PATH` names). Git runs without a shell, so `$(...)` is never expanded; it is passed
/// after `--end-of-options` as well, and the files are read by the commit id it resolves to.
fn check_revision(rev: &str) -> Result<(), CliError> {
    let bad = rev.is_empty()
        || rev.len() > 256
        || rev.starts_with('-')
        || rev.contains("..")
        || rev
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || matches!(c, ':' | '\\' | '\0'));
    if bad {
        return Err(CliError(format!(
            "`{}` is not a git revision (a commit, branch or tag such as `HEAD~1`, `main` or `v1.2`)",
            rev.escape_debug()
        )));
    }
    Ok(())
}

/// The blob at `COMMIT:PATH` (`git cat-file`, which runs no filters), or `None` when it does not exist
/// there. `rev` is the name the user gave, for messages.
fn show(commit: &str, path: &str, rev: &str) -> Result<Option<String>, CliError> {
    let out = git(&["cat-file", "blob", &format!("{commit}:{path}")])?;
    if !out.status.success() {
        return Ok(None);
    }
    String::from_utf8(out.stdout).map(Some).map_err(|e| {
        CliError(format!(
            "`{path}` at `{rev}` is not valid UTF-8 (at byte {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repository_paths_fold_the_prefix() {
        assert_eq!(
            repo_path("", Path::new("policy.vern")).ok(),
            Some("policy.vern".to_string())
        );
        assert_eq!(
            repo_path("docs/", Path::new("../examples/a.vern")).ok(),
            Some("examples/a.vern".to_string())
        );
        assert_eq!(
            repo_path("a/b/", Path::new("./c.vern")).ok(),
            Some("a/b/c.vern".to_string())
        );
        assert!(repo_path("", Path::new("../x.vern")).is_err());
    }
}
