#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! `vern scan` with the real Chromium against a test site this test serves on the loopback: a first
//! party on `127.0.0.1` and a "third party" on `localhost` (another site), whose pages set a declared
//! cookie, an undeclared one and a long-lived one, and load a script from the third party that sets a
//! cookie and a storage key. Then `vern check --evidence` on the HAR it wrote.
//!
//! The browser resolves no other host name (`--host-resolver-rules`), so no traffic leaves the
//! loopback. Without Chromium the test is skipped with a message, except under CI, where it fails.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|n| which::which(n).ok())
}

fn browser_or_skip() -> Option<PathBuf> {
    match chromium() {
        Some(p) => Some(p),
        None if std::env::var_os("CI").is_some() => {
            panic!("CI is set but no Chromium was found: .ci/run installs `chromium`")
        }
        None => {
            eprintln!("skipped: no Chromium on PATH (apt-get install chromium); CI runs this test");
            None
        }
    }
}

/// Serves `respond(path)` (status, headers, body) on a loopback port until the test ends.
fn serve(
    respond: fn(&str, u16) -> (u16, Vec<String>, String),
    other_port: u16,
) -> (u16, TcpListener) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let accept = listener.try_clone().unwrap();
    std::thread::spawn(move || {
        for stream in accept.incoming().flatten() {
            std::thread::spawn(move || handle(stream, respond, other_port));
        }
    });
    (port, listener)
}

fn handle(stream: TcpStream, respond: fn(&str, u16) -> (u16, Vec<String>, String), other: u16) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() || first.is_empty() {
        return;
    }
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line == "\r\n" => break,
            Ok(_) => {}
        }
    }
    let path = first.split_whitespace().nth(1).unwrap_or("/").to_string();
    let (status, headers, body) = respond(&path, other);
    let mut out = format!(
        "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for h in headers {
        out.push_str(&h);
        out.push_str("\r\n");
    }
    out.push_str("\r\n");
    out.push_str(&body);
    let mut stream = stream;
    let _ = stream.write_all(out.as_bytes());
}

/// The first party: a home page that sets `sid` (declared, session), `lang` (undeclared) and `_ga`
/// (declared for a year, on consent; set for two years), loads the third party's widget and links
/// to a second page.
fn first_party(path: &str, third: u16) -> (u16, Vec<String>, String) {
    match path {
        "/" => (
            200,
            vec![
                "Content-Type: text/html".into(),
                "Set-Cookie: sid=1; Path=/; HttpOnly".into(),
                "Set-Cookie: lang=nb; Path=/".into(),
                "Set-Cookie: _ga=GA1.1; Path=/; Max-Age=63072000".into(),
            ],
            format!(
                "<!doctype html><title>Butikk</title><p>Hjem</p>\
                 <script src=\"http://localhost:{third}/widget.js\"></script>\
                 <a href=\"/about\">Om oss</a> <a href=\"https://elsewhere.example/\">ut</a>"
            ),
        ),
        "/about" => (
            200,
            vec!["Content-Type: text/html".into()],
            "<!doctype html><title>Om oss</title><p>Om oss</p>".into(),
        ),
        _ => (404, vec![], String::new()),
    }
}

/// The third party: a script that sets a Hotjar-like first-party cookie and a storage key.
fn third_party(path: &str, _: u16) -> (u16, Vec<String>, String) {
    match path {
        "/widget.js" => (
            200,
            vec!["Content-Type: text/javascript".into()],
            "document.cookie = '_hjSessionUser_42=1; max-age=31536000; path=/';\
             localStorage.setItem('widget-state', '1');"
                .into(),
        ),
        _ => (404, vec![], String::new()),
    }
}

