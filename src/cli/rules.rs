//! `vern rules`: the catalog, for people or as JSON.

use std::process::ExitCode;

use super::{CliError, RulesFormat};
use crate::check::rules::RULES;

#[derive(serde::Serialize)]
struct RuleInfo {
    id: &'static str,
    group: &'static str,
    level: &'static str,
    summary: &'static str,
    legal_reference: &'static str,
}

pub fn run(format: RulesFormat) -> Result<ExitCode, CliError> {
    let infos: Vec<RuleInfo> = RULES
        .iter()
        .map(|r| RuleInfo {
            id: r.id,
            group: r.group,
            level: crate::check::Level::of(r.default).as_str(),
            summary: r.summary,
            legal_reference: r.legal,
        })
        .collect();
    match format {
        RulesFormat::Json => {
            outln!("{}", serde_json::to_string_pretty(&infos)?)
        }
        RulesFormat::Markdown => out!("{}", crate::check::catalog::markdown()),
        RulesFormat::Human => {
            let width = infos.iter().map(|i| i.id.len()).max().unwrap_or(0);
            for i in &infos {
                outln!("{:width$}  {:5}  {}", i.id, i.level, i.summary);
                outln!("{:width$}         {}", "", i.legal_reference);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
