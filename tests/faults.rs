#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! Bad input and failing output: each gives a clear error, never a panic, and nothing half-written.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

fn vern() -> Command {
    Command::cargo_bin("vern").expect("binary")
}

fn stderr_of(args: &[&str], dir: &Path) -> (i32, String) {
    let out = vern().current_dir(dir).args(args).output().expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const POLICY: &str = "use std.no\npolicy \"P\" {\n  languages nb\n  updated 2026-06-01\n  version \"1\"\n}\ncontroller c {\n  name \"Butikk AS\"\n  org-number \"913382781\"\n  address \"Storgata 1, 0155 Oslo\"\n  email \"post@butikk.example\"\n  phone \"+47 22 00 00 00\"\n  country NO\n  dpo none\n}\npurpose orders is order-fulfilment {\n  uses name, postal-address\n  about customer\n  basis contract\n  retain until contract-end + 1y\n  requirement contractual \"Uten adresse kan vi ikke levere\"\n}\nrights {\n  access\n  rectification\n  erasure\n  restriction\n  portability\n  complaint to no-datatilsynet\n}\n";

#[test]
fn invalid_utf8_is_reported_with_its_byte_offset() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("p.vern"),
        b"data x \"ok\"\ndata y \"\xff\"\n",
    )
    .expect("write");
    let (code, err) = stderr_of(&["check", "p.vern"], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("not valid UTF-8 (at byte 20)"), "{err}");
}

#[test]
fn a_binary_file_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("p.vern"), b"data x\0\x01\x02").expect("write");
    let (code, err) = stderr_of(&["check", "p.vern"], dir.path());
    assert_eq!(code, 2);
    assert!(
        err.contains("looks like a binary file (a NUL byte at byte 6)"),
        "{err}"
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("p.vern"), POLICY).expect("write");
    let (code, err) = stderr_of(&["check", "--max-file-size", "100", "p.vern"], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("more than the limit of 100 bytes"), "{err}");
}

#[test]
fn a_missing_file_is_an_io_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, err) = stderr_of(&["check", "nowhere.vern"], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("cannot read `nowhere.vern`"), "{err}");
}

#[test]
fn a_long_use_chain_is_cut_with_a_located_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..70 {
        std::fs::write(
            dir.path().join(format!("a{i}.vern")),
            format!("use \"a{}.vern\"\ndata d{i} \"D\"\n", i + 1),
        )
        .expect("write");
    }
    std::fs::write(dir.path().join("a70.vern"), "data last \"L\"\n").expect("write");
    let out = vern()
        .current_dir(dir.path())
        .args(["check", "a0.vern"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("error[use-too-deep]"), "{err}");
}

#[test]
fn a_use_outside_the_workspace_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path().join("ws");
    std::fs::create_dir_all(&ws).expect("mkdir");
    std::fs::write(
        ws.join("vern.toml"),
        "[workspace]\npolicies = [\"p.vern\"]\n",
    )
    .expect("toml");
    std::fs::write(dir.path().join("secret.vern"), "data secret \"S\"\n").expect("write");
    std::fs::write(ws.join("p.vern"), "use \"../secret.vern\"\n").expect("write");
    let (code, err) = stderr_of(&["check"], &ws);
    assert_eq!(code, 1);
    assert!(
        err.contains("error[use-outside-workspace]") && err.contains("p.vern:1:5"),
        "{err}"
    );
}

#[test]
fn an_unwritable_output_directory_is_an_io_error_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("p.vern"), POLICY).expect("write");
    std::fs::write(dir.path().join("blocker"), "a file, not a folder").expect("write");
    let (code, err) = stderr_of(
        &[
            "build",
            "p.vern",
            "-o",
            "blocker/out",
            "--as-of",
            "2026-11-22",
        ],
        dir.path(),
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot create `blocker/out`"), "{err}");
}

#[test]
fn a_full_disk_leaves_the_previous_artefacts_intact() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("p.vern"), POLICY).expect("write");
    vern()
        .current_dir(dir.path())
        .args(["build", "p.vern", "-o", "out", "--as-of", "2026-11-22"])
        .assert()
        .success();
    let before = std::fs::read_to_string(dir.path().join("out/policy.json")).expect("built");
    std::fs::write(
        dir.path().join("p.vern"),
        POLICY.replace("version \"1\"", "version \"2\""),
    )
    .expect("write");
    let out = vern()
        .current_dir(dir.path())
        .env("VERN_FAULT_WRITE_AFTER_BYTES", "300")
        .args(["build", "p.vern", "-o", "out", "--as-of", "2026-11-22"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("No space left on device"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/policy.json")).expect("kept"),
        before
    );
    let leftovers: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .expect("out")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".vern-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn a_build_killed_midway_leaves_whole_artefacts_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = vern::generate::generate(&vern::generate::Options {
        lines: 20_000,
        files: 1,
        defects: 0.0,
        seed: 3,
    });
    std::fs::write(dir.path().join("big.vern"), &files[0].1).expect("write");
    vern()
        .current_dir(dir.path())
        .args(["build", "big.vern", "-o", "out", "--as-of", "2026-11-22"])
        .assert()
        .success();
    let old = std::fs::read_to_string(dir.path().join("out/policy.json")).expect("built");
    std::fs::write(
        dir.path().join("big.vern"),
        files[0].1.replace("version \"1.0\"", "version \"2.0\""),
    )
    .expect("write");
    for delay_ms in [5u64, 20, 60, 120, 250, 400] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vern"))
            .current_dir(dir.path())
            .args(["build", "big.vern", "-o", "out", "--as-of", "2026-11-22"])
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read_to_string(dir.path().join("out/policy.json"))
            .expect("policy.json is always there");
        let parsed: serde_json::Value =
            serde_json::from_str(&now).expect("never a partial policy.json");
        assert!(
            now == old || parsed["policy"]["version"] == "2.0",
            "a mix of old and new"
        );
    }
    vern()
        .current_dir(dir.path())
        .args(["build", "big.vern", "-o", "out", "--as-of", "2026-11-22"])
        .assert()
        .success();
    let leftovers = std::fs::read_dir(dir.path().join("out"))
        .expect("out")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".vern-"))
        .count();
    assert_eq!(leftovers, 0, "the next build removes stale temporaries");
}
