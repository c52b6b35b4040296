//! Reading source files with limits, and the confinement of what a policy may make vern read.
//!
//! Every file vern reads for a policy (the root, the files it `use`s, the files a folder holds) is
//! read through [`Root::read`]: it must lie inside the workspace root (the folder of `vern.toml`, or
//! of the root policy), checked on the path as written and again after symbolic links are resolved;
//! it must be a regular file (not a device, FIFO or socket, which could block or never end) no larger
//! than the limit; and it must be UTF-8 text. A refusal says why and never contains the file's bytes.

use std::fmt;
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The largest source file vern reads by default, in bytes (`--max-file-size` changes it).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 32 * 1024 * 1024;

static MAX_FILE_SIZE: AtomicU64 = AtomicU64::new(DEFAULT_MAX_FILE_SIZE);

/// No limit goes beyond this: spans are 32-bit offsets (`syntax::ast::Span`).
pub const MAX_READABLE_SIZE: u64 = u32::MAX as u64;

/// Sets the size limit for every later read (the CLI's `--max-file-size`), at most
/// `MAX_READABLE_SIZE`.
pub fn set_max_file_size(bytes: u64) {
    MAX_FILE_SIZE.store(bytes.min(MAX_READABLE_SIZE), Ordering::Relaxed);
}

pub fn max_file_size() -> u64 {
    MAX_FILE_SIZE.load(Ordering::Relaxed)
}

/// Why a file was not read. The message names the path and the reason, never the content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The path, as written or once its links are resolved, leaves the workspace root.
    Outside {
        path: String,
        root: String,
        /// Where a link led, when the path as written was inside.
        leads_to: Option<String>,
    },
    NotFound {
        path: String,
        error: String,
    },
    /// A directory, device, FIFO or socket.
    NotAFile {
        path: String,
        what: &'static str,
    },
    TooLarge {
        path: String,
        size: u64,
        max: u64,
    },
    Binary {
        path: String,
        at: usize,
    },
    NotUtf8 {
        path: String,
        at: usize,
    },
    Unreadable {
        path: String,
        error: String,
    },
}

impl Refusal {
    /// True when the file lies outside the workspace.
    pub fn is_outside(&self) -> bool {
        matches!(self, Refusal::Outside { .. })
    }

    pub fn is_not_found(&self) -> bool {
        matches!(self, Refusal::NotFound { .. })
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Outside {
                path,
                root,
                leads_to: None,
            } => write!(f, "`{path}` lies outside the workspace `{root}`"),
            Refusal::Outside {
                path,
                root,
                leads_to: Some(to),
            } => write!(
                f,
                "`{path}` is a symbolic link that leads outside the workspace `{root}`, to `{to}`"
            ),
            Refusal::NotFound { path, error } => write!(f, "cannot read `{path}`: {error}"),
            Refusal::NotAFile { path, what } => {
                write!(f, "`{path}` is {what}, not a regular file")
            }
            Refusal::TooLarge { path, size, max } => write!(
                f,
                "`{path}` is {size} bytes, more than the limit of {max} bytes (raise it with --max-file-size)"
            ),
            Refusal::Binary { path, at } => write!(
                f,
                "`{path}` looks like a binary file (a NUL byte at byte {at}); vern reads text files"
            ),
            Refusal::NotUtf8 { path, at } => write!(
                f,
                "`{path}` is not valid UTF-8 (at byte {at}); vern source files must be UTF-8"
            ),
            Refusal::Unreadable { path, error } => write!(f, "cannot read `{path}`: {error}"),
        }
    }
}

impl std::error::Error for Refusal {}

/// The folder a policy's files must stay in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Root {
    /// As given, made absolute without resolving links: for the check on the path as written.
    lexical: PathBuf,
    /// With links resolved: for the check on where the path really leads.
    canonical: PathBuf,
}

impl Root {
    /// The root at `dir`.
    pub fn at(dir: &Path) -> Root {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let lexical = absolute(dir);
        let canonical = std::fs::canonicalize(dir).unwrap_or_else(|_| lexical.clone());
        Root { lexical, canonical }
    }

    /// The root of the policy whose root file is `path`: the folder of the nearest `vern.toml` at or
    /// above it, else the file's own folder (`path` itself when it is a folder).
    pub fn of(path: &Path) -> Root {
        if let Some(toml) = super::config::find(path) {
            return Root::at(toml.parent().unwrap_or(Path::new(".")));
        }
        if path.is_dir() {
            Root::at(path)
        } else {
            Root::at(path.parent().unwrap_or(Path::new(".")))
        }
    }

    pub fn path(&self) -> &Path {
        &self.lexical
    }

