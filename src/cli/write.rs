//! Writing artefacts atomically: every file goes to a temporary file in the target directory and is
//! renamed into place only when all of them were written, so a failed build leaves the previous
//! artefacts intact and no partial files.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::CliError;

pub fn write_all(dir: &Path, files: &[(String, String)]) -> Result<(), CliError> {
    std::fs::create_dir_all(dir).map_err(|e| CliError(format!("cannot create `{}`: {e}", dir.display())))?;
    let mut staged: Vec<(tempfile::NamedTempFile, PathBuf)> = Vec::new();
    for (name, contents) in files {
        let target = dir.join(name);
        let parent = target.parent().unwrap_or(dir);
        std::fs::create_dir_all(parent).map_err(|e| CliError(format!("cannot create `{}`: {e}", parent.display())))?;
        let mut tmp = tempfile::Builder::new()
            .prefix(".vern-")
            .tempfile_in(parent)
            .map_err(|e| CliError(format!("cannot write in `{}`: {e}", parent.display())))?;
        tmp.write_all(contents.as_bytes())
            .and_then(|()| tmp.as_file().sync_all())
            .map_err(|e| CliError(format!("cannot write `{}`: {e}", target.display())))?;
        staged.push((tmp, target));
    }
    for (tmp, target) in staged {
        tmp.persist(&target).map_err(|e| CliError(format!("cannot write `{}`: {}", target.display(), e.error)))?;
    }
    Ok(())
}
