#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! No notice contradicts the checker. For every example, seed, UI-test policy and generated policy,
//! in every notice language, the notice's view model (what the notice states, before it is put into
//! words) is compared with the checker's findings and the semantic model:
//!
//! - a third-country transfer the model or a finding knows of is never "none" in the notice;
//! - an element is "Not stated" in the notice exactly when its `*-unstated` rule reports it;
//! - an explicit negative that a finding contradicts is not repeated by the notice;
//! - a data category listed under a source has that source in the model; a finding about a missing
//!   source means the notice does not say that nothing comes from others;
//! - a right the notice lists is one the policy declares; a right a basis requires but the policy
//!   does not declare is reported, and not listed;
//! - no complaint authority without the policy naming one; no DPO contact where it is missing.

use std::path::{Path, PathBuf};

use serde_json::Value;
use vern::check::CheckConfig;
use vern::db::{Database, SourceFile};
use vern::diagnostic::{Diagnostic, Severity};
use vern::ir::{Date, Negative};
use vern::resolve::resolve_policy;
use vern::sema::Sema;

const AS_OF: Date = Date::constant(2026, 11, 22);
const LANGS: &[&str] = &["nb", "en"];

/// Findings that exist only because data goes to a third country.
const TRANSFER_FINDINGS: &[&str] = &[
    "recipient-third-country-undeclared",
    "transfer-safeguard-missing",
    "transfer-safeguard-invalid",
    "transfer-details-incomplete",
];

/// Each negative, the view field that states it, and the rule that reports its silence.
const ELEMENTS: &[(Negative, &str, &str)] = &[
    (
        Negative::Recipients,
        "recipients_stated",
        "recipients-unstated",
    ),
    (
        Negative::Transfers,
        "transfers_stated",
        "transfers-unstated",
    ),
    (Negative::Cookies, "cookies_stated", "cookies-unstated"),
    (
        Negative::Profiling,
        "profiling_stated",
        "profiling-unstated",
    ),
    (
        Negative::AutomatedDecisions,
        "automated_stated",
        "automated-decisions-unstated",
    ),
];

struct Case {
    name: String,
    db: Database,
    root: SourceFile,
    as_of: Date,
}

fn from_disk(path: &Path, default_as_of: Date) -> Option<Case> {
    let text = std::fs::read_to_string(path).ok()?;
    if !text.lines().any(|l| l.starts_with("policy")) {
        return None;
    }
    let as_of = text
        .lines()
        .find_map(|l| l.strip_prefix("// as-of: "))
        .and_then(|d| d.trim().parse::<Date>().ok())
        .unwrap_or(default_as_of);
    let mut db = Database::new();
    let roots = vern::cli::load::load_roots(&mut db, &[path.to_path_buf()]).ok()?;
    let root = *roots.first()?;
    Some(Case {
        name: path.display().to_string(),
        db,
        root,
        as_of,
    })
}

fn vern_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            vern_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "vern") {
            out.push(p);
        }
    }
}

fn generated(seed: u64, defects: f64) -> Case {
    let files = vern::generate::generate(&vern::generate::Options {
        lines: 500,
        files: 2,
        defects,
        seed,
    });
    let mut db = Database::new();
    let sources: Vec<SourceFile> = files
        .iter()
        .map(|(name, text)| db.set_file(name, text.clone()))
        .collect();
    vern::cli::load::load_imports(&mut db, &sources);
    Case {
        name: format!("generated(seed {seed}, defects {defects})"),
        db,
        root: sources[0],
        as_of: AS_OF,
    }
}

fn corpus() -> Vec<Case> {
    let mut paths = Vec::new();
    vern_files(Path::new("examples"), &mut paths);
    paths.sort();
    let mut cases: Vec<Case> = paths.iter().filter_map(|p| from_disk(p, AS_OF)).collect();
    // The UI tests' default evaluation date, as tests/ui.rs reads them.
    let mut ui = Vec::new();
    vern_files(Path::new("tests/ui"), &mut ui);
    ui.sort();
    cases.extend(
        ui.iter()
            .filter_map(|p| from_disk(p, Date::constant(2026, 1, 1))),
    );
    for seed in 1..=4 {
        for defects in [0.0, 0.4, 0.9] {
            cases.push(generated(seed, defects));
        }
    }
    cases
}

fn field<'v>(view: &'v Value, path: &[&str]) -> &'v Value {
    path.iter().fold(view, |v, k| &v[*k])
}

