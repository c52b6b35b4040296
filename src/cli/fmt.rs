//! `vern fmt`.

use std::process::ExitCode;

use super::{CliError, FmtArgs};

pub fn run(_args: &FmtArgs) -> Result<ExitCode, CliError> {
    Err(CliError("`vern fmt` is not available yet".into()))
}
