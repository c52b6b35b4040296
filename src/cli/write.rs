//! Writing artefacts atomically, with ordinary permissions (0644 under the umask, as any tool that
//! writes files for a web server to serve).
//!
//! - [`write_file`]: one file, written to a temporary file beside it and renamed into place: a reader
//!   sees the old file or the new one, never part of one.
//! - [`write_set`]: the artefacts of a build. They are staged in a new folder beside the output folder
//!   and the two are exchanged in one `rename` (`RENAME_EXCHANGE` on Linux, `RENAME_SWAP` on macOS),
//!   so a reader, or a build killed at any moment, sees the whole old set or the whole new one; the
//!   output folder then holds exactly this build's artefacts. This is done only when the output folder
//!   holds nothing but vern's artefacts and is not a symbolic link: a folder with other files in it
//!   (say `-o public/`) is never swapped away, and a link stays a link; there each file is replaced on
//!   its own, whole, after all of them were written.
//!
//! A build killed while staging leaves a hidden `.vern-*` entry beside or in the output folder; the
//! next build removes it.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::CliError;

const TEMP_PREFIX: &str = ".vern-";

/// Test hook: fail with "no space left on device" after this many bytes (simulates a full disk).
const FAULT_ENV: &str = "VERN_FAULT_WRITE_AFTER_BYTES";

/// Test hook: sleep this many milliseconds before the staged set is put in place, so that a test can
/// kill the build at the last moment before the switch.
const PAUSE_ENV: &str = "VERN_FAULT_PAUSE_BEFORE_SWITCH_MS";

/// The mode of every artefact, before the umask.
#[cfg(unix)]
const FILE_MODE: u32 = 0o644;
#[cfg(unix)]
const DIR_MODE: u32 = 0o755;

/// Writes one file atomically.
pub fn write_file(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), CliError> {
    let contents = contents.as_ref();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)
        .map_err(|e| CliError(format!("cannot create `{}`: {e}", dir.display())))?;
    let mut budget = fault_budget();
    let tmp = staged_file(&dir, contents, &mut budget).map_err(|e| {
        CliError(format!(
            "cannot write `{}`: {e}; nothing was changed",
            path.display()
        ))
    })?;
    tmp.persist(path)
        .map_err(|e| CliError(format!("cannot write `{}`: {}", path.display(), e.error)))?;
    sync_dir(&dir);
    Ok(())
}

/// Writes the artefact set `files` (paths relative to `dir`) so that `dir` switches from its old
/// content to the new set at once.
pub fn write_set<C: AsRef<[u8]>>(dir: &Path, files: &[(String, C)]) -> Result<(), CliError> {
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)
        .map_err(|e| CliError(format!("cannot create `{}`: {e}", dir.display())))?;
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.is_empty() || name == "." || name == ".." {
        // `-o .` and the like: a folder that cannot be swapped; write in place.
        return write_each(dir, files);
    }
    let stage_prefix = format!("{TEMP_PREFIX}stage-{name}-");
    remove_stale(&parent, &stage_prefix);
    let exists = dir.exists();
    // A link to the output folder stays a link (swapping would put a folder in its place), and a
    // folder with files of its own is never swapped away: both are written file by file.
    let is_link = std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink());
    if is_link || (exists && !holds_only_artefacts(dir, files)) {
        return write_each(dir, files);
    }
    let stage = stage_set(&parent, &stage_prefix, dir, files)?;
    pause_before_switch();
    if !exists {
        std::fs::rename(stage.path(), dir)
            .map_err(|e| CliError(format!("cannot create `{}`: {e}", dir.display())))?;
        let _ = stage.keep();
        sync_dir(&parent);
        return Ok(());
    }
    match exchange(stage.path(), dir) {
        // The stage now holds the old set; dropping it removes that.
        Ok(()) => {
            sync_dir(&parent);
            Ok(())
        }
        // A file system that cannot exchange: fall back to replacing each file.
        Err(_) => {
            drop(stage);
            write_each(dir, files)
        }
    }
}

/// Every file of the set, written into a new folder `parent/.vern-stage-NAME-XXXX`.
fn stage_set<C: AsRef<[u8]>>(
    parent: &Path,
    prefix: &str,
    dir: &Path,
    files: &[(String, C)],
) -> Result<tempfile::TempDir, CliError> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(DIR_MODE));
    }
    let stage = builder
        .tempdir_in(parent)
        .map_err(|e| CliError(format!("cannot write in `{}`: {e}", parent.display())))?;
    if let Ok(meta) = std::fs::metadata(dir) {
        let _ = std::fs::set_permissions(stage.path(), meta.permissions());
    }
    let mut budget = fault_budget();
    let failed = |target: &Path, e: std::io::Error| {
        CliError(format!(
            "cannot write `{}`: {e}; nothing was changed in `{}`",
            target.display(),
            dir.display()
        ))
    };
    let mut dirs = vec![stage.path().to_path_buf()];
    for (name, contents) in files {
        let path = stage.path().join(name);
        if let Some(sub) = path.parent()
            && !dirs.iter().any(|d| d == sub)
        {
            std::fs::create_dir_all(sub).map_err(|e| failed(&dir.join(name), e))?;
            dirs.push(sub.to_path_buf());
        }
        write_new(&path, contents.as_ref(), &mut budget).map_err(|e| failed(&dir.join(name), e))?;
    }
    for d in dirs.iter().rev() {
        sync_dir(d);
    }
    Ok(stage)
}

