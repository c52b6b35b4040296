#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! `vern check --evidence`: the evidence rules on HAR and inspection.json fixtures (tests/evidence/),
//! each firing and staying quiet, in every output format, with waivers, levels and `vern.toml`.
//! The rules' findings point into the evidence file, so they are tested here rather than in
//! tests/ui (whose annotations sit on `.vern` lines).

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const AS_OF: &str = "2026-11-22";

fn vern(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("vern")
        .unwrap()
        .args(args)
        .args(["--as-of", AS_OF, "--color", "never"])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(args: &[&str]) -> Vec<Value> {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let (_, stdout, stderr) = vern(&all);
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}\n{stdout}\n{stderr}"))
}

fn evidence_findings(findings: &[Value]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = findings
        .iter()
        .filter(|f| f["code"].as_str().unwrap_or("").starts_with("evidence-"))
        .map(|f| {
            (
                f["code"].as_str().unwrap_or("").to_string(),
                f["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

/// The acceptance case of issue 15: a visit to Nordlys Sko with no consent given.
#[test]
fn nordlys_without_consent_reports_the_meta_pixel_and_hotjar() {
    let findings = json(&[
        "check",
        "examples/nordlys-sko.vern",
        "--evidence",
        "tests/evidence/nordlys-no-consent.har",
    ]);
    let has = |code: &str, needle: &str| {
        findings.iter().find(|f| {
            f["code"] == code && f["message"].as_str().is_some_and(|m| m.contains(needle))
        })
    };
    let fbp = has("evidence-before-consent", "`_fbp`").expect("_fbp before consent");
    assert_eq!(fbp["file"], "tests/evidence/nordlys-no-consent.har");
    assert!(
        fbp["label"].as_str().unwrap().contains("HAR entry 4"),
        "{fbp}"
    );
    // The related place is the declaration that puts `_fbp` on consent.
    let related = &fbp["related"][0];
    assert_eq!(related["file"], "examples/nordlys-sko.vern");
    assert!(
        related["label"]
            .as_str()
            .unwrap()
            .contains("meta-pixel-cookie")
    );

    let hj = has("evidence-cookie-undeclared", "`_hjSessionUser_3512`").expect("Hotjar cookie");
    assert!(hj["message"].as_str().unwrap().contains("Hotjar"));
    assert!(
        hj["notes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n.as_str().unwrap().contains("`_hjSessionUser_*`"))
    );
    let host = has("evidence-recipient-undeclared", "`script.hotjar.com`").expect("Hotjar host");
    assert!(host["label"].as_str().unwrap().contains("HAR entry 2"));
    assert_eq!(host["related"][0]["file"], "examples/nordlys-sko.vern");

    let evidence: Vec<&Value> = findings
        .iter()
        .filter(|f| f["code"].as_str().unwrap_or("").starts_with("evidence-"))
        .collect();
    insta::assert_json_snapshot!("nordlys-no-consent-evidence", evidence);

    // Nothing the policy declares correctly is reported: the cart cookie, Hotjar's country (Malta).
    let codes = evidence_findings(&findings);
    assert!(
        !codes.iter().any(|(_, m)| m.contains("`cart`")),
        "{codes:?}"
    );
    assert!(
        !codes
            .iter()
            .any(|(c, _)| c == "evidence-transfer-undeclared"),
        "{codes:?}"
    );
}

#[test]
fn every_evidence_rule_fires_on_the_shop_visit_without_consent() {
    let findings = json(&[
        "check",
        "tests/evidence/shop.vern",
        "--evidence",
        "tests/evidence/shop-no-consent.har",
    ]);
    let got = evidence_findings(&findings);
    let codes: std::collections::BTreeSet<&str> = got.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(
        codes.into_iter().collect::<Vec<_>>(),
        [
            "evidence-before-consent",
            "evidence-cookie-lifetime",
            "evidence-cookie-undeclared",
            "evidence-recipient-undeclared",
            "evidence-transfer-undeclared",
        ]
    );
    // The declared session cookie `sid` is not reported; `_gid` and the storage key are.
    assert!(!got.iter().any(|(_, m)| m.contains("`sid`")), "{got:?}");
    assert!(got.iter().any(|(_, m)| m.contains("`_gid`")));
    assert!(
        got.iter()
            .any(|(_, m)| m.contains("localStorage key `cart-items`"))
    );
}

#[test]
fn a_visit_that_matches_the_policy_is_clean() {
    let (code, _, stderr) = vern(&[
        "check",
        "tests/evidence/shop.vern",
        "--evidence",
        "tests/evidence/shop-as-declared.har",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("no problems found"), "{stderr}");
}

#[test]
fn without_evidence_the_evidence_rules_are_silent() {
    let (code, _, stderr) = vern(&["check", "tests/evidence/shop.vern"]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn inspection_json_of_the_website_evidence_collector() {
    let findings = json(&[
        "check",
        "tests/evidence/shop.vern",
        "--evidence",
        "tests/evidence/shop-inspection.json",
    ]);
    let got = evidence_findings(&findings);
    // Google Tag Manager is in the vendor registry, so its host is named as well.
    assert_eq!(got.len(), 6, "{got:?}");
    assert!(
        got.iter()
            .any(|(c, m)| c == "evidence-recipient-undeclared" && m.contains("google-tag-manager")),
        "{got:?}"
    );
    let lifetime = findings
        .iter()
        .find(|f| f["code"] == "evidence-cookie-lifetime")
        .unwrap();
    assert!(lifetime["message"].as_str().unwrap().contains("720 days"));
    assert!(
        lifetime["label"]
            .as_str()
            .unwrap()
            .contains("inspection cookies[0]")
    );
    let storage = findings
        .iter()
        .find(|f| {
            f["message"]
                .as_str()
                .is_some_and(|m| m.contains("cart-items"))
        })
        .unwrap();
    assert!(
        storage["label"]
            .as_str()
            .unwrap()
            .contains("localStorage[\"https://www.butikk.example\"][\"cart-items\"]")
    );
    assert_eq!(storage["line"], 7);
}

#[test]
fn human_output_shows_the_evidence_and_the_declaration() {
    let (code, _, stderr) = vern(&[
        "check",
        "tests/evidence/shop.vern",
        "--evidence",
        "tests/evidence/shop-no-consent.har",
    ]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("shop-no-consent-human", stderr);
}

#[test]
fn sarif_and_github_outputs_carry_the_evidence_rules() {
    let (_, sarif, _) = vern(&[
        "check",
        "tests/evidence/shop.vern",
        "--evidence",
        "tests/evidence/shop-no-consent.har",
        "--format",
        "sarif",
    ]);
    let sarif: Value = serde_json::from_str(&sarif).unwrap();
    let run = &sarif["runs"][0];
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    for id in [
        "evidence-cookie-undeclared",
        "evidence-cookie-lifetime",
        "evidence-before-consent",
        "evidence-recipient-undeclared",
        "evidence-transfer-undeclared",
    ] {
        assert!(rules.contains(&id), "{id} not in the SARIF rules");
    }
    let results = run["results"].as_array().unwrap();
    let har_results: Vec<&Value> = results
        .iter()
        .filter(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .is_some_and(|u| u.ends_with("shop-no-consent.har"))
        })
        .collect();
    assert_eq!(har_results.len(), 6, "{results:#?}");
    assert!(har_results.iter().all(|r| {
        r["locations"][0]["physicalLocation"]["region"]["startLine"]
            .as_u64()
            .is_some_and(|l| l > 1)
    }));

    let (_, github, _) = vern(&[
        "check",
        "tests/evidence/shop.vern",
        "--evidence",
        "tests/evidence/shop-no-consent.har",
        "--format",
        "github",
    ]);
    assert!(
        github.contains(
            "::error file=tests/evidence/shop-no-consent.har,line=80,col=18,endLine=80,endColumn=77,title=evidence-recipient-undeclared::"
        ),
        "{github}"
    );
}

/// A temporary workspace with the shop policy, one of its HAR files, and a `vern.toml`.
fn workspace(policy_edit: impl Fn(String) -> String, toml: &str) -> tempfile::TempDir {
    let dir = tempfile::TempDir::new().unwrap();
    let policy = std::fs::read_to_string("tests/evidence/shop.vern").unwrap();
    std::fs::write(dir.path().join("shop.vern"), policy_edit(policy)).unwrap();
    std::fs::create_dir(dir.path().join("evidence")).unwrap();
    std::fs::copy(
        "tests/evidence/shop-no-consent.har",
        dir.path().join("evidence/home.har"),
    )
    .unwrap();
    std::fs::write(dir.path().join("vern.toml"), toml).unwrap();
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("vern")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .args(["--as-of", AS_OF, "--color", "never"])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn vern_toml_names_the_evidence_and_sets_the_levels() {
    let dir = workspace(
        |p| p,
        "[workspace]\npolicies = [\"shop.vern\"]\n[evidence]\nfiles = [\"evidence/home.har\"]\n[rules]\nevidence-cookie-lifetime = \"allow\"\nevidence-transfer-undeclared = \"warn\"\n",
    );
    let (code, stdout, stderr) = run_in(dir.path(), &["check", "--format", "json"]);
    assert_eq!(code, 1, "{stderr}");
    let findings: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    let got = evidence_findings(&findings);
    assert!(!got.iter().any(|(c, _)| c == "evidence-cookie-lifetime"));
    let transfer = findings
        .iter()
        .find(|f| f["code"] == "evidence-transfer-undeclared")
        .unwrap();
    assert_eq!(transfer["severity"], "warning");
    assert_eq!(transfer["file"], "evidence/home.har");

    let bad = workspace(|p| p, "[evidence]\nfiles = \"home.har\"\n");
    let (code, _, stderr) = run_in(bad.path(), &["check", "shop.vern"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("[evidence] files must be a list of paths"),
        "{stderr}"
    );
}

#[test]
fn findings_are_waivable_and_a_waiver_is_not_unused_without_evidence() {
    let waive = |p: String| {
        p.replace(
            "  direct-marketing none\n}",
            "  direct-marketing none\n  waive evidence-recipient-undeclared \"Google Analytics runs only on the test site, which the notice does not cover\"\n}",
        )
    };
    let dir = workspace(waive, "");
    let (_, stdout, _) = run_in(
        dir.path(),
        &[
            "check",
            "shop.vern",
            "--evidence",
            "evidence/home.har",
            "--format",
            "json",
        ],
    );
    let findings: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    let waived = findings
        .iter()
        .find(|f| f["code"] == "evidence-recipient-undeclared")
        .unwrap();
    assert_eq!(waived["waived"], true);
    // Without evidence the waiver has nothing to waive, and is not called unused.
    let (code, _, stderr) = run_in(dir.path(), &["check", "shop.vern"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("unused-waiver"), "{stderr}");
    // With evidence on which it does not fire, it is.
    std::fs::copy(
        "tests/evidence/shop-as-declared.har",
        dir.path().join("evidence/clean.har"),
    )
    .unwrap();
    let (_, _, stderr) = run_in(
        dir.path(),
        &["check", "shop.vern", "--evidence", "evidence/clean.har"],
    );
    assert!(
        stderr.contains(
            "warning[unused-waiver]: `evidence-recipient-undeclared` does not fire on this evidence"
        ),
        "{stderr}"
    );
}

#[test]
fn unreadable_evidence_is_a_clear_error() {
    let dir = tempfile::TempDir::new().unwrap();
    let bad = dir.path().join("bad.har");
    std::fs::write(&bad, "{\"log\": {\"entries\": [{\"request\": 3}]}}").unwrap();
    let (code, _, stderr) = vern(&[
        "check",
        "tests/evidence/shop.vern",
        "--evidence",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("is not a HAR file: entry 0") && stderr.contains("line 1"),
        "{stderr}"
    );
    let other = dir.path().join("other.json");
    std::fs::write(&other, "{\"hello\": 1}").unwrap();
    let (code, _, stderr) = vern(&[
        "check",
        "tests/evidence/shop.vern",
        "--evidence",
        other.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("neither a HAR file"), "{stderr}");
    let (code, _, stderr) = vern(&[
        "check",
        "tests/evidence/shop.vern",
        "--evidence",
        "tests/evidence/missing.har",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read the evidence file"), "{stderr}");
}