#[test]
fn scan_the_loopback_site_with_chromium_then_check_it() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    // The third party first, so the first party's page can name its port.
    let (third, _t) = serve(third_party, 0);
    let (first, _f) = serve(first_party, third);
    let out_dir = tempfile::TempDir::new().unwrap();
    let har_path = out_dir.path().join("visit.har");
    let output = Command::cargo_bin("vern")
        .unwrap()
        .args([
            "scan",
            &format!("http://127.0.0.1:{first}/"),
            "--pages",
            "3",
            "--wait",
            "800",
            "--browser",
            browser.to_str().unwrap(),
            "--browser-arg=--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
            "-o",
            har_path.to_str().unwrap(),
        ])
        .timeout(Duration::from_secs(180))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "vern scan failed: {stderr}");
    assert!(stderr.contains("scanned 2 pages of 127.0.0.1"), "{stderr}");

    let har: Value = serde_json::from_str(&std::fs::read_to_string(&har_path).unwrap()).unwrap();
    let log = &har["log"];
    assert_eq!(log["version"], "1.2");
    let entries = log["entries"].as_array().unwrap();
    let home = entries
        .iter()
        .find(|e| e["request"]["url"] == format!("http://127.0.0.1:{first}/"))
        .expect("the home page is an entry");
    let set: Vec<&str> = home["response"]["cookies"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    assert_eq!(set, ["sid", "lang", "_ga"], "{home:#}");
    assert!(
        home["response"]["cookies"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["value"] == "")
    );
    let widget = entries
        .iter()
        .find(|e| e["request"]["url"] == format!("http://localhost:{third}/widget.js"))
        .expect("the third-party script is an entry");
    assert_eq!(widget["_vern"]["host"], "localhost");
    assert_eq!(widget["_vern"]["thirdParty"], true);
    assert_eq!(home["_vern"]["thirdParty"], false);
    // The link to another site was not followed, and no request left the loopback.
    assert!(entries.iter().all(|e| {
        let host = e["_vern"]["host"].as_str().unwrap_or("");
        host == "127.0.0.1" || host == "localhost"
    }));
    // The second page's request sends the cookies the first set, the script's included (no values).
    let about = entries
        .iter()
        .find(|e| e["request"]["url"] == format!("http://127.0.0.1:{first}/about"))
        .expect("the second page is an entry");
    let sent: Vec<&str> = about["request"]["cookies"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    for name in ["sid", "lang", "_ga", "_hjSessionUser_42"] {
        assert!(sent.contains(&name), "{name} not sent: {about:#}");
    }
    let vern = &log["_vern"];
    assert_eq!(vern["consent"], "none");
    assert_eq!(
        vern["pages"],
        serde_json::json!([
            format!("http://127.0.0.1:{first}/"),
            format!("http://127.0.0.1:{first}/about")
        ])
    );
    let jar = vern["cookies"].as_array().unwrap();
    let cookie = |name: &str| {
        jar.iter()
            .find(|c| c["name"] == name)
            .unwrap_or_else(|| panic!("{name} not in the jar: {jar:#?}"))
    };
    assert_eq!(cookie("sid")["expires"], Value::Null);
    assert_eq!(
        cookie("_ga")["setBy"]["url"],
        format!("http://127.0.0.1:{first}/")
    );
    assert_eq!(cookie("_hjSessionUser_42")["setBy"], Value::Null);
    assert_eq!(cookie("_hjSessionUser_42")["firstParty"], true);
    assert!(
        vern["storage"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["key"] == "widget-state" && s["area"] == "localStorage")
    );

    // The HAR as evidence for the shop's policy.
    let check = Command::cargo_bin("vern")
        .unwrap()
        .args([
            "check",
            "tests/evidence/shop.vern",
            "--evidence",
            har_path.to_str().unwrap(),
            "--format",
            "json",
            "--as-of",
            "2026-11-22",
        ])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1));
    let findings: Vec<Value> = serde_json::from_slice(&check.stdout).unwrap();
    let mut got: Vec<(String, String)> = findings
        .iter()
        .filter(|f| f["code"].as_str().unwrap().starts_with("evidence-"))
        .map(|f| {
            let m = f["message"].as_str().unwrap();
            let name = m.split('`').nth(1).unwrap_or("").to_string();
            (f["code"].as_str().unwrap().to_string(), name)
        })
        .collect();
    got.sort();
    let expect = [
        ("evidence-before-consent", "_ga"),
        ("evidence-cookie-lifetime", "_ga"),
        ("evidence-cookie-undeclared", "_hjSessionUser_42"),
        ("evidence-cookie-undeclared", "lang"),
        ("evidence-cookie-undeclared", "widget-state"),
    ]
    .map(|(a, b)| (a.to_string(), b.to_string()));
    assert_eq!(got, expect, "{findings:#?}");
}

#[test]
fn no_browser_is_a_clear_error() {
    let out = Command::cargo_bin("vern")
        .unwrap()
        .env("PATH", "")
        .args(["scan", "http://127.0.0.1:9/", "-o", "never.har"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no Chromium or Chrome found") && stderr.contains("--browser PATH"),
        "{stderr}"
    );
    let out = Command::cargo_bin("vern")
        .unwrap()
        .args(["scan", "ftp://example.org/", "-o", "never.har"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("give an http:// or https:// URL"));
    assert!(!std::path::Path::new("never.har").exists());
}
