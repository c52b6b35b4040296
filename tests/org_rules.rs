#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! Organisation rules end to end, through the binary: the two rules of issue 17 fire on a policy that
//! breaks them and stay quiet on one that keeps them; `vern test` passes and fails as its examples say,
//! with a diff and JUnit XML; `vern rules` and `vern explain` know a policy's own rules; `vern.toml`
//! levels apply to them.

use std::path::Path;

use assert_cmd::Command;

fn vern() -> Command {
    Command::cargo_bin("vern").expect("binary")
}

fn run(args: &[&str], dir: &Path) -> (i32, String, String) {
    let out = vern().current_dir(dir).args(args).output().expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const RULES: &str = r#"data precise-location is location "Presis posisjon" {
  source observed
}

forbid no-ads-on-contact-data "Contact data is never used for third-party advertising" {
  data contact-details
  purpose targeted-ads
}

forbid no-precise-location-to-third-parties "Precise location is never shared with third parties" {
  data precise-location
  role third-party
}
"#;

const BREAKS: &str = r#"use "org-rules.vern"

purpose ads is targeted-ads {
  uses email
  basis consent
}

recipient adnet "Annonsenettverk" {
  role third-party
  receives precise-location for ads
}
"#;

const KEEPS: &str = r#"use "org-rules.vern"

purpose ads is targeted-ads {
  uses browsing-behaviour
  basis consent
}

recipient maps "Kart" {
  role processor
  receives precise-location for ads
}
"#;

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("org-rules.vern"), RULES).expect("write");
    std::fs::write(dir.path().join("breaks.vern"), BREAKS).expect("write");
    std::fs::write(dir.path().join("keeps.vern"), KEEPS).expect("write");
    dir
}

fn codes(json: &str) -> Vec<(String, String, usize)> {
    let v: serde_json::Value = serde_json::from_str(json).expect("json");
    v.as_array()
        .expect("array")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["file"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default() as usize,
            )
        })
        .collect()
}

#[test]
fn the_two_rules_fire_on_a_policy_that_breaks_them_and_point_into_it() {
    let dir = workspace();
    let (code, stdout, _) = run(
        &[
            "check",
            "breaks.vern",
            "--format",
            "json",
            "--as-of",
            "2026-06-01",
        ],
        dir.path(),
    );
    assert_eq!(code, 1, "{stdout}");
    let found = codes(&stdout);
    let org: Vec<_> = found
        .iter()
        .filter(|(c, _, _)| c.starts_with("no-"))
        .collect();
    assert_eq!(
        org.iter()
            .map(|(c, f, l)| (c.as_str(), f.as_str(), *l))
            .collect::<Vec<_>>(),
        vec![
            ("no-ads-on-contact-data", "breaks.vern", 3),
            ("no-precise-location-to-third-parties", "breaks.vern", 10),
        ],
        "{stdout}"
    );
    // The rule is the related label.
    assert!(
        stdout.contains("organisation rule `no-ads-on-contact-data`"),
        "{stdout}"
    );
    // SARIF gets them too.
    let (_, sarif, _) = run(
        &[
            "check",
            "breaks.vern",
            "--format",
            "sarif",
            "--as-of",
            "2026-06-01",
        ],
        dir.path(),
    );
    assert!(
        sarif.contains("no-precise-location-to-third-parties"),
        "{sarif}"
    );
}

#[test]
fn the_two_rules_stay_quiet_on_a_policy_that_keeps_them() {
    let dir = workspace();
    let (_, stdout, _) = run(
        &[
            "check",
            "keeps.vern",
            "--format",
            "json",
            "--as-of",
            "2026-06-01",
        ],
        dir.path(),
    );
    let found = codes(&stdout);
    assert!(
        !found.iter().any(|(c, _, _)| c.starts_with("no-")),
        "{stdout}"
    );
}

#[test]
fn vern_toml_sets_the_level_of_an_organisation_rule_and_of_the_group() {
    let dir = workspace();
    std::fs::write(
        dir.path().join("vern.toml"),
        "[rules]\nno-ads-on-contact-data = \"warn\"\n",
    )
    .expect("write");
    let (_, stdout, _) = run(
        &[
            "check",
            "breaks.vern",
            "--format",
            "json",
            "--as-of",
            "2026-06-01",
        ],
        dir.path(),
    );
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let severity = |code: &str| {
        v.as_array()
            .expect("array")
            .iter()
            .find(|d| d["code"] == code)
            .map(|d| d["severity"].as_str().unwrap_or_default().to_string())
    };
    assert_eq!(
        severity("no-ads-on-contact-data").as_deref(),
        Some("warning")
    );
    assert_eq!(
        severity("no-precise-location-to-third-parties").as_deref(),
        Some("error")
    );
    std::fs::write(
        dir.path().join("vern.toml"),
        "[rules]\norganisation = \"allow\"\n",
    )
    .expect("write");
    let (_, stdout, _) = run(
        &[
            "check",
            "breaks.vern",
            "--format",
            "json",
            "--as-of",
            "2026-06-01",
        ],
        dir.path(),
    );
    assert!(!stdout.contains("no-ads-on-contact-data"), "{stdout}");
    // A near miss of a built-in rule is still a typo.
    std::fs::write(
        dir.path().join("vern.toml"),
        "[rules]\nretention-mising = \"allow\"\n",
    )
    .expect("write");
    let (code, _, stderr) = run(&["check", "breaks.vern"], dir.path());
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("retention-missing"), "{stderr}");
}

