//! `vern explain ID`: a rule's page or a compiler code's.

use std::process::ExitCode;

use super::CliError;
use crate::check::{explain, rules};
use crate::diagnostic::codes;

pub fn run(id: &str) -> Result<ExitCode, CliError> {
    if let Some(rule) = rules::lookup(id) {
        outln!(
            "# {}\n\n{}\n\nDefault level: {} (group `{}`)\n\n{}",
            rule.id,
            rule.summary,
            crate::check::Level::of(rule.default).as_str(),
            rule.group,
            explain::visible(rule.explain).trim_end()
        );
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(c) = codes::lookup(id) {
        outln!(
            "# {}\n\n{}\n\nDefault level: {}\n\n{}",
            c.id,
            c.summary,
            c.severity.as_str(),
            c.explain.trim_end()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let known = codes::CODES
        .iter()
        .map(|c| c.id)
        .chain(rules::RULES.iter().map(|r| r.id));
    let hint = crate::resolve::scope::did_you_mean(id, known)
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default();
    Err(CliError(format!(
        "no rule or diagnostic code named `{id}`{hint}"
    )))
}
