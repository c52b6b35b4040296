#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! Edit-to-diagnostics latency of `vern lsp` on a generated 10k-line policy: the time from a
//! `didChange` of one line to the `publishDiagnostics` for that version, median and 95th percentile,
//! with salsa's reuse and without it (`VERN_LSP_NO_REUSE`: a fresh database after every edit).
//! Run with `cargo bench --bench lsp_latency`; the numbers go into the README.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const EDITS: usize = 40;

fn frame(v: &Value) -> Vec<u8> {
    let body = v.to_string();
    format!("Content-Length: {}\r\n\r\n{}", body.len(), body).into_bytes()
}

/// `incremental`: each edit is sent as the changed range, as editors do when the server asks for
/// incremental sync (vern does); otherwise as the whole text.
fn measure(path: &std::path::Path, reuse: bool, incremental: bool) -> Vec<Duration> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vern"));
    cmd.arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if !reuse {
        cmd.env("VERN_LSP_NO_REUSE", "1");
    }
    let mut child = cmd.spawn().expect("start vern lsp");
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel::<Value>();
    std::thread::spawn(move || {
        let mut r = BufReader::new(stdout);
        loop {
            let mut len = 0;
            loop {
                let mut line = String::new();
                if r.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(n) = line.strip_prefix("Content-Length: ") {
                    len = n.parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; len];
            if r.read_exact(&mut body).is_err() {
                return;
            }
            if let Ok(v) = serde_json::from_slice(&body) {
                let _ = tx.send(v);
            }
        }
    });
    let wait = |pred: &dyn Fn(&Value) -> bool| loop {
        let m = rx
            .recv_timeout(Duration::from_secs(120))
            .expect("server answers");
        if pred(&m) {
            return m;
        }
    };
    let uri = format!("file://{}", path.display());
    let text = std::fs::read_to_string(path).expect("policy");
    stdin.write_all(&frame(&json!({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"capabilities":{}}}))).expect("write");
    wait(&|m| m["id"] == 1);
    stdin
        .write_all(&frame(
            &json!({"jsonrpc":"2.0","method":"initialized","params":{}}),
        ))
        .expect("write");
    stdin
        .write_all(&frame(&json!({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":uri,"languageId":"vern","version":1,"text":text}}})))
        .expect("write");
    wait(&|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == 1);
    // Edit one description string in the middle of the file, a different value each time.
    let target = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("description \"Registeret"))
        .map(|(i, _)| i)
        .nth(150)
        .unwrap_or(10);
    let mut times = Vec::new();
    let mut current = text
        .lines()
        .nth(target)
        .map_or(0, |l| l.chars().count() as u32);
    for k in 0..EDITS {
        let version = k as i64 + 2;
        let replacement = format!("  description \"Endret {k}\"");
        let change = if incremental {
            // The whole line replaced: from its start to its old end (ASCII, so characters are
            // UTF-16 units).
            let change = json!({"range": {"start": {"line": target, "character": 0}, "end": {"line": target, "character": current}}, "text": replacement});
            current = replacement.chars().count() as u32;
            change
        } else {
            let edited: String = text
                .lines()
                .enumerate()
                .map(|(i, l)| {
                    if i == target {
                        format!("{replacement}\n")
                    } else {
                        format!("{l}\n")
                    }
                })
                .collect();
            json!({ "text": edited })
        };
        let start = Instant::now();
        stdin
            .write_all(&frame(&json!({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":uri,"version":version},"contentChanges":[change]}})))
            .expect("write");
        wait(&|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == version
        });
        times.push(start.elapsed());
    }
    let _ = stdin.write_all(&frame(&json!({"jsonrpc":"2.0","id":9,"method":"shutdown"})));
    let _ = stdin.write_all(&frame(&json!({"jsonrpc":"2.0","method":"exit"})));
    let _ = child.wait();
    times
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = vern::generate::benchmark_policy(10_000);
    let path = dir.path().join("policy.vern");
    std::fs::write(&path, &text).expect("write policy");
    let lines = text.lines().count();
    println!("edit-to-diagnostics latency, {lines}-line policy, {EDITS} edits of one line");
    println!("| mode | sync | median | p95 |");
    println!("|---|---|---|---|");
    // `VERN_BENCH_MODE=reuse` (or `fresh`) measures one mode alone, for a profile of just that mode.
    let only = std::env::var("VERN_BENCH_MODE").ok();
    for (name, reuse) in [
        ("salsa reuse", true),
        ("no reuse (fresh database per edit)", false),
    ] {
        if only.as_deref().is_some_and(|m| (m == "reuse") != reuse) {
            continue;
        }
        for (sync, incremental) in [("incremental", true), ("full text", false)] {
            let mut t = measure(&path, reuse, incremental);
            t.sort();
            println!(
                "| {name} | {sync} | {:.1} ms | {:.1} ms |",
                percentile(&t, 0.5).as_secs_f64() * 1e3,
                percentile(&t, 0.95).as_secs_f64() * 1e3
            );
        }
    }
}
