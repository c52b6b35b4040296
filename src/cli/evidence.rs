//! `vern check --evidence FILE...` and `vern.toml`'s `[evidence] files = [...]`: reading the evidence
//! files into the database, so findings can point into them.
//!
//! ```toml
//! [evidence]
//! files = ["evidence/home.har", "evidence/inspection.json"]   # relative to vern.toml
//! ```

use std::path::{Path, PathBuf};

use super::CliError;
use crate::db::Database;
use crate::evidence::Evidence;

/// The evidence files for a run: those given with `--evidence`, else those of `[evidence] files`.
pub fn paths(given: &[PathBuf], config_file: Option<&Path>) -> Result<Vec<PathBuf>, CliError> {
    if !given.is_empty() {
        return Ok(given.to_vec());
    }
    let Some(file) = config_file else {
        return Ok(Vec::new());
    };
    let text = crate::workspace::read_source(file).map_err(|e| CliError(e.to_string()))?;
    from_toml(file, &text)
}

/// `[evidence] files` of the `vern.toml` at `file` with text `text`, relative to its folder.
pub fn from_toml(file: &Path, text: &str) -> Result<Vec<PathBuf>, CliError> {
    let shown = file.display();
    let table: toml::Table =
        toml::from_str(text).map_err(|e| CliError(format!("`{shown}` is not valid TOML: {e}")))?;
    let Some(section) = table.get("evidence") else {
        return Ok(Vec::new());
    };
    let bad = || {
        CliError(format!(
            "in `{shown}`: [evidence] files must be a list of paths, such as `files = [\"evidence/home.har\"]`"
        ))
    };
    let Some(section) = section.as_table() else {
        return Err(bad());
    };
    if let Some(other) = section.keys().find(|k| k.as_str() != "files") {
        return Err(CliError(format!(
            "in `{shown}`: [evidence] has no setting `{other}` (it has files)"
        )));
    }
    let base = file.parent().unwrap_or(Path::new("."));
    let mut out = Vec::new();
    for item in section
        .get("files")
        .and_then(|f| f.as_array())
        .ok_or_else(bad)?
    {
        out.push(base.join(item.as_str().ok_or_else(bad)?));
    }
    Ok(out)
}

/// Reads every evidence file into the database (so diagnostics can show them) and parses it.
pub fn load(db: &mut Database, paths: &[PathBuf]) -> Result<Evidence, CliError> {
    let mut evidence = Evidence::default();
    for path in paths {
        let shown = crate::workspace::display_path(path);
        let text = crate::workspace::read_source(path)
            .map_err(|e| CliError(format!("cannot read the evidence file: {e}")))?;
        let file = db.set_file(&shown, text.clone());
        let read = crate::evidence::read(file, &shown, &text).map_err(|e| CliError(e.0))?;
        evidence.files.push(read);
    }
    Ok(evidence)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_relative_to_the_config() {
        let files = from_toml(
            Path::new("site/vern.toml"),
            "[evidence]\nfiles = [\"ev/home.har\"]\n",
        )
        .map_err(|e| e.0);
        assert_eq!(files, Ok(vec![PathBuf::from("site/ev/home.har")]));
        let bad = from_toml(Path::new("vern.toml"), "[evidence]\nfile = 3\n").map_err(|e| e.0);
        assert!(bad.is_err_and(|e| e.contains("no setting `file`")));
    }
}
