//! `vern gen-registry` (hidden): regenerates `stdlib/registry/*.vern` from `data/vendors.toml` and the
//! Open Cookie Database, in the repository at `--root` (default: the current folder).

use std::path::Path;
use std::process::ExitCode;

use super::CliError;

pub fn run(root: &Path) -> Result<ExitCode, CliError> {
    let read = |rel: &str| {
        std::fs::read_to_string(root.join(rel))
            .map_err(|e| CliError(format!("cannot read `{}`: {e}", root.join(rel).display())))
    };
    let vendors = read(crate::registry::VENDORS_TOML)?;
    let cookies = read(crate::registry::COOKIE_CSV)?;
    let files = crate::registry::generate(&vendors, &cookies).map_err(CliError)?;
    let mut changed = 0;
    for (rel, text) in &files {
        let path = root.join(rel);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            super::write::write_file(&path, text)?;
            changed += 1;
        }
    }
    errln!(
        "{changed} of {} registry file{} changed",
        files.len(),
        if files.len() == 1 { "" } else { "s" }
    );
    Ok(ExitCode::SUCCESS)
}
