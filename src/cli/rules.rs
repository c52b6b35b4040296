//! `vern rules`: the catalog, for people or as JSON; with policies, their organisation rules too.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{CliError, RulesFormat, load};
use crate::check::rules::RULES;
use crate::db::Database;
use crate::ir::OrgRule;

#[derive(serde::Serialize)]
struct RuleInfo {
    id: String,
    group: &'static str,
    level: &'static str,
    summary: String,
    legal_reference: String,
    /// Where an organisation rule is declared (`file:line`); none for a built-in rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    declared: Option<String>,
}

/// The organisation rules of the policies under `paths`, each once, with where it is declared.
pub fn org_rules(paths: &[PathBuf]) -> Result<Vec<(OrgRule, String)>, CliError> {
    let mut db = Database::new();
    let roots = load::load_roots(&mut db, paths)?;
    let mut out: Vec<(OrgRule, String)> = Vec::new();
    for root in roots {
        let resolved = crate::resolve::resolve_policy(&db, root);
        for rule in &resolved.policy.org_rules {
            if out.iter().any(|(r, _)| r.loc == rule.loc) {
                continue;
            }
            let file = rule.loc.file;
            let line =
                crate::text_index::LineIndex::new(file.text(&db)).line(rule.loc.span.start()) + 1;
            out.push((rule.clone(), format!("{}:{line}", file.path(&db))));
        }
    }
    out.sort_by(|a, b| a.0.id.cmp(&b.0.id).then(a.1.cmp(&b.1)));
    Ok(out)
}

pub fn run(format: RulesFormat, paths: &[PathBuf]) -> Result<ExitCode, CliError> {
    let mut infos: Vec<RuleInfo> = RULES
        .iter()
        .map(|r| RuleInfo {
            id: r.id.to_string(),
            group: r.group,
            level: crate::check::Level::of(r.default).as_str(),
            summary: r.summary.to_string(),
            legal_reference: r.legal.to_string(),
            declared: None,
        })
        .collect();
    let org = if paths.is_empty() {
        Vec::new()
    } else {
        org_rules(paths)?
    };
    infos.extend(org.iter().map(|(r, place)| {
        RuleInfo {
            id: r.id.to_string(),
            group: crate::check::org::GROUP,
            level: crate::check::Level::from(r.level).as_str(),
            summary: r
                .text
                .as_ref()
                .and_then(|t| t.any("en"))
                .unwrap_or_default()
                .to_string(),
            legal_reference: format!("organisation rule ({})", r.mode.keyword()),
            declared: Some(place.clone()),
        }
    }));
    match format {
        RulesFormat::Json => {
            outln!("{}", serde_json::to_string_pretty(&infos)?)
        }
        RulesFormat::Markdown if org.is_empty() => out!("{}", crate::check::catalog::markdown()),
        RulesFormat::Markdown => {
            out!("{}", crate::check::catalog::markdown());
            outln!(
                "\n## Organisation rules\n\n| id | level | what it requires | declared |\n|---|---|---|---|"
            );
            for i in infos.iter().filter(|i| i.declared.is_some()) {
                outln!(
                    "| `{}` | {} | {} | {} |",
                    i.id,
                    i.level,
                    i.summary,
                    i.declared.as_deref().unwrap_or_default()
                );
            }
        }
        RulesFormat::Human => {
            let width = infos.iter().map(|i| i.id.len()).max().unwrap_or(0);
            for i in &infos {
                outln!("{:width$}  {:5}  {}", i.id, i.level, i.summary);
                match &i.declared {
                    None => outln!("{:width$}         {}", "", i.legal_reference),
                    Some(place) => outln!(
                        "{:width$}         {}, declared at {place}",
                        "",
                        i.legal_reference
                    ),
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
