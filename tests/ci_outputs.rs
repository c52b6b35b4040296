#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! CI outputs: SARIF valid against the SARIF 2.1.0 schema (OASIS, committed under tests/schemas),
//! GitHub annotations, JSON findings, workspaces from `vern.toml`, and the generated man page.

use assert_cmd::Command;
use serde_json::Value;

fn vern() -> Command {
    Command::cargo_bin("vern").expect("binary")
}

fn run_json(args: &[&str]) -> (Value, i32) {
    let out = vern().args(args).output().expect("run");
    let value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (value, out.status.code().unwrap_or(-1))
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0_with_rules_and_regions() {
    let (sarif, code) = run_json(&[
        "check",
        "examples/seeds/",
        "--format",
        "sarif",
        "--as-of",
        "2026-11-22",
    ]);
    assert_eq!(code, 1, "the seeds have errors");
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string("tests/schemas/sarif-schema-2.1.0.json").expect("schema"),
    )
    .expect("json");
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .take(10)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let psi = rules
        .iter()
        .find(|r| r["id"] == "transfer-safeguard-invalid")
        .expect("rule metadata");
    assert!(
        psi["helpUri"]
            .as_str()
            .is_some_and(|u| u.starts_with("https://"))
    );
    assert!(
        psi["properties"]["legalReference"]
            .as_str()
            .is_some_and(|l| l.contains("C-311/18"))
    );
    let results = run["results"].as_array().expect("results");
    let r = results
        .iter()
        .find(|r| r["ruleId"] == "transfer-safeguard-invalid")
        .expect("a result");
    assert_eq!(r["level"], "error");
    assert!(
        r["locations"][0]["physicalLocation"]["region"]["startLine"]
            .as_i64()
            .is_some_and(|l| l > 0)
    );
}

#[test]
fn github_format_prints_workflow_annotations() {
    let out = vern()
        .args([
            "check",
            "examples/seeds/carre-oslo.vern",
            "--format",
            "github",
            "--as-of",
            "2026-11-22",
        ])
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.lines().all(|l| l.starts_with("::error ")
            || l.starts_with("::warning ")
            || l.starts_with("::notice ")),
        "{stdout}"
    );
    assert!(stdout.contains("::error file=examples/seeds/carre-oslo.vern,line="));
    assert!(stdout.contains("title=transfer-safeguard-invalid::"));
}

#[test]
fn json_findings_carry_rule_legal_reference_and_location() {
    let (json, _) = run_json(&[
        "check",
        "examples/seeds/carre-oslo.vern",
        "--format",
        "json",
        "--as-of",
        "2026-11-22",
    ]);
    let all = json.as_array().expect("a list");
    let f = all
        .iter()
        .find(|d| d["code"] == "retention-statute-mismatch")
        .expect("finding");
    for key in [
        "severity",
        "message",
        "file",
        "line",
        "column",
        "span",
        "related",
        "help",
        "legal_reference",
        "waived",
        "label",
    ] {
        assert!(f.get(key).is_some(), "missing `{key}` in {f}");
    }
    assert_eq!(f["file"], "examples/seeds/carre-oslo.vern");
}

#[test]
fn a_workspace_is_checked_and_built_without_arguments() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("policies/nordlys")).expect("mkdir");
    std::fs::copy(
        "examples/nordlys-sko.vern",
        root.join("policies/nordlys-sko.vern"),
    )
    .expect("copy");
    std::fs::copy(
        "examples/nordlys/recipients.vern",
        root.join("policies/nordlys/recipients.vern"),
    )
    .expect("copy");
    std::fs::write(
        root.join("vern.toml"),
        "[workspace]\npolicies = [\"policies/\"]\nas-of = \"2026-11-22\"\nout = \"dist\"\n",
    )
    .expect("toml");
    vern().current_dir(root).arg("check").assert().success();
    vern().current_dir(root).arg("build").assert().success();
    assert!(root.join("dist/nordlys-sko/policy.json").is_file());
    // A rule level from vern.toml changes what fails.
    std::fs::write(root.join("vern.toml"), "[workspace]\npolicies = [\"policies/\"]\n\n[rules]\nretention = \"deny\"\nnot-a-rule = \"deny\"\n").expect("toml");
    let out = vern().current_dir(root).arg("check").output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("`not-a-rule` in [rules] is neither a rule nor a group")
    );
}

#[test]
fn deny_warnings_fails_on_warnings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("p.vern");
    std::fs::write(&file, "purpose orders is order-fulfilment {\n  uses name\n  basis contract\n  retain until contract-end + 1y\n}\n").expect("write");
    vern()
        .args(["check", file.to_str().unwrap_or_default()])
        .assert()
        .success();
    vern()
        .args([
            "check",
            "--deny",
            "warnings",
            file.to_str().unwrap_or_default(),
        ])
        .assert()
        .code(1);
}

