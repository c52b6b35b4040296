//! `vern.toml` for a command: `--config`, else the nearest one above the first path. The file's format
//! and its reading live in `workspace::config`, shared with the language server.

use std::path::{Path, PathBuf};

use super::{CliError, CommonArgs};
pub use crate::workspace::Config;

/// The configuration for a run: `--config`, else the nearest `vern.toml` above the first path (or
/// the current directory), else none.
pub fn load(args: &CommonArgs, first_path: Option<&PathBuf>) -> Result<Config, CliError> {
    let start = first_path.map_or(Path::new("."), |p| p.as_path());
    Ok(crate::workspace::config::load_for(
        args.config.as_deref(),
        start,
    )?)
}

/// The paths to work on: those given, else the workspace's, else an error saying how to give them.
pub fn paths(given: &[PathBuf], config: &Config) -> Result<Vec<PathBuf>, CliError> {
    Ok(crate::workspace::config::paths(given, config)?)
}
