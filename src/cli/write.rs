//! Writing artefacts atomically: every file goes to a temporary file in its target directory and is
//! renamed into place only when all of them were written, so a failed or interrupted build leaves the
//! previous artefacts intact and no partial artefact. A build killed while staging can leave hidden
//! `.vern-*` temporary files; the next build removes them.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::CliError;

const TEMP_PREFIX: &str = ".vern-";

/// Test hook: fail with "no space left on device" after this many bytes (simulates a full disk).
const FAULT_ENV: &str = "VERN_FAULT_WRITE_AFTER_BYTES";

pub fn write_all(dir: &Path, files: &[(String, String)]) -> Result<(), CliError> {
    std::fs::create_dir_all(dir)
        .map_err(|e| CliError(format!("cannot create `{}`: {e}", dir.display())))?;
    let mut budget: Option<usize> = std::env::var(FAULT_ENV).ok().and_then(|v| v.parse().ok());
    let mut staged: Vec<(tempfile::NamedTempFile, PathBuf)> = Vec::new();
    let mut cleaned: Vec<PathBuf> = Vec::new();
    for (name, contents) in files {
        let target = dir.join(name);
        let parent = target.parent().unwrap_or(dir).to_path_buf();
        std::fs::create_dir_all(&parent)
            .map_err(|e| CliError(format!("cannot create `{}`: {e}", parent.display())))?;
        if !cleaned.contains(&parent) {
            remove_stale_temporaries(&parent);
            cleaned.push(parent.clone());
        }
        let mut tmp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .tempfile_in(&parent)
            .map_err(|e| CliError(format!("cannot write in `{}`: {e}", parent.display())))?;
        write_limited(tmp.as_file_mut(), contents.as_bytes(), &mut budget)
            .and_then(|()| tmp.as_file().sync_all())
            .map_err(|e| {
                CliError(format!(
                    "cannot write `{}`: {e}; nothing was changed in `{}`",
                    target.display(),
                    dir.display()
                ))
            })?;
        staged.push((tmp, target));
    }
    for (tmp, target) in staged {
        tmp.persist(&target)
            .map_err(|e| CliError(format!("cannot write `{}`: {}", target.display(), e.error)))?;
    }
    Ok(())
}

fn write_limited(
    file: &mut std::fs::File,
    bytes: &[u8],
    budget: &mut Option<usize>,
) -> std::io::Result<()> {
    match budget {
        Some(left) if bytes.len() > *left => {
            file.write_all(&bytes[..*left])?;
            *left = 0;
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "No space left on device (simulated)",
            ))
        }
        Some(left) => {
            *left -= bytes.len();
            file.write_all(bytes)
        }
        None => file.write_all(bytes),
    }
}

/// Removes temporary files that an interrupted earlier build left behind.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
