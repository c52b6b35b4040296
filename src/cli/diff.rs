//! `vern diff`.

use std::process::ExitCode;

use super::{CliError, DiffArgs};

pub fn run(_args: &DiffArgs) -> Result<ExitCode, CliError> {
    Err(CliError("`vern diff` is not available yet".into()))
}
