//! `vern.toml`: the project's configuration, read at the edge.
//!
//! ```toml
//! [workspace]
//! policies = ["policies/", "legacy/shop.vern"]   # files or folders, relative to this file
//! as-of = "2026-11-22"                            # pin the evaluation date (optional)
//! out = "dist/policies"                           # where `vern build` writes (optional)
//!
//! [rules]
//! transfers = "deny"
//! statutory-contractual-requirement-missing = "allow"
//! ```

use std::path::{Path, PathBuf};

use super::{CliError, CommonArgs};
use crate::check::Levels;
use crate::ir::Date;

#[derive(Debug, Default)]
pub struct Config {
    /// The folder of `vern.toml`, against which its paths are resolved.
    pub root: Option<PathBuf>,
    pub policies: Vec<PathBuf>,
    pub as_of: Option<Date>,
    pub out: Option<PathBuf>,
    pub levels: Levels,
}

/// The nearest `vern.toml` in the directory of `start` or above it.
pub fn find(start: &Path) -> Option<PathBuf> {
    let start = if start.is_dir() {
        start.to_path_buf()
    } else {
        start.parent()?.to_path_buf()
    };
    let mut dir = if start.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        start
    };
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

/// The configuration for a run: `--config`, else the nearest `vern.toml` above the first path (or
/// the current directory), else none.
pub fn load(args: &CommonArgs, first_path: Option<&PathBuf>) -> Result<Config, CliError> {
    let path = match &args.config {
        Some(p) => Some(p.clone()),
        None => find(first_path.map_or(Path::new("."), |p| p.as_path())),
    };
    let Some(path) = path else {
        return Ok(Config::default());
    };
    let text = super::load::read_source(&path)?;
    let table: toml::Table = toml::from_str(&text)
        .map_err(|e| CliError(format!("`{}` is not valid TOML: {e}", path.display())))?;
    let fail = |errors: Vec<String>| {
        CliError(format!(
            "in `{}`:\n  {}",
            path.display(),
            errors.join("\n  ")
        ))
    };
    let levels = crate::check::config::parse_levels(&table).map_err(fail)?;
    let root = path.parent().map(|p| {
        if p.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            p.to_path_buf()
        }
    });
    let mut config = Config {
        root: root.clone(),
        levels,
        ..Config::default()
    };
    let Some(ws) = table.get("workspace") else {
        return Ok(config);
    };
    let Some(ws) = ws.as_table() else {
        return Err(fail(vec![
            "`workspace` must be a table: `[workspace]`".into(),
        ]));
    };
    let base = root.unwrap_or_else(|| PathBuf::from("."));
    let mut errors = Vec::new();
    for (key, value) in ws {
        match key.as_str() {
            "policies" => match value.as_array() {
                Some(items) => {
                    for item in items {
                        match item.as_str() {
                            Some(p) => config.policies.push(base.join(p)),
                            None => errors
                                .push("[workspace] policies: each entry is a path string".into()),
                        }
                    }
                }
                None => errors.push("[workspace] policies must be a list of paths".into()),
            },
            "as-of" => match value.as_str().map(str::parse::<Date>) {
                Some(Ok(d)) => config.as_of = Some(d),
                _ => errors
                    .push("[workspace] as-of must be a date string, such as \"2026-11-22\"".into()),
            },
            "out" => match value.as_str() {
                Some(p) => config.out = Some(base.join(p)),
                None => errors.push("[workspace] out must be a path string".into()),
            },
            other => errors.push(format!(
                "[workspace] has no setting `{other}` (it has policies, as-of, out)"
            )),
        }
    }
    if errors.is_empty() {
        Ok(config)
    } else {
        Err(fail(errors))
    }
}

/// The paths to work on: those given, else the workspace's, else an error saying how to give them.
pub fn paths(given: &[PathBuf], config: &Config) -> Result<Vec<PathBuf>, CliError> {
    if !given.is_empty() {
        return Ok(given.to_vec());
    }
    if !config.policies.is_empty() {
        return Ok(config.policies.clone());
    }
    match &config.root {
        Some(root) => Ok(vec![root.clone()]),
        None => Err(CliError("no policy given: name files or folders, or add a `vern.toml` with `[workspace] policies = [...]`".into())),
    }
}
