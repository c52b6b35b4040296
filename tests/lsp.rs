#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! End-to-end tests of `vern lsp`: the binary is started and spoken to over stdio with
//! Content-Length framing, exactly as an editor does.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

struct Client {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    next_id: i64,
    /// Messages read while waiting for something else, kept for later waits.
    backlog: Vec<Value>,
}

impl Client {
    fn start(root: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_vern"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start vern lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = 0usize;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse().unwrap_or(0);
                    }
                }
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                if let Ok(v) = serde_json::from_slice(&body)
                    && tx.send(v).is_err()
                {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            rx,
            next_id: 0,
            backlog: Vec::new(),
        };
        let uri = uri(root);
        let init = client.request("initialize", json!({ "processId": null, "rootUri": uri, "capabilities": {}, "workspaceFolders": [{ "uri": uri, "name": "ws" }] }));
        assert_eq!(
            init["result"]["capabilities"]["textDocumentSync"], 2,
            "incremental sync"
        );
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait_for(|m| m["id"] == id && m.get("method").is_none())
    }

    fn wait_for(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&pred) {
            return self.backlog.remove(i);
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(m) if pred(&m) => return m,
                Ok(m) => self.backlog.push(m),
                Err(_) => panic!(
                    "timed out waiting for a message; backlog: {:#?}",
                    self.backlog
                ),
            }
        }
    }

    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let m = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        m["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    fn shutdown(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert!(r.get("error").is_none());
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                assert!(status.success(), "vern lsp exited with {status}");
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("vern lsp did not exit after `exit`");
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn codes(diags: &[Value]) -> Vec<String> {
    let mut c: Vec<String> = diags
        .iter()
        .filter_map(|d| d["code"].as_str().map(str::to_string))
        .collect();
    c.sort();
    c
}

/// A workspace with the clean example and one seed, in a temporary folder.
fn workspace() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().to_path_buf();
    std::fs::create_dir_all(root.join("nordlys")).expect("mkdir");
    for (from, to) in [
        ("examples/nordlys-sko.vern", "nordlys-sko.vern"),
        (
            "examples/nordlys/recipients.vern",
            "nordlys/recipients.vern",
        ),
        ("examples/seeds/carre-oslo.vern", "carre-oslo.vern"),
    ] {
        std::fs::copy(from, root.join(to)).expect("copy example");
    }
    let seed = root.join("carre-oslo.vern");
    let clean = root.join("nordlys-sko.vern");
    (dir, seed, clean)
}

fn open(client: &mut Client, path: &Path, text: &str) -> String {
    let u = uri(path);
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": u, "languageId": "vern", "version": 1, "text": text } }),
    );
    u
}

/// The LSP position of the first occurrence of `needle` (plus `delta` characters) in `text`.
fn pos(text: &str, needle: &str, delta: usize) -> Value {
    let offset = text.find(needle).expect("needle in text") + delta;
    let line = text[..offset].matches('\n').count();
    let col = text[..offset]
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .encode_utf16()
        .count();
    json!({ "line": line, "character": col })
}

#[test]
fn diagnostics_arrive_on_open_and_follow_edits() {
    let (_dir, seed, _) = workspace();
    let mut c = Client::start(seed.parent().expect("root"));
    let text = std::fs::read_to_string(&seed).expect("seed");
    let u = open(&mut c, &seed, &text);
    let diags = c.diagnostics(&u, 1);
    let found = codes(&diags);
    assert!(
        found.contains(&"transfer-safeguard-invalid".to_string()),
        "{found:?}"
    );
    let d = diags
        .iter()
        .find(|d| d["code"] == "transfer-safeguard-invalid")
        .expect("finding");
    assert!(
        d["codeDescription"]["href"]
            .as_str()
            .is_some_and(|h| h.ends_with("transfer-safeguard-invalid.md"))
    );
    assert!(
        d["relatedInformation"]
            .as_array()
            .is_some_and(|r| !r.is_empty()),
        "secondary spans become related information"
    );

    // Many rapid edits; only the last text counts.
    let mut last = String::new();
    for v in 2..=30 {
        last = format!("{text}\n// edit {v}\npurpose extra-{v} {{\n  uses emial\n}}\n");
        c.notify("textDocument/didChange", json!({ "textDocument": { "uri": u, "version": v }, "contentChanges": [{ "text": last }] }));
    }
    let diags = c.diagnostics(&u, 30);
    let unknown: Vec<&Value> = diags
        .iter()
        .filter(|d| d["code"] == "unknown-name")
        .collect();
    assert_eq!(unknown.len(), 1, "exactly the last edit's typo is reported");
    let expected_line = last
        .lines()
        .position(|l| l.contains("uses emial"))
        .expect("line");
    assert_eq!(unknown[0]["range"]["start"]["line"], expected_line);
    c.shutdown();
}

