//! `vern explain CODE`.

use std::process::ExitCode;

use super::CliError;
use crate::diagnostic::codes;

pub fn run(code: &str) -> Result<ExitCode, CliError> {
    if let Some(c) = codes::lookup(code) {
        println!("# {}: {}\n\nDefault level: {}\n\n{}", c.id, c.summary, c.severity.as_str(), c.explain);
        return Ok(ExitCode::SUCCESS);
    }
    let known = codes::CODES.iter().map(|c| c.id);
    let hint = crate::resolve::scope::did_you_mean(code, known).map(|s| format!("; did you mean `{s}`?")).unwrap_or_default();
    Err(CliError(format!("no diagnostic code or rule named `{code}`{hint}")))
}
