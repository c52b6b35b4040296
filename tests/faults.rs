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

/// Runs `vern check p.vern` in `ws` (with a time limit, for inputs that would never end) and returns
/// the exit code and everything it printed.
#[cfg(unix)]
fn check_confined(ws: &Path) -> (i32, String) {
    let out = vern()
        .current_dir(ws)
        .args(["check", "p.vern"])
        .timeout(Duration::from_secs(20))
        .output()
        .expect("run");
    let printed =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), printed)
}

#[cfg(unix)]
fn confined_workspace(policy: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("ws")).expect("mkdir");
    std::fs::write(dir.path().join("ws/p.vern"), policy).expect("write");
    dir
}

#[cfg(unix)]
#[test]
fn use_of_a_device_ends_at_once_with_a_reason() {
    let dir = confined_workspace("use \"/dev/zero\"\n");
    let (code, out) = check_confined(&dir.path().join("ws"));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("error[use-outside-workspace]") && out.contains("p.vern:1:5"),
        "{out}"
    );
    // A link inside the workspace to the device is refused once it is resolved.
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("ws/zero.vern")).expect("link");
    std::fs::write(dir.path().join("ws/p.vern"), "use \"zero.vern\"\n").expect("write");
    let (code, out) = check_confined(&dir.path().join("ws"));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("symbolic link that leads outside the workspace") && out.contains("/dev/zero"),
        "{out}"
    );
}

#[cfg(unix)]
#[test]
fn use_never_reads_or_prints_a_file_outside_the_workspace() {
    for target in [
        "../../../../../../../etc/passwd",
        "/etc/passwd",
        "/etc/hostname",
        "/proc/self/environ",
    ] {
        let dir = confined_workspace(&format!("use \"{target}\"\n"));
        let (code, out) = check_confined(&dir.path().join("ws"));
        assert_eq!(code, 1, "{target}: {out}");
        assert!(
            out.contains("error[use-outside-workspace]"),
            "{target}: {out}"
        );
        let secret = std::fs::read_to_string(target.trim_start_matches("../../../../../../.."))
            .unwrap_or_default();
        for line in secret.lines().filter(|l| l.len() > 3) {
            assert!(
                !out.contains(line),
                "{target}: printed its content `{line}`:\n{out}"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_that_leads_out_of_the_workspace_is_refused_and_not_shown() {
    let dir = confined_workspace("use \"shared.vern\"\n");
    std::fs::write(
        dir.path().join("secret.vern"),
        "this is not vern: SECRET-TOKEN-42\n",
    )
    .expect("write");
    std::os::unix::fs::symlink(
        dir.path().join("secret.vern"),
        dir.path().join("ws/shared.vern"),
    )
    .expect("link");
    let (code, out) = check_confined(&dir.path().join("ws"));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[use-outside-workspace]"), "{out}");
    assert!(!out.contains("SECRET-TOKEN-42"), "{out}");
    // The root policy itself may not be such a link either.
    std::fs::remove_file(dir.path().join("ws/p.vern")).expect("rm");
    std::os::unix::fs::symlink(dir.path().join("secret.vern"), dir.path().join("ws/p.vern"))
        .expect("link");
    let (code, out) = check_confined(&dir.path().join("ws"));
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("leads outside the workspace") && !out.contains("SECRET-TOKEN-42"),
        "{out}"
    );
    // A link that stays inside is followed.
    std::fs::write(dir.path().join("ws/real.vern"), "data shared \"S\"\n").expect("write");
    std::fs::remove_file(dir.path().join("ws/p.vern")).expect("rm");
    std::fs::remove_file(dir.path().join("ws/shared.vern")).expect("rm");
    std::os::unix::fs::symlink("real.vern", dir.path().join("ws/shared.vern")).expect("link");
    std::fs::write(dir.path().join("ws/p.vern"), "use \"shared.vern\"\n").expect("write");
    let (code, out) = check_confined(&dir.path().join("ws"));
    assert_eq!(code, 0, "{out}");
}

#[cfg(unix)]
#[test]
fn use_of_a_fifo_a_folder_or_a_large_file_says_why() {
    let dir = confined_workspace("use \"pipe.vern\"\nuse \"sub\"\nuse \"big.vern\"\n");
    let ws = dir.path().join("ws");
    let made = std::process::Command::new("mkfifo")
        .arg(ws.join("pipe.vern"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    std::fs::create_dir(ws.join("sub")).expect("mkdir");
    std::fs::write(ws.join("big.vern"), format!("// {}\n", "x".repeat(4000))).expect("write");
    let out = vern()
        .current_dir(&ws)
        .args(["check", "--max-file-size", "1000", "p.vern"])
        .timeout(Duration::from_secs(20))
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("`pipe.vern` is a FIFO (named pipe), not a regular file"),
        "{err}"
    );
    assert!(
        err.contains("`sub` is a directory, not a regular file"),
        "{err}"
    );
    assert!(
        err.contains("`big.vern` is 4004 bytes, more than the limit of 1000 bytes"),
        "{err}"
    );
    assert_eq!(err.matches("error[use-refused]").count(), 3, "{err}");
    assert!(!err.contains("xxxx"), "never the file's content: {err}");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_checked_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let policies = dir.path().join("policies");
    std::fs::create_dir_all(policies.join("nested")).expect("mkdir");
    std::fs::write(policies.join("nested/p.vern"), POLICY).expect("write");
    std::os::unix::fs::symlink(&policies, policies.join("nested/loop")).expect("link");
    let out = vern()
        .current_dir(dir.path())
        .args([
            "check",
            "policies",
            "--format",
            "json",
            "--as-of",
            "2026-11-22",
        ])
        .timeout(Duration::from_secs(20))
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let human = vern()
        .current_dir(dir.path())
        .args(["check", "policies", "--as-of", "2026-11-22"])
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&human.stderr);
    assert!(err.contains("checked 1 policy"), "{err}");
}

/// Every file under `dir` (relative path and content), hidden leftovers included.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(dir)
                    .expect("inside")
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, std::fs::read(&p).expect("read"));
            }
        }
    }
    out
}

