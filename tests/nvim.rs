#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! A real editor as the language server's client: Neovim (0.7 from Debian in CI, or newer) runs
//! headless with the repository's own editors/neovim plugin, opens a seed policy, and prints the
//! diagnostics it received. `.ci/run` installs Neovim; without it (and outside CI) the test says so
//! and passes.

use std::process::Command;

#[test]
fn neovim_shows_the_checkers_findings_for_a_seed() {
    let Ok(version) = Command::new("nvim").arg("--version").output() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "Neovim must be installed in CI (see .ci/run)"
        );
        eprintln!("nvim is not installed: skipping the Neovim client test");
        return;
    };
    eprintln!(
        "{}",
        String::from_utf8_lossy(&version.stdout)
            .lines()
            .next()
            .unwrap_or_default()
    );
    let out = Command::new("nvim")
        .args([
            "--headless",
            "--clean",
            "-u",
            "editors/neovim/headless_check.lua",
            "examples/seeds/carre-oslo.vern",
        ])
        .env("VERN", env!("CARGO_BIN_EXE_vern"))
        .env("VERN_TIMEOUT_MS", "30000")
        .output()
        .expect("run nvim");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "nvim failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines.last().is_some_and(|l| l.starts_with("DONE ")),
        "{stdout}"
    );
    // Privacy Shield relied on after it fell, and a cookie banner that infers consent.
    for expected in [
        "error transfer-safeguard-invalid",
        "error cookie-consent-missing",
        "warning retention-statute-mismatch",
    ] {
        assert!(
            lines.iter().any(|l| l.contains(expected)),
            "missing `{expected}` in:\n{stdout}"
        );
    }
    let line = lines
        .iter()
        .find(|l| l.contains("retention-statute-mismatch"))
        .unwrap_or(&"");
    // The line is read from the seed, so that editing the seed does not break the test.
    let seed = std::fs::read_to_string("examples/seeds/carre-oslo.vern").expect("read the seed");
    let retain_line = seed
        .lines()
        .position(|l| l.trim() == "retain 6y as bookkeeping")
        .expect("the seed keeps `retain 6y as bookkeeping`")
        + 1;
    assert!(
        line.starts_with(&format!("{retain_line}:")),
        "the finding is on the `retain 6y as bookkeeping` line ({retain_line}): {line}"
    );
}
