//! `vern import fides MANIFEST.yml... -o policy.vern`: stub.

use std::path::PathBuf;
use std::process::ExitCode;

use super::CliError;

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// What to import from
    #[arg(value_enum)]
    pub from: ImportFrom,
    /// The manifests to read
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The policy file to write
    #[arg(short, long, value_name = "PATH")]
    pub out: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFrom {
    /// Fides manifests (fideslang YAML)
    Fides,
}

pub fn run(_args: &ImportArgs) -> Result<ExitCode, CliError> {
    Err(CliError("not yet".into()))
}