/// A pseudo-random sequence for kill times that is the same on every run.
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[cfg(unix)]
#[test]
fn sigkill_at_any_moment_of_a_build_leaves_the_old_set_or_the_new_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = vern::generate::generate(&vern::generate::Options {
        lines: 4_000,
        files: 1,
        defects: 0.0,
        seed: 5,
    });
    let versions = [
        files[0].1.clone(),
        // The new version also drops a language: its set has no English notices, and an old
        // `notice.en.html` left beside the new files would be a mixed set.
        files[0]
            .1
            .replace("version \"1.0\"", "version \"2.0\"")
            .replace("languages nb, en", "languages nb"),
    ];
    assert_ne!(versions[0], versions[1]);
    // The two complete artefact sets, built once each.
    let mut sets = Vec::new();
    let mut took = Duration::ZERO;
    for (i, text) in versions.iter().enumerate() {
        std::fs::write(dir.path().join("p.vern"), text).expect("write");
        let start = std::time::Instant::now();
        vern()
            .current_dir(dir.path())
            .args([
                "build",
                "p.vern",
                "-o",
                &format!("set{i}"),
                "--as-of",
                "2026-11-22",
            ])
            .assert()
            .success();
        took = took.max(start.elapsed());
        sets.push(snapshot(&dir.path().join(format!("set{i}"))));
    }
    std::fs::rename(dir.path().join("set0"), dir.path().join("out")).expect("rename");
    let mut current = 0usize;
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    let budget = took.as_millis() as u64 + 50;
    for round in 0..24 {
        let next = 1 - current;
        std::fs::write(dir.path().join("p.vern"), &versions[next]).expect("write");
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_vern"));
        cmd.current_dir(dir.path())
            .args(["build", "p.vern", "-o", "out", "--as-of", "2026-11-22"])
            .stderr(std::process::Stdio::null());
        // Some rounds stop right before the switch, the rest at a random moment of the build.
        let delay = if round % 4 == 0 {
            cmd.env("VERN_FAULT_PAUSE_BEFORE_SWITCH_MS", "3000");
            budget + 200
        } else {
            xorshift(&mut rng) % budget
        };
        let mut child = cmd.spawn().expect("spawn");
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        let now = snapshot(&dir.path().join("out"));
        if now == sets[next] {
            current = next;
        } else {
            assert!(
                now == sets[current],
                "round {round} (killed after {delay} ms): neither the old set nor the new one: {:?}",
                now.keys().collect::<Vec<_>>()
            );
        }
    }
    vern()
        .current_dir(dir.path())
        .args(["build", "p.vern", "-o", "out", "--as-of", "2026-11-22"])
        .assert()
        .success();
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".vern-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "the next build removes what a killed one left: {leftovers:?}"
    );
}

