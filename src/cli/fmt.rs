//! `vern fmt`: formats files in place (atomically), checks that they are formatted (`--check`, with a
//! diff), or formats stdin to stdout (`-`). A file with syntax errors is reported and left alone.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{CliError, ColorChoice, FmtArgs};
use crate::db::Database;
use crate::diagnostic::render;
use crate::syntax::parse;
use crate::workspace::{Root, display_path};

/// What happened to the files so far; decides the exit code.
#[derive(Default)]
struct Outcome {
    /// Files rewritten, or (with `--check`) files that would be.
    changed: usize,
    /// A file had syntax errors or could not be formatted: exit 1.
    failed: bool,
    /// A file could not be read or written: exit 2.
    io: bool,
    /// Folders already cleared of what an interrupted run left.
    cleaned: std::collections::HashSet<PathBuf>,
}

pub fn run(args: &FmtArgs) -> Result<ExitCode, CliError> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut db = Database::new();
    let mut outcome = Outcome::default();
    let mut files = Vec::new();
    let mut stdin = false;
    for path in &paths {
        if path.as_os_str() == "-" {
            stdin = true;
        } else if path.is_dir() {
            match crate::workspace::walk::vern_files(path) {
                Ok(found) => files.extend(found),
                Err(e) => {
                    errln!("error: {e}");
                    outcome.io = true;
                }
            }
        } else {
            files.push(path.clone());
        }
    }
    if stdin {
        format_stdin(&mut db, args.check, &mut outcome);
    }
    for file in &files {
        format_file(&mut db, file, args.check, &mut outcome);
    }
    if !files.is_empty() || !stdin {
        let n = outcome.changed;
        let s = if n == 1 { "" } else { "s" };
        if args.check {
            if n > 0 {
                errln!("{n} file{s} would be reformatted");
            }
        } else {
            errln!("formatted {n} file{s}");
        }
    }
    Ok(if outcome.io {
        ExitCode::from(2)
    } else if outcome.failed || (args.check && outcome.changed > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The formatted text, or `None` when the file has syntax errors (rendered on stderr) or could not
/// be formatted.
fn formatted(db: &mut Database, name: &str, text: &str, outcome: &mut Outcome) -> Option<String> {
    // The formatter parses the text itself; only a text it refuses for its syntax is parsed again,
    // in the database, to show the errors with their source (a third parse of every file that
    // formats cleanly cost a third of `vern fmt`'s time).
    let refused = match crate::fmt::format(text) {
        Ok(out) => return Some(out),
        Err(e) => e,
    };
    let file = db.set_file(name, text.to_string());
    let diags = parse(db, file).diagnostics.clone();
    if !diags.is_empty() {
        if render::to_stderr(db, &diags, ColorChoice::Auto.enabled()).is_err() {
            outcome.io = true;
        }
        errln!("error: `{name}` has syntax errors; it was not formatted");
    } else {
        errln!("error: cannot format `{name}`: {refused}");
    }
    outcome.failed = true;
    None
}

fn diff(name: &str, old: &str, new: &str) -> String {
    super::udiff::unified_diff(name, &format!("{name} (formatted)"), old, new)
}

fn format_file(db: &mut Database, path: &Path, check: bool, outcome: &mut Outcome) {
    let name = display_path(path);
    // Read inside the file's workspace, as `check` does: a link that leads out is not followed (its
    // target's text would be shown in a syntax error, and rewritten).
    let text = match Root::of(path).read(path) {
        Ok(t) => t,
        Err(message) => {
            errln!("error: {message}");
            outcome.io = true;
            return;
        }
    };
    let Some(out) = formatted(db, &name, &text, outcome) else {
        return;
    };
    if out == text {
        return;
    }
    outcome.changed += 1;
    if check {
        if let Err(CliError(message)) = super::write_stdout(&diff(&name, &text, &out)) {
            errln!("error: {message}");
            outcome.io = true;
        }
    } else if let Err(CliError(message)) = write_atomically(path, &out, &mut outcome.cleaned) {
        errln!("error: {message}");
        outcome.io = true;
        outcome.changed -= 1;
    }
}

fn format_stdin(db: &mut Database, check: bool, outcome: &mut Outcome) {
    let mut bytes = Vec::new();
    // The same limit as for files: read one byte past it to know it was passed.
    let limit = crate::workspace::max_file_size();
    if let Err(e) = std::io::stdin().take(limit + 1).read_to_end(&mut bytes) {
        errln!("error: cannot read stdin: {e}");
        outcome.io = true;
        return;
    }
    if bytes.len() as u64 > limit {
        errln!("error: stdin is larger than the largest source vern reads ({limit} bytes)");
        outcome.io = true;
        return;
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            errln!(
                "error: stdin is not valid UTF-8 (at byte {}); vern source must be UTF-8",
                e.utf8_error().valid_up_to()
            );
            outcome.io = true;
            return;
        }
    };
    let Some(out) = formatted(db, "<stdin>", &text, outcome) else {
        return;
    };
    let written = if check {
        if out != text {
            outcome.changed += 1;
            super::write_stdout(&diff("<stdin>", &text, &out))
        } else {
            Ok(())
        }
    } else {
        super::write_stdout(&out)
    };
    if let Err(CliError(message)) = written {
        errln!("error: {message}");
        outcome.io = true;
    }
}

const TEMP_PREFIX: &str = ".vern-fmt-";

/// Removes the temporary files that a `vern fmt` killed while writing left in `dir` (older than a
/// minute, so that a run beside this one keeps its own).
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let minute_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    for entry in entries.flatten() {
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t < minute_ago);
        if stale && entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Replaces a file by a temporary file written beside it, so that it is never seen half-written. The
/// file keeps its permissions, and a symbolic link stays a link (its target is rewritten).
pub(super) fn write_atomically(
    path: &Path,
    contents: &str,
    cleaned: &mut std::collections::HashSet<PathBuf>,
) -> Result<(), CliError> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let cannot = |e: std::io::Error| CliError(format!("cannot write `{}`: {e}", path.display()));
    if cleaned.insert(dir.clone()) {
        remove_stale_temporaries(&dir);
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(&dir)
        .map_err(cannot)?;
    tmp.write_all(contents.as_bytes()).map_err(cannot)?;
    if let Ok(meta) = std::fs::metadata(&target) {
        tmp.as_file()
            .set_permissions(meta.permissions())
            .map_err(cannot)?;
    }
    tmp.as_file().sync_all().map_err(cannot)?;
    tmp.persist(&target).map_err(|e| cannot(e.error))?;
    Ok(())
}