#[test]
fn the_committed_man_page_is_current() {
    let current = vern::cli::man_page();
    if std::env::var_os("VERN_BLESS").is_some() {
        let _ = std::fs::write("docs/man/vern.1", &current);
        return;
    }
    let committed = std::fs::read_to_string("docs/man/vern.1").unwrap_or_default();
    assert!(
        committed == current,
        "docs/man/vern.1 is stale: run `vern man > docs/man/vern.1`"
    );
}

#[test]
fn completions_are_generated_for_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let out = vern().args(["completions", shell]).output().expect("run");
        assert!(out.status.success() && out.stdout.len() > 500, "{shell}");
    }
}

#[test]
fn build_uses_the_users_templates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let shipped = std::fs::read_to_string("templates/notice/notice.md.j2").expect("template");
    std::fs::create_dir_all(dir.path().join("tpl")).expect("mkdir");
    std::fs::write(
        dir.path().join("tpl/notice.md.j2"),
        format!("<!-- house style -->\n{shipped}"),
    )
    .expect("write");
    let out = dir.path().join("out");
    vern()
        .args([
            "build",
            "examples/nordlys-sko.vern",
            "--as-of",
            "2026-11-22",
            "--templates",
        ])
        .arg(dir.path().join("tpl"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let notice = std::fs::read_to_string(out.join("notice.nb.md")).expect("notice");
    assert!(
        notice.starts_with("<!-- house style -->"),
        "{}",
        &notice[..200.min(notice.len())]
    );
}

#[test]
fn a_format_a_command_does_not_write_is_a_usage_error() {
    for (args, bad, offered) in [
        (
            &["check", "examples/nordlys-sko.vern"][..],
            "markdown",
            "human, json, sarif, github",
        ),
        (
            &[
                "diff",
                "examples/nordlys-sko.vern",
                "examples/nordlys-sko.vern",
            ][..],
            "sarif",
            "human, json, markdown",
        ),
        (
            &[
                "diff",
                "examples/nordlys-sko.vern",
                "examples/nordlys-sko.vern",
            ][..],
            "github",
            "human, json, markdown",
        ),
        (&["rules"][..], "sarif", "human, json, markdown"),
        (&["rules"][..], "github", "human, json, markdown"),
    ] {
        let out = vern()
            .args(args)
            .args(["--format", bad])
            .output()
            .expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?} --format {bad}: {err}");
        assert!(
            out.stdout.is_empty(),
            "{args:?} --format {bad} wrote output"
        );
        assert!(
            err.contains(&format!("invalid value '{bad}'")) && err.contains(offered),
            "{args:?} --format {bad}: {err}"
        );
    }
}

fn sarif_of(args: &[&str]) -> Value {
    let mut all = vec!["check", "--format", "sarif", "--as-of", "2026-11-22"];
    all.extend_from_slice(args);
    run_json(&all).0
}

/// Every `artifactLocation` in a SARIF log.
fn artifact_locations(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == "artifactLocation" {
                    out.push(x.clone());
                }
                artifact_locations(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| artifact_locations(x, out)),
        _ => {}
    }
}

#[test]
fn sarif_locations_are_valid_uris_with_the_stdlib_under_its_own_base() {
    let sarif = sarif_of(&["examples/seeds/carre-oslo.vern"]);
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string("tests/schemas/sarif-schema-2.1.0.json").expect("schema"),
    )
    .expect("json");
    // With the schema's `format`s checked too: `uri` and `uri-reference`.
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .take(10)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
    let run = &sarif["runs"][0];
    let mut locations = Vec::new();
    artifact_locations(run, &mut locations);
    let stdlib: Vec<&Value> = locations
        .iter()
        .filter(|l| l["uriBaseId"] == "VERNSTDLIB")
        .collect();
    assert!(
        !stdlib.is_empty(),
        "the seed's findings point into the stdlib"
    );
    assert!(stdlib.iter().any(|l| l["uri"] == "transfers.vern"));
    assert_eq!(
        run["originalUriBaseIds"]["VERNSTDLIB"]["uri"],
        "vern-stdlib:/"
    );
    for l in &locations {
        let uri = l["uri"].as_str().expect("uri");
        assert!(
            !uri.contains(['<', '>', ' ', '\\']),
            "not a URI reference: {uri}"
        );
    }
}

#[test]
fn sarif_paths_that_need_it_are_percent_encoded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("my policy #1.vern");
    std::fs::write(&path, "data x \"X\"\npurpose p {\n  uses emial\n}\n").expect("write");
    let sarif = sarif_of(&[path.to_str().expect("utf-8")]);
    let uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        ["artifactLocation"]["uri"]
        .as_str()
        .expect("uri")
        .to_string();
    assert!(
        uri.starts_with("file:///") && uri.ends_with("/my%20policy%20%231.vern"),
        "{uri}"
    );
}