#[test]
fn hover_definition_references_completion_rename_and_actions() {
    let (_dir, seed, clean) = workspace();
    let mut c = Client::start(seed.parent().expect("root"));
    let text = std::fs::read_to_string(&seed).expect("seed");
    let u = open(&mut c, &seed, &text);
    c.diagnostics(&u, 1);

    // Hover on a lapsed safeguard shows its validity interval.
    let hover = c.request("textDocument/hover", json!({ "textDocument": { "uri": u }, "position": pos(&text, "safeguard privacy-shield", 12) }));
    let value = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(value.contains("2020-07-16"), "hover: {value}");

    // Definition jumps into the stdlib, served as a read-only file.
    let def = c.request("textDocument/definition", json!({ "textDocument": { "uri": u }, "position": pos(&text, "safeguard privacy-shield", 12) }));
    let target = def["result"]["uri"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        target.ends_with("/stdlib/transfers.vern"),
        "definition: {def}"
    );
    let std_path = target.trim_start_matches("file://");
    assert!(
        std::fs::read_to_string(std_path).is_ok_and(|t| t.contains("safeguard privacy-shield"))
    );

    // Completion after `uses ` offers data categories with documentation.
    let line = text
        .lines()
        .position(|l| l.trim_start().starts_with("uses "))
        .expect("uses line");
    let col = text
        .lines()
        .nth(line)
        .unwrap_or("")
        .find("uses ")
        .unwrap_or(0)
        + 5;
    let comp = c.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": u }, "position": { "line": line, "character": col } }),
    );
    let labels: Vec<&str> = comp["result"]
        .as_array()
        .map(|a| a.iter().filter_map(|i| i["label"].as_str()).collect())
        .unwrap_or_default();
    assert!(
        labels.contains(&"ip-address") && labels.contains(&"email"),
        "{labels:?}"
    );
    assert!(
        !labels.contains(&"consent"),
        "bases are not data categories"
    );

    // References and rename of a purpose across the clean example's two files.
    let clean_text = std::fs::read_to_string(&clean).expect("clean");
    let cu = open(&mut c, &clean, &clean_text);
    c.diagnostics(&cu, 1);
    let purpose = clean_text
        .lines()
        .find_map(|l| {
            l.strip_prefix("purpose ")
                .and_then(|r| r.split_whitespace().next())
        })
        .expect("a purpose")
        .to_string();
    let at = pos(&clean_text, &format!("purpose {purpose}"), 8);
    let refs = c.request("textDocument/references", json!({ "textDocument": { "uri": cu }, "position": at, "context": { "includeDeclaration": true } }));
    let n = refs["result"].as_array().map_or(0, Vec::len);
    assert!(n >= 2, "references of `{purpose}`: {refs}");
    let rename = c.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": cu }, "position": at, "newName": "renamed-purpose" }),
    );
    let changes = rename["result"]["changes"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    let edits: usize = changes
        .values()
        .map(|v| v.as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(edits, n, "rename edits every reference: {rename}");

    // A quick fix for a typo, and "waive this finding" for a rule.
    let typo = format!("{text}\npurpose typo {{\n  uses emial\n}}\n");
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": u, "version": 2 }, "contentChanges": [{ "text": typo }] }),
    );
    let diags = c.diagnostics(&u, 2);
    let d = diags
        .iter()
        .find(|d| d["code"] == "unknown-name")
        .cloned()
        .expect("typo reported");
    let actions = c.request("textDocument/codeAction", json!({ "textDocument": { "uri": u }, "range": d["range"], "context": { "diagnostics": [d] } }));
    let titles: Vec<String> = actions["result"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x["title"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    assert!(
        titles.iter().any(|t| t == "Replace with `email`"),
        "{titles:?}"
    );
    let ps = diags
        .iter()
        .find(|d| d["code"] == "transfer-safeguard-invalid")
        .cloned()
        .expect("finding");
    let actions = c.request("textDocument/codeAction", json!({ "textDocument": { "uri": u }, "range": ps["range"], "context": { "diagnostics": [ps] } }));
    let titles: Vec<String> = actions["result"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x["title"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("Waive `transfer-safeguard-invalid`")),
        "{titles:?}"
    );
    assert!(
        titles
            .iter()
            .any(|t| t == "Replace `privacy-shield` with `scc-2021`"),
        "{titles:?}"
    );
    let ri = diags
        .iter()
        .find(|d| d["code"] == "rights-incomplete-for-basis")
        .cloned()
        .expect("finding");
    let actions = c.request("textDocument/codeAction", json!({ "textDocument": { "uri": u }, "range": ri["range"], "context": { "diagnostics": [ri] } }));
    let add = actions["result"]
        .as_array()
        .and_then(|a| {
            a.iter().find(|x| {
                x["title"]
                    .as_str()
                    .is_some_and(|t| t.starts_with("Add `restriction`"))
            })
        })
        .cloned();
    let add = add.unwrap_or_else(|| panic!("no fix adding the missing rights: {actions}"));
    let edits: Vec<Value> = add["edit"]["changes"]
        .as_object()
        .map(|c| {
            c.values()
                .flat_map(|v| v.as_array().cloned().unwrap_or_default())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        edits[0]["newText"]
            .as_str()
            .is_some_and(|t| t.contains("  restriction\n") && t.contains("  object\n")),
        "{add}"
    );

    // Formatting returns one edit for the whole document (or none when it is formatted already).
    let messy = "data   x   \"X\"\n";
    c.notify("textDocument/didChange", json!({ "textDocument": { "uri": u, "version": 3 }, "contentChanges": [{ "text": messy }] }));
    c.diagnostics(&u, 3);
    let f = c.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": u }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    assert_eq!(f["result"][0]["newText"], "data x \"X\"\n", "{f}");
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": u, "version": 4 }, "contentChanges": [{ "text": typo }] }),
    );
    c.diagnostics(&u, 4);

    // Outline and folding.
    let symbols = c.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": u } }),
    );
    assert!(symbols["result"].as_array().is_some_and(|s| s.len() > 5));
    let folds = c.request(
        "textDocument/foldingRange",
        json!({ "textDocument": { "uri": u } }),
    );
    assert!(folds["result"].as_array().is_some_and(|s| !s.is_empty()));
    c.shutdown();
}