/// The contradictions between one notice and the findings, in words.
fn contradictions(case: &Case, diags: &[Diagnostic], lang: &str) -> Vec<String> {
    let resolved = resolve_policy(&case.db, case.root);
    let policy = &resolved.policy;
    let sema = Sema::new(policy, case.as_of);
    let view = vern::emit::notice::view_model(policy, case.as_of, lang).expect("view model");
    let has = |code: &str| diags.iter().any(|d| d.code == code);
    // A policy with errors before the rules holds some rules back; silence is then not reported.
    let complete = !diags
        .iter()
        .any(|d| d.severity == Severity::Error && vern::check::rules::lookup(d.code).is_none());
    let mut out = Vec::new();
    let mut fail = |what: String| out.push(format!("{} [{lang}]: {what}", case.name));

    let transfers_known = !sema.transfers().is_empty() || TRANSFER_FINDINGS.iter().any(|c| has(c));
    if transfers_known {
        let stated = field(&view, &["transfers_stated"]);
        let listed = field(&view, &["transfers"]).as_array().map_or(0, Vec::len);
        if stated != "declared" || listed == 0 {
            fail(format!(
                "a third-country transfer is known, but the notice says transfers are {stated} ({listed} listed)"
            ));
        }
    }

    for &(negative, key, rule) in ELEMENTS {
        let stated = field(&view, &[key]);
        if has(rule) && stated != "unstated" {
            fail(format!(
                "`{rule}` fires, but the notice's {key} is {stated}"
            ));
        }
        if complete && stated == "unstated" && !has(rule) {
            fail(format!(
                "the notice's {key} is \"Not stated\", but `{rule}` does not fire"
            ));
        }
        let contradicted = sema.negative(negative).is_some_and(|loc| {
            diags.iter().any(|d| {
                d.code == "declared-none-contradicted"
                    && d.primary.file == loc.file
                    && d.primary.span == loc.span
            })
        });
        if contradicted && stated == "none" {
            fail(format!(
                "`declared-none-contradicted` fires on the negative, but the notice's {key} repeats it"
            ));
        }
    }

    for group in field(&view, &["sources"]).as_array().into_iter().flatten() {
        if group["kind"] == "unstated" {
            continue;
        }
        for item in group["items"].as_array().into_iter().flatten() {
            let id = item["id"].as_str().unwrap_or_default();
            if sema.source_of(id).is_none() {
                fail(format!(
                    "`{id}` is listed as from a {} source, but the policy states none",
                    group["kind"]
                ));
            }
        }
    }
    if (has("source-missing") || has("source-unstated"))
        && field(&view, &["sources_from_others"]) == "none"
    {
        fail("a source finding fires, but the notice says no data comes from others".into());
    }

    let listed: Vec<&str> = field(&view, &["rights", "items"])
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["id"].as_str())
        .collect();
    for id in &listed {
        if !sema.right_listed(id) {
            fail(format!(
                "the notice lists the right `{id}`, which the policy does not declare"
            ));
        }
    }
    for p in &policy.purposes {
        for (right, basis) in sema.rights_required_by(p) {
            let bare = right.strip_prefix("std.").unwrap_or(right);
            // Consent's withdrawal is stated on the basis itself (`withdraw "..."`), or as a right.
            let withdrawal_stated =
                sema.is_withdrawal_right(right) && sema.withdrawal_text(basis).is_some();
            if sema.right_listed(right) || withdrawal_stated {
                continue;
            }
            if listed.contains(&bare) {
                fail(format!(
                    "the notice lists `{bare}`, which is required but not declared"
                ));
            }
            let reporter = match bare {
                "complaint" => "complaint-right-missing",
                "withdraw-consent" => "consent-withdrawal-missing",
                "object-direct-marketing" => "direct-marketing-objection-missing",
                _ => "rights-incomplete-for-basis",
            };
            if complete && !has(reporter) {
                fail(format!(
                    "purpose `{}` needs the right `{bare}`, which is not declared, and nothing reports it",
                    p.name
                ));
            }
        }
    }
    let complaints = field(&view, &["rights", "complaints"])
        .as_array()
        .map_or(0, Vec::len);
    if has("complaint-right-missing") && complaints > 0 {
        fail("`complaint-right-missing` fires, but the notice names an authority".into());
    }
    if has("dpo-contact-missing") && !field(&view, &["controller", "dpo_contact"]).is_null() {
        fail("`dpo-contact-missing` fires, but the notice gives a DPO contact".into());
    }
    out
}

#[test]
fn no_notice_contradicts_a_finding() {
    let cases = corpus();
    assert!(cases.len() > 60, "the corpus has {} policies", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let config = CheckConfig::new(&case.db, case.as_of, Default::default());
        let diags = vern::cli::check_diagnostics(&case.db, &[case.root], config);
        for lang in LANGS {
            failures.extend(contradictions(case, &diags, lang));
        }
    }
    assert!(
        failures.is_empty(),
        "{} contradictions:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