#[cfg(unix)]
#[test]
fn sigkill_at_any_moment_of_fmt_leaves_each_file_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = vern::generate::generate(&vern::generate::Options {
        lines: 3_000,
        files: 1,
        defects: 0.0,
        seed: 9,
    });
    let formatted = vern::fmt::format(&files[0].1).expect("formats");
    // Trailing blanks on every line: the formatter removes them.
    let messy: String = formatted.lines().map(|l| format!("{l}   \n")).collect();
    assert_ne!(messy, formatted);
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let names: Vec<String> = (0..12).map(|i| format!("p{i}.vern")).collect();
    let reset = || {
        for n in &names {
            std::fs::write(dir.path().join(n), &messy).expect("write");
        }
    };
    reset();
    let start = std::time::Instant::now();
    vern()
        .current_dir(dir.path())
        .args(["fmt", "."])
        .assert()
        .success();
    let budget = start.elapsed().as_millis() as u64 + 20;
    for round in 0..16 {
        reset();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vern"))
            .current_dir(dir.path())
            .args(["fmt", "."])
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        let delay = xorshift(&mut rng) % budget;
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        for n in &names {
            let text = std::fs::read_to_string(dir.path().join(n)).expect("read");
            assert!(
                text == messy || text == formatted,
                "round {round} (killed after {delay} ms): `{n}` is neither the old text nor the formatted one ({} bytes)",
                text.len()
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn artefacts_are_written_with_ordinary_permissions_under_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("p.vern"), POLICY).expect("write");
    let bin = env!("CARGO_BIN_EXE_vern");
    for (umask, file_mode, dir_mode) in [("022", 0o644, 0o755), ("027", 0o640, 0o750)] {
        let out = format!("out{umask}");
        let status = std::process::Command::new("sh")
            .current_dir(dir.path())
            .arg("-c")
            .arg(format!(
                "umask {umask} && '{bin}' build p.vern -o {out} --as-of 2026-11-22 && '{bin}' build p.vern -o {out} --as-of 2026-11-22 && '{bin}' notice p.vern -o {out}.notice.md --as-of 2026-11-22"
            ))
            .stderr(std::process::Stdio::null())
            .status()
            .expect("sh");
        assert!(status.success());
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        let root = dir.path().join(&out);
        assert_eq!(mode(&root), dir_mode, "the output folder, umask {umask}");
        for (name, _) in snapshot(&root) {
            assert_eq!(mode(&root.join(&name)), file_mode, "{name}, umask {umask}");
        }
        assert_eq!(
            mode(&dir.path().join(format!("{out}.notice.md"))),
            file_mode,
            "vern notice -o, umask {umask}"
        );
    }
}

#[test]
fn diff_git_with_a_hostile_revision_executes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let repo = dir.path();
    let git = |args: &[&str]| {
        let ok = std::process::Command::new("git")
            .current_dir(repo)
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .output()
            .expect("git")
            .status
            .success();
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    std::fs::write(repo.join("p.vern"), POLICY).expect("write");
    git(&["add", "p.vern"]);
    git(&["commit", "-q", "-m", "one"]);
    std::fs::write(
        repo.join("p.vern"),
        POLICY.replace("version \"1\"", "version \"2\""),
    )
    .expect("write");
    let marker = repo.join("pwned");
    let m = marker.display().to_string();
    for rev in [
        format!("--upload-pack=touch {m}"),
        format!("--output={m}"),
        format!("-c core.sshCommand=touch {m}"),
        format!("$(touch {m})"),
        format!("`touch {m}`"),
        format!("HEAD;touch {m}"),
        format!("HEAD:../../{m}"),
        "HEAD\ntouch".to_string(),
    ] {
        let out = vern()
            .current_dir(repo)
            // After `--`, so that the revision reaches vern and not only clap.
            .args(["diff", "--git", "--", &rev, "p.vern"])
            .output()
            .expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{rev}: {err}");
        assert!(
            err.contains("is not a git revision")
                || err.contains("does not exist in this repository"),
            "{rev}: {err}"
        );
        assert!(!marker.exists(), "`{rev}` ran a command");
    }
    // An ordinary revision still works.
    let out = vern()
        .current_dir(repo)
        .args(["diff", "--git", "HEAD", "p.vern", "--as-of", "2026-11-22"])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn fmt_removes_what_a_killed_run_left() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("p.vern"), "data   x   \"X\"\n").expect("write");
    let stale = dir.path().join(".vern-fmt-AbC123");
    std::fs::write(&stale, "data x \"half").expect("write");
    let old = std::time::SystemTime::now() - Duration::from_secs(600);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .and_then(|f| f.set_modified(old))
        .expect("age it");
    let fresh = dir.path().join(".vern-fmt-XyZ789");
    std::fs::write(&fresh, "another run's").expect("write");
    vern()
        .current_dir(dir.path())
        .args(["fmt", "."])
        .assert()
        .success();
    assert!(!stale.exists(), "the stale temporary is removed");
    assert!(fresh.exists(), "a run beside this one keeps its own");
}

