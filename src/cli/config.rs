//! `vern.toml`: found next to the policy (or above it), read at the edge, turned into rule levels.

use std::path::{Path, PathBuf};

use super::{CliError, CommonArgs};
use crate::check::Levels;

/// The nearest `vern.toml` in the directory of `start` or above it.
pub fn find(start: &Path) -> Option<PathBuf> {
    let start = if start.is_dir() { start.to_path_buf() } else { start.parent()?.to_path_buf() };
    let mut dir = if start.as_os_str().is_empty() { PathBuf::from(".") } else { start };
    loop {
        let candidate = dir.join("vern.toml");
        if candidate.is_file() {
            return Some(candidate);
        }
        let parent = std::fs::canonicalize(&dir).ok()?.parent()?.to_path_buf();
        if parent == dir {
            return None;
        }
        dir = parent;
    }
}

pub fn levels(args: &CommonArgs, first_path: Option<&PathBuf>) -> Result<Levels, CliError> {
    let path = match &args.config {
        Some(p) => Some(p.clone()),
        None => find(first_path.map_or(Path::new("."), |p| p.as_path())),
    };
    let Some(path) = path else { return Ok(Levels::new()) };
    let text = super::load::read_source(&path)?;
    let table: toml::Table =
        toml::from_str(&text).map_err(|e| CliError(format!("`{}` is not valid TOML: {e}", path.display())))?;
    crate::check::config::parse_levels(&table)
        .map_err(|errors| CliError(format!("in `{}`:\n  {}", path.display(), errors.join("\n  "))))
}
