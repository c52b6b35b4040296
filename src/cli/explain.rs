//! `vern explain ID`: a rule's page or a compiler code's.

use std::process::ExitCode;

use super::CliError;
use crate::check::{explain, rules};
use crate::diagnostic::codes;

pub fn run(id: &str, paths: &[std::path::PathBuf]) -> Result<ExitCode, CliError> {
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
    // An organisation rule: in the policies given, else the workspace's, else the current directory's.
    let org = {
        let given: Vec<std::path::PathBuf> = if paths.is_empty() {
            let common = super::CommonArgs {
                as_of: None,
                color: super::ColorChoice::Never,
                deny: None,
                config: None,
                max_file_size: super::load::DEFAULT_MAX_FILE_SIZE,
            };
            let settings = super::config::load(&common, None)?;
            super::config::paths(&[], &settings).unwrap_or_else(|_| vec![".".into()])
        } else {
            paths.to_vec()
        };
        super::rules::org_rules(&given).unwrap_or_default()
    };
    if let Some((rule, place)) = org.iter().find(|(r, _)| r.id == id) {
        out!("{}", crate::check::org::explain_page(rule, place));
        return Ok(ExitCode::SUCCESS);
    }
    let known = codes::CODES
        .iter()
        .map(|c| c.id)
        .chain(rules::RULES.iter().map(|r| r.id))
        .chain(org.iter().map(|(r, _)| r.id.as_str()));
    let hint = crate::resolve::scope::did_you_mean(id, known)
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default();
    Err(CliError(format!(
        "no rule or diagnostic code named `{id}`{hint}"
    )))
}