/// A reader that stops early (`vern ... | head`, `2>&1 | head`) closes the pipe: each command ends
/// without a panic (exit 101), whether the closed pipe is its output or its messages.
#[test]
fn a_closed_stdout_or_stderr_ends_a_command_without_a_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Unformatted, with findings, and long enough that its output fills no pipe buffer unread.
    let unformatted = POLICY.replace("  languages nb\n", "languages   nb\n");
    std::fs::write(dir.path().join("p.vern"), &unformatted).expect("write");
    std::fs::write(dir.path().join("q.vern"), POLICY.replace("+ 1y", "+ 2y")).expect("write");
    let commands: &[&[&str]] = &[
        &["fmt", "--check", "p.vern"],
        &["check", "p.vern", "--as-of", "2026-11-22"],
        &[
            "check",
            "p.vern",
            "--as-of",
            "2026-11-22",
            "--format",
            "sarif",
        ],
        &["notice", "p.vern", "--as-of", "2026-11-22"],
        &["diff", "p.vern", "q.vern", "--as-of", "2026-11-22"],
        &["explain", "undeclared-data-referenced"],
    ];
    for args in commands {
        for (closed_stdout, closed_stderr) in [(true, false), (false, true), (true, true)] {
            let (reader, writer) = std::io::pipe().expect("pipe");
            drop(reader);
            let closed = || writer.try_clone().expect("pipe end");
            let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("vern"));
            cmd.current_dir(dir.path()).args(*args);
            cmd.stdout(if closed_stdout {
                std::process::Stdio::from(closed())
            } else {
                std::process::Stdio::null()
            });
            cmd.stderr(if closed_stderr {
                std::process::Stdio::from(closed())
            } else {
                std::process::Stdio::null()
            });
            let status = cmd.status().expect("run vern");
            assert_ne!(
                status.code(),
                Some(101),
                "`vern {}` panicked with stdout closed: {closed_stdout}, stderr closed: {closed_stderr}",
                args.join(" ")
            );
            assert!(
                status.code().is_some(),
                "`vern {}` was killed",
                args.join(" ")
            );
        }
    }
}
