//! `vern.toml`: the project's configuration, the same for every front end (the command line and the
//! language server).
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

use super::Error;
use crate::check::Levels;
use crate::ir::Date;

pub const FILE_NAME: &str = "vern.toml";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// The `vern.toml` this was read from.
    pub file: Option<PathBuf>,
    /// The folder of `vern.toml`, against which its paths are resolved.
    pub root: Option<PathBuf>,
    pub policies: Vec<PathBuf>,
    pub as_of: Option<Date>,
    pub out: Option<PathBuf>,
    pub levels: Levels,
    /// `[build] exports`: the `vern export` formats `vern build` writes too.
    pub exports: Vec<crate::emit::export::Format>,
}

/// The evaluation date when neither `--as-of` nor `[workspace] as-of` sets one: today, in UTC.
pub fn today() -> Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
}

/// The nearest `vern.toml` in the directory of `start` (or `start` itself, when it is a directory)
/// or above it.
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
        let candidate = dir.join(FILE_NAME);
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

/// The configuration in force for `start`: `explicit` if given, else the nearest `vern.toml` above
/// `start`, else the defaults.
pub fn load_for(explicit: Option<&Path>, start: &Path) -> Result<Config, Error> {
    match explicit.map(Path::to_path_buf).or_else(|| find(start)) {
        Some(path) => read(&path),
        None => Ok(Config::default()),
    }
}

/// Reads and validates one `vern.toml`; every problem is reported, one per line.
pub fn read(path: &Path) -> Result<Config, Error> {
    let text = super::read_source(path).map_err(|e| Error(e.to_string()))?;
    parse(path, &text)
}

/// Parses the text of the `vern.toml` at `path`.
pub fn parse(path: &Path, text: &str) -> Result<Config, Error> {
    let table: toml::Table = toml::from_str(text)
        .map_err(|e| Error(format!("`{}` is not valid TOML: {e}", path.display())))?;
    let fail = |errors: Vec<String>| {
        Error(format!(
            "in `{}`:\n  {}",
            path.display(),
            errors.join("\n  ")
        ))
    };
    let levels = crate::check::config::parse_levels(&table).map_err(fail)?;
    let exports = super::build_config::parse_exports(&table).map_err(fail)?;
    let root = path.parent().map(|p| {
        if p.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            p.to_path_buf()
        }
    });
    let mut config = Config {
        file: Some(path.to_path_buf()),
        root: root.clone(),
        levels,
        exports,
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
pub fn paths(given: &[PathBuf], config: &Config) -> Result<Vec<PathBuf>, Error> {
    if !given.is_empty() {
        return Ok(given.to_vec());
    }
    if !config.policies.is_empty() {
        return Ok(config.policies.clone());
    }
    match &config.root {
        Some(root) => Ok(vec![root.clone()]),
        None => Err(Error("no policy given: name files or folders, or add a `vern.toml` with `[workspace] policies = [...]`".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_read_relative_to_the_file() {
        let c = parse(
            Path::new("ws/vern.toml"),
            "[workspace]\npolicies = [\"p/\"]\nas-of = \"2026-01-02\"\nout = \"dist\"\n[rules]\ntransfers = \"deny\"\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.policies, vec![PathBuf::from("ws/p/")]);
        assert_eq!(c.out, Some(PathBuf::from("ws/dist")));
        assert_eq!(c.as_of.map(|d| d.to_string()), Some("2026-01-02".into()));
        assert!(c.levels.contains_key("transfers"));
    }

    #[test]
    fn every_problem_is_reported() {
        let e = parse(
            Path::new("vern.toml"),
            "[workspace]\nas-of = 3\nmystery = 1\n",
        )
        .err()
        .map(|e| e.0)
        .unwrap_or_default();
        assert!(
            e.contains("as-of must be") && e.contains("`mystery`"),
            "{e}"
        );
    }
}