/// True when every entry of `dir` is one of vern's artefacts (or a leftover temporary): a folder that
/// belongs to vern and may be swapped as a whole.
fn holds_only_artefacts<C>(dir: &Path, files: &[(String, C)]) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    let ours = |name: &str| {
        files.iter().any(|(f, _)| f == name)
            || name.starts_with(TEMP_PREFIX)
            || name == "policy.json"
            || name == "policy.schema.json"
            || (name.starts_with("notice.") && (name.ends_with(".md") || name.ends_with(".html")))
            || crate::emit::export::Format::ALL
                .iter()
                .any(|f| f.file_name() == name)
    };
    entries.flatten().all(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
        if name == "schemas" && is_dir {
            return std::fs::read_dir(e.path()).is_ok_and(|inner| {
                inner.flatten().all(|f| {
                    let n = f.file_name().to_string_lossy().into_owned();
                    f.file_type().is_ok_and(|t| t.is_file())
                        && (n.ends_with(".schema.json") || n.starts_with(TEMP_PREFIX))
                })
            });
        }
        !is_dir && e.file_type().is_ok_and(|t| t.is_file()) && ours(&name)
    })
}

/// The fallback: each file staged beside its target, then all renamed into place.
fn write_each<C: AsRef<[u8]>>(dir: &Path, files: &[(String, C)]) -> Result<(), CliError> {
    std::fs::create_dir_all(dir)
        .map_err(|e| CliError(format!("cannot create `{}`: {e}", dir.display())))?;
    let mut budget = fault_budget();
    let mut staged: Vec<(tempfile::NamedTempFile, PathBuf)> = Vec::new();
    let mut cleaned: Vec<PathBuf> = Vec::new();
    for (name, contents) in files {
        let target = dir.join(name);
        let parent = target.parent().unwrap_or(dir).to_path_buf();
        std::fs::create_dir_all(&parent)
            .map_err(|e| CliError(format!("cannot create `{}`: {e}", parent.display())))?;
        if !cleaned.contains(&parent) {
            remove_stale(&parent, TEMP_PREFIX);
            cleaned.push(parent.clone());
        }
        let tmp = staged_file(&parent, contents.as_ref(), &mut budget).map_err(|e| {
            CliError(format!(
                "cannot write `{}`: {e}; nothing was changed in `{}`",
                target.display(),
                dir.display()
            ))
        })?;
        staged.push((tmp, target));
    }
    pause_before_switch();
    for (tmp, target) in staged {
        tmp.persist(&target)
            .map_err(|e| CliError(format!("cannot write `{}`: {}", target.display(), e.error)))?;
    }
    for d in &cleaned {
        sync_dir(d);
    }
    Ok(())
}

/// A temporary file in `dir` holding `contents`, flushed to disk, with the artefact mode.
fn staged_file(
    dir: &Path,
    contents: &[u8],
    budget: &mut Option<usize>,
) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(FILE_MODE));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    write_limited(tmp.as_file_mut(), contents, budget)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// Creates `path` (which must not exist) with the artefact mode, writes and flushes it.
fn write_new(path: &Path, bytes: &[u8], budget: &mut Option<usize>) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(FILE_MODE);
    }
    let mut file = options.open(path)?;
    write_limited(&mut file, bytes, budget)?;
    file.sync_all()
}

/// Exchanges two folders in one step.
#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    rustix::fs::renameat_with(
        rustix::fs::CWD,
        a,
        rustix::fs::CWD,
        b,
        rustix::fs::RenameFlags::EXCHANGE,
    )
    .map_err(std::io::Error::from)
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange(_a: &Path, _b: &Path) -> std::io::Result<()> {
    Err(std::io::Error::new(
        std::io::ErrorKind::Unsupported,
        "no atomic exchange of folders on this system",
    ))
}

/// Flushes a folder's entries (the renames in it) to disk, where the system allows it.
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

fn fault_budget() -> Option<usize> {
    std::env::var(FAULT_ENV).ok().and_then(|v| v.parse().ok())
}

fn pause_before_switch() {
    if let Some(ms) = std::env::var(PAUSE_ENV)
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
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

/// Removes the temporary files and folders an interrupted earlier build left in `dir`.
fn remove_stale(dir: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(prefix) {
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                let _ = std::fs::remove_dir_all(path);
            } else {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}