/// (ruleId, message) -> fingerprint, for every result.
fn fingerprints(sarif: &Value) -> Vec<(String, String)> {
    sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            (
                format!("{} {}", r["ruleId"], r["message"]["text"]),
                r["partialFingerprints"]["vernFinding/v1"]
                    .as_str()
                    .expect("a fingerprint")
                    .to_string(),
            )
        })
        .collect()
}

#[test]
fn sarif_fingerprints_survive_unrelated_edits_above_a_finding() {
    let dir = tempfile::tempdir().expect("tempdir");
    let seed = std::fs::read_to_string("examples/seeds/carre-oslo.vern").expect("seed");
    let path = dir.path().join("p.vern");
    std::fs::write(&path, &seed).expect("write");
    let before = fingerprints(&sarif_of(&[path.to_str().expect("utf-8")]));
    let unique: std::collections::HashSet<&String> = before.iter().map(|(_, f)| f).collect();
    assert_eq!(
        unique.len(),
        before.len(),
        "fingerprints are unique in a run"
    );
    // Comments and blank lines above everything: every finding moves down.
    let edited = format!("// reviewed 2026-11\n\n\n// by the DPO\n\n{seed}");
    std::fs::write(&path, &edited).expect("write");
    let after = fingerprints(&sarif_of(&[path.to_str().expect("utf-8")]));
    assert_eq!(before.len(), after.len(), "the edit changes no finding");
    for pair in &before {
        assert!(after.contains(pair), "fingerprint changed for {}", pair.0);
    }
}

#[test]
fn sarif_results_carry_the_fixes_of_their_diagnostics() {
    let dir = tempfile::tempdir().expect("tempdir");
    let seed = std::fs::read_to_string("examples/seeds/carre-oslo.vern").expect("seed");
    let path = dir.path().join("p.vern");
    std::fs::write(&path, &seed).expect("write");
    let sarif = sarif_of(&[path.to_str().expect("utf-8")]);
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    let r = results
        .iter()
        .find(|r| r["ruleId"] == "rights-incomplete-for-basis")
        .expect("the seed misses rights");
    let fix = &r["fixes"][0];
    assert!(
        fix["description"]["text"]
            .as_str()
            .is_some_and(|t| !t.is_empty())
    );
    let change = &fix["artifactChanges"][0];
    assert!(
        change["artifactLocation"]["uri"]
            .as_str()
            .is_some_and(|u| u.ends_with("/p.vern"))
    );
    // Apply the replacements (lines and UTF-16 columns, 1-based) and check again: fixed.
    let mut text = seed.clone();
    let mut replacements: Vec<&Value> = change["replacements"]
        .as_array()
        .expect("replacements")
        .iter()
        .collect();
    replacements.sort_by_key(|x| {
        std::cmp::Reverse((
            x["deletedRegion"]["startLine"].as_i64(),
            x["deletedRegion"]["startColumn"].as_i64(),
        ))
    });
    let offset = |text: &str, line: i64, col: i64| {
        let start: usize = text
            .split_inclusive('\n')
            .take(line as usize - 1)
            .map(str::len)
            .sum();
        let mut units = 0;
        for (i, ch) in text[start..].char_indices() {
            if units >= col - 1 {
                return start + i;
            }
            units += ch.len_utf16() as i64;
        }
        text.len()
    };
    for x in replacements {
        let d = &x["deletedRegion"];
        let a = offset(
            &text,
            d["startLine"].as_i64().expect("l"),
            d["startColumn"].as_i64().expect("c"),
        );
        let b = offset(
            &text,
            d["endLine"].as_i64().expect("l"),
            d["endColumn"].as_i64().expect("c"),
        );
        text.replace_range(a..b, x["insertedContent"]["text"].as_str().expect("text"));
    }
    std::fs::write(&path, &text).expect("write");
    let fixed = sarif_of(&[path.to_str().expect("utf-8")]);
    assert!(
        !fixed["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .any(|r| r["ruleId"] == "rights-incomplete-for-basis" && r["suppressions"].is_null()),
        "the fix fixes it"
    );
}

#[test]
fn each_sarif_rule_links_to_its_own_page() {
    let sarif = sarif_of(&["examples/nordlys-sko.vern"]);
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    let mut seen = std::collections::HashSet::new();
    for rule in vern::check::rules::RULES {
        let r = rules.iter().find(|r| r["id"] == rule.id).expect("listed");
        let uri = r["helpUri"].as_str().expect("helpUri");
        assert!(
            uri.starts_with("https://") && uri.ends_with(&format!("/docs/rules/{}.md", rule.id)),
            "{}: {uri}",
            rule.id
        );
        assert!(
            std::path::Path::new(&format!("docs/rules/{}.md", rule.id)).is_file(),
            "the page of {} exists",
            rule.id
        );
        assert!(seen.insert(uri.to_string()), "{uri} twice");
    }
}
