#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! `vern check --fix`: the mechanical fixes are applied, atomically, then the file is reformatted;
//! fixes that would add a claim about the processing, and guesses by similarity, are not.

use std::path::Path;

use assert_cmd::Command;

const CLEAN: &str = include_str!("ui/rules/recovery/_clean.vern");

/// The clean policy with one fixable mistake of each mechanical kind, one statement left out
/// (`transfers none`: its fix is a claim only the author can make) and one misspelling whose only
/// cure is a guess (`requirment`).
fn broken() -> String {
    CLEAN
        .replace("  retain 1y\n", "  retention 1y\n")
        .replace(
            "data shoe-size \"Skostørrelse\" {",
            "data shoe-size \"Skostørrelse\" is purchase-history {",
        )
        .replace(
            "  basis contract\n  retain until",
            "  basis contract\n  waive retention-missing \"kept until the contract ends\" // stale\n  retain until",
        )
        .replace("  transfers none\n", "")
        .replace(
            "  requirement contractual \"Uten skostørrelse",
            "  requirment contractual \"Uten skostørrelse",
        )
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("vern")
        .expect("binary")
        .current_dir(dir)
        .args(["check", "p.vern", "--as-of", "2026-11-22"])
        .args(args)
        .output()
        .expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn workspace(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("p.vern"), text).expect("write");
    dir
}

#[test]
fn fix_applies_mechanical_fixes_only_then_reformats() {
    let dir = workspace(&broken());
    let (code, _, err) = run(dir.path(), &["--fix"]);
    let fixed = std::fs::read_to_string(dir.path().join("p.vern")).expect("read");
    assert!(err.contains("applied 3 fixes in 1 file"), "{err}");
    assert!(fixed.contains("  retain 1y\n"), "{fixed}");
    assert!(
        fixed.contains("data shoe-size is purchase-history \"Skostørrelse\" {}"),
        "{fixed}"
    );
    assert!(!fixed.contains("waive retention-missing"), "{fixed}");
    // Not applied: a statement about transfers, and a guess at a misspelt property.
    assert!(!fixed.contains("transfers none"), "{fixed}");
    assert!(fixed.contains("requirment"), "{fixed}");
    // What remains is reported, and fails the run.
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("transfers-unstated"), "{err}");
    assert!(err.contains("unknown property `requirment`"), "{err}");
    // The file is formatted: `vern fmt --check` has nothing to say.
    let fmt = Command::cargo_bin("vern")
        .expect("binary")
        .current_dir(dir.path())
        .args(["fmt", "--check", "p.vern"])
        .output()
        .expect("fmt");
    assert!(
        fmt.status.success(),
        "{}",
        String::from_utf8_lossy(&fmt.stdout)
    );
    // A second run finds nothing more to fix and leaves the file byte for byte.
    let (_, _, err) = run(dir.path(), &["--fix"]);
    assert!(err.contains("applied 0 fixes in 0 files"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("p.vern")).expect("read"),
        fixed
    );
}

#[test]
fn dry_run_prints_the_diff_and_writes_nothing() {
    let text = broken();
    let dir = workspace(&text);
    let (_, out, err) = run(dir.path(), &["--fix", "--dry-run"]);
    assert!(out.contains("-  retention 1y\n+  retain 1y\n"), "{out}");
    assert!(
        out.contains("-  waive retention-missing \"kept until the contract ends\" // stale\n"),
        "{out}"
    );
    assert!(out.starts_with("--- p.vern\n+++ p.vern (fixed)\n"), "{out}");
    assert!(
        err.contains("would apply 3 fixes in 1 file; nothing was written"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("p.vern")).expect("read"),
        text
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["p.vern"], "no temporary file is left");
}

#[test]
fn dry_run_needs_fix() {
    let dir = workspace(CLEAN);
    let (code, _, err) = run(dir.path(), &["--dry-run"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--fix"), "{err}");
}

#[test]
fn a_clean_policy_is_left_alone() {
    let dir = workspace(CLEAN);
    let (code, out, err) = run(dir.path(), &["--fix"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty(), "{out}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("p.vern")).expect("read"),
        CLEAN
    );
}
