#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! Untranslated texts: `vern check` and `vern build` report the same `missing-translation` findings,
//! one per notice language; `check --deny warnings` fails exactly when the build would warn; the
//! notice marks exactly the texts the finding counts (never an address or a name).

use std::path::Path;

use assert_cmd::Command;

/// The clean example with some English translations taken out, in a fresh folder.
fn example_with_gaps(dir: &Path, gaps: &[&str]) -> std::path::PathBuf {
    let mut text = std::fs::read_to_string("examples/nordlys-sko.vern").unwrap();
    for gap in gaps {
        assert!(text.contains(gap), "the example has no `{gap}`");
        text = text.replacen(gap, "", 1);
    }
    std::fs::create_dir_all(dir.join("nordlys")).unwrap();
    std::fs::copy(
        "examples/nordlys/recipients.vern",
        dir.join("nordlys/recipients.vern"),
    )
    .unwrap();
    let path = dir.join("policy.vern");
    std::fs::write(&path, text).unwrap();
    path
}

/// The `missing-translation` blocks of human output.
fn translation_findings(stderr: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in stderr.lines() {
        let starts = line.starts_with("warning[")
            || line.starts_with("error[")
            || line.starts_with("note[")
            || line.starts_with("checked ")
            || line.starts_with("wrote ");
        if starts {
            if let Some(c) = current.take() {
                out.push(c);
            }
            if line.starts_with("warning[missing-translation]") {
                current = Some(String::new());
            }
        }
        if let Some(c) = current.as_mut() {
            c.push_str(line);
            c.push('\n');
        }
    }
    out.extend(current);
    out
}

const GAPS: &[&str] = &[
    " en \"Newsletter\"",
    " en \"Bookkeeping\"",
    "\n    en \"Which pages and items you look at, where you came from, and which device and browser you use\"",
];

#[test]
fn check_and_build_report_the_same_translation_findings() {
    let dir = tempfile::tempdir().unwrap();
    let policy = example_with_gaps(dir.path(), GAPS);
    let check = Command::cargo_bin("vern")
        .unwrap()
        .args(["check", "--color", "never", "--as-of", "2026-11-22"])
        .arg(&policy)
        .output()
        .unwrap();
    let build = Command::cargo_bin("vern")
        .unwrap()
        .args(["build", "--color", "never", "--as-of", "2026-11-22", "-o"])
        .arg(dir.path().join("out"))
        .arg(&policy)
        .output()
        .unwrap();
    let check_stderr = String::from_utf8_lossy(&check.stderr);
    let build_stderr = String::from_utf8_lossy(&build.stderr);
    let from_check = translation_findings(&check_stderr);
    let from_build = translation_findings(&build_stderr);
    assert_eq!(
        from_check.len(),
        1,
        "one finding, for `en`:\n{check_stderr}"
    );
    assert!(
        from_check[0].contains("3 texts have no `en` translation"),
        "{}",
        from_check[0]
    );
    assert_eq!(from_check, from_build, "check and build disagree");
    assert!(build.status.success(), "{build_stderr}");

    // The CI gate: `check --deny warnings` fails because the build would warn ...
    let gate = Command::cargo_bin("vern")
        .unwrap()
        .args(["check", "--deny", "warnings", "--as-of", "2026-11-22"])
        .arg(&policy)
        .output()
        .unwrap();
    assert_eq!(gate.status.code(), Some(1));
    // ... and passes on the complete example, whose build does not.
    let clean = Command::cargo_bin("vern")
        .unwrap()
        .args([
            "check",
            "--deny",
            "warnings",
            "--as-of",
            "2026-11-22",
            "examples/nordlys-sko.vern",
        ])
        .output()
        .unwrap();
    assert_eq!(
        clean.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&clean.stderr)
    );
}

#[test]
fn a_notice_in_an_undeclared_language_reports_its_own_summary_once() {
    // The seeds are in Bokmål only: an English notice shows their texts in Bokmål, counted once.
    let out = Command::cargo_bin("vern")
        .unwrap()
        .args([
            "notice",
            "examples/seeds/ellos.vern",
            "--lang",
            "en",
            "--color",
            "never",
            "--as-of",
            "2026-11-22",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let found = translation_findings(&stderr);
    assert_eq!(found.len(), 1, "{stderr}");
    // The controller's two addresses are written once, untranslated, and are not counted.
    assert!(!found[0].contains("address \""), "{}", found[0]);
    let notice = String::from_utf8_lossy(&out.stdout);
    assert!(notice.contains("Ödegärdsgatan 6"));
    assert!(
        !notice.contains("\\[nb\\] Ödegärdsgatan"),
        "an address is never marked"
    );
}

#[test]
fn the_notice_marks_exactly_the_texts_the_finding_counts() {
    let mut compared = 0;
    for seed in ["clemco-norge", "ellos", "serviteur"] {
        let out = Command::cargo_bin("vern")
            .unwrap()
            .args(["notice", &format!("examples/seeds/{seed}.vern")])
            .args(["--lang", "en", "--color", "never", "--as-of", "2026-11-22"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let notice = String::from_utf8_lossy(&out.stdout);
        let counted: usize = stderr
            .lines()
            .find_map(|l| l.strip_prefix("warning[missing-translation]: "))
            .and_then(|l| l.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no finding for {seed}:\n{stderr}"));
        let marked: usize = notice
            .lines()
            .find_map(|l| {
                l.split(" texts in this notice")
                    .next()
                    .filter(|_| l.contains(" texts in this notice"))
            })
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or_else(|| panic!("no translation note in the notice of {seed}"));
        assert_eq!(
            counted, marked,
            "{seed}: the finding and the notice disagree"
        );
        compared += 1;
    }
    assert_eq!(compared, 3);
}