#[test]
fn rules_and_explain_know_the_policys_own_rules() {
    let dir = workspace();
    let (code, stdout, _) = run(&["rules", "breaks.vern"], dir.path());
    assert_eq!(code, 0);
    assert!(
        stdout.contains("no-ads-on-contact-data")
            && stdout.contains("organisation rule (forbid), declared at org-rules.vern:5"),
        "{stdout}"
    );
    let (code, stdout, stderr) = run(
        &["explain", "no-ads-on-contact-data", "breaks.vern"],
        dir.path(),
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("# no-ads-on-contact-data\n"), "{stdout}");
    assert!(stdout.contains("`purpose targeted-ads`"), "{stdout}");
}

#[test]
fn vern_test_passes_on_the_example_tests() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (code, stdout, stderr) = run(&["test", "examples"], root);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("4 passed, 0 failed"), "{stdout}");
}

#[test]
fn vern_test_fails_with_a_diff_on_wrong_expectations() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (code, stdout, stderr) = run(&["test", "tests/fixtures/vern-test"], root);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stdout.contains("1 passed, 2 failed"), "{stdout}");
    assert!(
        stdout.contains("  - no-ads-on-contact-data at retarget-ads    (expected, not found)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  + no-ads-on-contact-data at lookalike-ads"),
        "{stdout}"
    );
}

#[test]
fn vern_test_writes_junit_xml() {
    use quick_xml::events::Event;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = vern()
        .current_dir(root)
        .args(["test", "tests/fixtures/vern-test", "--format", "junit"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let xml = String::from_utf8(out.stdout).expect("utf-8");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut cases, mut failures, mut suites) = (Vec::new(), 0, 0);
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"testsuite" => suites += 1,
                b"testcase" => {
                    let attr = e
                        .try_get_attribute("name")
                        .expect("attribute")
                        .expect("name");
                    let name = String::from_utf8_lossy(&attr.value).into_owned();
                    cases.push(name);
                }
                b"failure" => failures += 1,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(suites, 1, "{xml}");
    assert_eq!(
        cases,
        vec![
            "passes",
            "expects a finding that does not occur",
            "forbids a finding that occurs"
        ],
        "{xml}"
    );
    assert_eq!(failures, 2, "{xml}");
    assert!(xml.contains("(expected, not found)"), "{xml}");
}

#[test]
fn a_bad_test_file_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("x.test.toml"),
        "[[test]]\nname = \"n\"\nexpekt = []\n",
    )
    .expect("write");
    let (code, _, stderr) = run(&["test", "."], dir.path());
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("expekt"), "{stderr}");
}

/// The editor: hover on a rule shows its generated page, go-to-definition from a waiver leads to the
/// rule, completion offers the rule after `waive` and conditions after `when`.
#[test]
fn the_editor_knows_organisation_rules() {
    let mut db = vern::db::Database::new();
    let text = format!(
        "{RULES}\npurpose ads is targeted-ads {{\n  uses email\n  waive no-ads-on-contact-data \"hashed\"\n}}\n\nrequire r \"R\" {{\n  when \n  basis consent\n}}\n"
    );
    let file = db.set_file("p.vern", text.clone());
    let config = vern::check::CheckConfig::with_date(&db, vern::ir::Date::constant(2026, 6, 1));
    let waiver = text.find("waive no-ads").expect("waiver") + "waive ".len() + 2;
    let def = vern::ide::definition(&db, file, waiver).expect("definition");
    let decl = text.find("forbid no-ads-on-contact-data").expect("decl") + "forbid ".len();
    assert_eq!(def.span.start(), decl);
    let hover = vern::ide::hover(&db, file, waiver, config).expect("hover");
    assert!(
        hover.markdown.contains("# no-ads-on-contact-data")
            && hover.markdown.contains("`data contact-details`"),
        "{}",
        hover.markdown
    );
    let waive_end = text.find("waive no-ads").expect("waiver") + "waive ".len();
    let labels: Vec<String> = vern::ide::completions(&db, file, waive_end)
        .into_iter()
        .map(|c| c.label)
        .collect();
    assert!(
        labels.contains(&"no-ads-on-contact-data".to_string()),
        "{labels:?}"
    );
    let when = text.find("  when ").expect("when") + "  when ".len();
    let labels: Vec<String> = vern::ide::completions(&db, file, when)
        .into_iter()
        .map(|c| c.label)
        .collect();
    assert!(
        labels.contains(&"third-country".to_string()) && labels.contains(&"data".to_string()),
        "{labels:?}"
    );
}