#[test]
fn the_server_survives_bad_requests() {
    let (_dir, seed, _) = workspace();
    let mut c = Client::start(seed.parent().expect("root"));
    // A request for a document that was never opened, a position past the end, an unknown method.
    let r = c.request("textDocument/hover", json!({ "textDocument": { "uri": "file:///nowhere.vern" }, "position": { "line": 0, "character": 0 } }));
    assert!(r.get("error").is_none() && r["result"].is_null());
    let text = std::fs::read_to_string(&seed).expect("seed");
    let u = open(&mut c, &seed, &text);
    c.diagnostics(&u, 1);
    let r = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": u }, "position": { "line": 99999, "character": 99999 } }),
    );
    assert!(r.get("error").is_none());
    let r = c.request("vern/unknownMethod", json!({}));
    assert!(r.get("error").is_some());
    // Malformed JSON is logged and ignored, and the server goes on.
    let garbage = "{not json";
    write!(
        c.stdin,
        "Content-Length: {}\r\n\r\n{}",
        garbage.len(),
        garbage
    )
    .expect("write");
    c.stdin.flush().expect("flush");
    let log = c.wait_for(|m| m["method"] == "window/logMessage");
    assert!(
        log["params"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("malformed"))
    );
    let r = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": u }, "position": { "line": 0, "character": 0 } }),
    );
    assert!(r.get("error").is_none());
    c.shutdown();
}

/// Resident memory of a process, in KiB, from /proc (Linux).
fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
}

#[test]
fn ten_thousand_random_edits_keep_the_server_alive_and_its_memory_bounded() {
    let (_dir, seed, _) = workspace();
    let mut c = Client::start(seed.parent().expect("root"));
    let base = std::fs::read_to_string(&seed).expect("seed");
    let u = open(&mut c, &seed, &base);
    c.diagnostics(&u, 1);
    let pid = c.child.id();
    let mut state: u64 = 42;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut text = base.clone();
    let mut warm_rss = None;
    for v in 2..=10_001i64 {
        // Replace, insert or delete a few characters at a random character boundary.
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let at = if chars.is_empty() {
            0
        } else {
            chars[(next() as usize) % chars.len()].0
        };
        let end = text[at..]
            .char_indices()
            .nth((next() % 4) as usize)
            .map_or(text.len(), |(i, _)| at + i);
        let insert =
            ["", "{", "}", "\"", "x", "\n", "purpose ", "é", "retain 5y"][(next() % 9) as usize];
        text.replace_range(at..end, insert);
        if v % 997 == 0 {
            text = base.clone();
        }
        c.notify("textDocument/didChange", json!({ "textDocument": { "uri": u, "version": v }, "contentChanges": [{ "text": text }] }));
        if v == 1_000 {
            c.diagnostics(&u, v);
            c.backlog.clear();
            warm_rss = rss_kib(pid);
        }
        if v % 500 == 0 {
            c.backlog.retain(|m| m.get("id").is_some());
        }
    }
    c.diagnostics(&u, 10_001);
    c.backlog.clear();
    let r = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": u }, "position": { "line": 0, "character": 0 } }),
    );
    assert!(r.get("error").is_none(), "the server still answers");
    if let (Some(warm), Some(end)) = (warm_rss, rss_kib(pid)) {
        assert!(
            end < warm + 200 * 1024,
            "memory grew from {warm} KiB to {end} KiB over 9,000 edits"
        );
    }
    c.shutdown();
}