    /// Whether `path` lies inside the root, on the path as written and once links are resolved.
    /// Returns the resolved path.
    pub fn admit(&self, path: &Path) -> Result<PathBuf, Refusal> {
        let shown = super::display_path(path);
        let outside = |leads_to| Refusal::Outside {
            path: shown.clone(),
            root: self.lexical.display().to_string(),
            leads_to,
        };
        // First the path as written, before the file system is asked anything about it: a path that
        // climbs out is refused without revealing whether something is there.
        if !absolute(path).starts_with(&self.lexical) {
            return Err(outside(None));
        }
        let resolved = std::fs::canonicalize(path).map_err(|e| Refusal::NotFound {
            path: shown.clone(),
            error: e.to_string(),
        })?;
        if !resolved.starts_with(&self.canonical) {
            return Err(outside(Some(resolved.display().to_string())));
        }
        Ok(resolved)
    }

    /// Reads `path` as a source file of this workspace (see the module's documentation).
    pub fn read(&self, path: &Path) -> Result<String, Refusal> {
        let resolved = self.admit(path)?;
        read_regular(&resolved, &super::display_path(path))
    }
}

/// Reads a file the user named directly (a configuration file, a template) with the same limits as
/// a source file, but without a workspace to stay in.
pub fn read_source(path: &Path) -> Result<String, Refusal> {
    let shown = super::display_path(path);
    let resolved = std::fs::canonicalize(path).map_err(|e| Refusal::NotFound {
        path: shown.clone(),
        error: e.to_string(),
    })?;
    read_regular(&resolved, &shown)
}

/// `path` (links already resolved) as UTF-8 text, if it is a regular file within the size limit.
fn read_regular(path: &Path, shown: &str) -> Result<String, Refusal> {
    let max = max_file_size();
    let mut file = open_regular(path, shown)?;
    let meta = file.metadata().map_err(|e| Refusal::Unreadable {
        path: shown.to_string(),
        error: e.to_string(),
    })?;
    if let Some(what) = not_a_file(&meta) {
        return Err(Refusal::NotAFile {
            path: shown.to_string(),
            what,
        });
    }
    if meta.len() > max {
        return Err(Refusal::TooLarge {
            path: shown.to_string(),
            size: meta.len(),
            max,
        });
    }
    // The size on disk may be wrong (a file that grows while it is read): read one byte past the
    // limit at most.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    (&mut file)
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Refusal::Unreadable {
            path: shown.to_string(),
            error: e.to_string(),
        })?;
    if bytes.len() as u64 > max {
        return Err(Refusal::TooLarge {
            path: shown.to_string(),
            size: bytes.len() as u64,
            max,
        });
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(Refusal::Binary {
            path: shown.to_string(),
            at,
        });
    }
    String::from_utf8(bytes).map_err(|e| Refusal::NotUtf8 {
        path: shown.to_string(),
        at: e.utf8_error().valid_up_to(),
    })
}

/// What a non-regular file is, in words; `None` for a regular file.
fn not_a_file(meta: &std::fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if t.is_char_device() {
            return Some("a character device");
        }
        if t.is_block_device() {
            return Some("a block device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// Opens without following a final link and without blocking (a FIFO opened for reading would wait
/// for a writer); the type is then checked on the open handle, so it cannot change in between.
#[cfg(unix)]
fn open_regular(path: &Path, shown: &str) -> Result<std::fs::File, Refusal> {
    use rustix::fs::{Mode, OFlags};
    let meta = std::fs::symlink_metadata(path).map_err(|e| Refusal::NotFound {
        path: shown.to_string(),
        error: e.to_string(),
    })?;
    if let Some(what) = not_a_file(&meta) {
        return Err(Refusal::NotAFile {
            path: shown.to_string(),
            what,
        });
    }
    let fd = rustix::fs::open(
        path,
        OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC | OFlags::NOCTTY,
        Mode::empty(),
    )
    .map_err(|e| Refusal::Unreadable {
        path: shown.to_string(),
        error: std::io::Error::from(e).to_string(),
    })?;
    Ok(std::fs::File::from(fd))
}

#[cfg(not(unix))]
fn open_regular(path: &Path, shown: &str) -> Result<std::fs::File, Refusal> {
    let meta = std::fs::metadata(path).map_err(|e| Refusal::NotFound {
        path: shown.to_string(),
        error: e.to_string(),
    })?;
    if let Some(what) = not_a_file(&meta) {
        return Err(Refusal::NotAFile {
            path: shown.to_string(),
            what,
        });
    }
    std::fs::File::open(path).map_err(|e| Refusal::Unreadable {
        path: shown.to_string(),
        error: e.to_string(),
    })
}

/// `path` made absolute against the current directory, with `.` and `..` folded as written (links
/// are not resolved: that is the second check's job).
pub fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .unwrap_or_else(|_| PathBuf::from("/"))
            .join(path)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_folds_dots_without_touching_the_disk() {
        assert_eq!(
            absolute(Path::new("/a/b/../c/./d")),
            PathBuf::from("/a/c/d")
        );
        assert_eq!(absolute(Path::new("/a/../../x")), PathBuf::from("/x"));
    }

    #[test]
    fn a_path_climbing_out_is_refused_before_it_is_looked_at() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = Root::at(&dir.path().join("ws"));
        let refusal = root.admit(&dir.path().join("ws/../elsewhere.vern"));
        assert!(
            matches!(refusal, Err(Refusal::Outside { .. })),
            "{refusal:?}"
        );
    }
}
