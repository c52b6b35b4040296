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
        Client::start_with(root, json!({}))
    }

    /// Starts the server with the given client capabilities.
    fn start_with(root: &Path, capabilities: Value) -> Client {
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
        let init = client.request("initialize", json!({ "processId": null, "rootUri": uri, "capabilities": capabilities, "workspaceFolders": [{ "uri": uri, "name": "ws" }] }));
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

    /// Answers a request the server sent (`client/registerCapability`), with a null result.
    fn reply(&mut self, request: &Value) {
        let id = request["id"].clone();
        self.send(json!({ "jsonrpc": "2.0", "id": id, "result": null }));
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
        // Incremental changes, as editors send them, with a full replacement now and then.
        let changes = if v % 997 == 0 {
            text = base.clone();
            json!([{ "text": text }])
        } else {
            let range = json!({ "start": utf16_pos(&text, at), "end": utf16_pos(&text, end) });
            text.replace_range(at..end, insert);
            json!([{ "range": range, "text": insert }])
        };
        c.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": u, "version": v }, "contentChanges": changes }),
        );
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
    // The server's text is the client's: replacing it with the base (formatted) text through a range
    // that ends where the client's text ends leaves nothing else behind.
    let end = utf16_pos(&text, text.len());
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": u, "version": 10_002 }, "contentChanges": [{ "range": { "start": { "line": 0, "character": 0 }, "end": end }, "text": base }] }),
    );
    c.diagnostics(&u, 10_002);
    c.backlog.clear();
    let f = c.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": u }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    let formatted = vern::fmt::format(&base).expect("the seed formats");
    let same = f["result"] == json!([]) && formatted == base
        || f["result"][0]["newText"].as_str() == Some(formatted.as_str());
    assert!(same, "the server's text diverged from the client's: {f}");
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

/// The LSP position (line, UTF-16 column) of a byte offset.
fn utf16_pos(text: &str, offset: usize) -> Value {
    let line = text[..offset].matches('\n').count();
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    json!({ "line": line, "character": text[start..offset].encode_utf16().count() })
}

fn change(uri: &str, version: i64, changes: Value) -> Value {
    json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": changes })
}

/// Each finding as `code: message` (the message without what the server appends to it), sorted.
fn findings(diags: &[Value]) -> Vec<String> {
    let mut out: Vec<String> = diags
        .iter()
        .map(|d| {
            let m = d["message"].as_str().unwrap_or_default();
            format!(
                "{}: {}",
                d["code"].as_str().unwrap_or_default(),
                m.chars().take(35).collect::<String>()
            )
        })
        .collect();
    out.sort();
    out
}

/// The findings `vern check` reports for `file` (run in `dir`), unwaived, as [`findings`] lists them.
fn cli_findings(dir: &Path, file: &str) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_vern"))
        .current_dir(dir)
        .args(["check", "--format", "json", file])
        .output()
        .expect("vern check");
    let found: Vec<Value> = serde_json::from_slice(&out.stdout).expect("json");
    let mine: Vec<Value> = found
        .into_iter()
        .filter(|d| d["file"] == file && d["waived"] == false)
        .collect();
    findings(&mine)
}

#[test]
fn the_editor_reads_vern_toml_and_follows_its_changes() {
    let (dir, seed, _) = workspace();
    let root = dir.path();
    let toml = root.join("vern.toml");
    std::fs::write(
        &toml,
        "[workspace]\nas-of = \"2019-06-01\"\n\n[rules]\npolicy-date-stale = \"allow\"\n",
    )
    .expect("toml");
    let caps = json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } });
    let mut c = Client::start_with(root, caps);
    let registration = c.wait_for(|m| m["method"] == "client/registerCapability");
    c.reply(&registration);
    let watchers = &registration["params"]["registrations"][0];
    assert_eq!(watchers["method"], "workspace/didChangeWatchedFiles");
    let globs: Vec<&str> = watchers["registerOptions"]["watchers"]
        .as_array()
        .expect("watchers")
        .iter()
        .filter_map(|w| w["globPattern"].as_str())
        .collect();
    assert!(
        globs.contains(&"**/vern.toml") && globs.contains(&"**/*.vern"),
        "{globs:?}"
    );

    let text = std::fs::read_to_string(&seed).expect("seed");
    let u = open(&mut c, &seed, &text);
    let before = c.diagnostics(&u, 1);
    // The level in vern.toml silences a rule; its as-of dates the findings (the messages say so).
    assert!(!codes(&before).contains(&"policy-date-stale".to_string()));
    assert!(
        before.iter().any(|d| d["message"]
            .as_str()
            .unwrap_or_default()
            .contains("covers only importers certified")),
        "{:?}",
        findings(&before)
    );
    assert_eq!(
        findings(&before),
        cli_findings(root, "carre-oslo.vern"),
        "the editor and `vern check` agree"
    );

    // vern.toml changes on disk: the server hears of it and re-publishes.
    std::fs::write(&toml, "[rules]\npolicy-date-stale = \"deny\"\n").expect("toml");
    c.backlog.clear();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&toml), "type": 2 }] }),
    );
    let after = c.diagnostics(&u, 1);
    assert!(
        after.iter().any(|d| d["message"]
            .as_str()
            .unwrap_or_default()
            .contains("was valid when this policy was dated")),
        "as of today, Privacy Shield has ended: {:?}",
        findings(&after)
    );
    let stale = after
        .iter()
        .find(|d| d["code"] == "policy-date-stale")
        .expect("the rule is on again");
    assert_eq!(stale["severity"], 1, "denied: an error");
    assert_eq!(
        findings(&after),
        cli_findings(root, "carre-oslo.vern"),
        "the editor and `vern check` agree"
    );

    // A vern.toml the server cannot read is shown, and the defaults apply. (A kebab-case key that is no
    // near miss of a built-in rule may be an organisation rule of the policy: `No_Such_Rule` is neither.)
    std::fs::write(&toml, "[rules]\nNo_Such_Rule = \"deny\"\n").expect("toml");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&toml), "type": 2 }] }),
    );
    let shown = c.wait_for(|m| m["method"] == "window/showMessage");
    assert!(
        shown["params"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("No_Such_Rule")),
        "{shown}"
    );
    c.shutdown();
}

#[test]
fn incremental_changes_count_utf16_columns_and_clamp_bad_ranges() {
    let (_dir, seed, _) = workspace();
    let mut c = Client::start(seed.parent().expect("root"));
    let path = seed.parent().expect("root").join("utf16.vern");
    let text = "data a \"😀\" // x\n\npurpose p {\n  uses a\n}\n";
    let u = open(&mut c, &path, text);
    c.diagnostics(&u, 1);
    // After the emoji (two UTF-16 units): `data a "😀` is 10 units.
    c.notify("textDocument/didChange", change(&u, 2, json!([
        { "range": { "start": { "line": 0, "character": 10 }, "end": { "line": 0, "character": 10 } }, "text": "æ" },
        // A column far past the end of the line is the end of the line.
        { "range": { "start": { "line": 0, "character": 999 }, "end": { "line": 0, "character": 999 } }, "text": " y" },
        { "range": { "start": { "line": 3, "character": 7 }, "end": { "line": 3, "character": 8 } }, "text": "emial" },
    ])));
    let diags = c.diagnostics(&u, 2);
    let typo = diags
        .iter()
        .find(|d| d["code"] == "unknown-name")
        .unwrap_or_else(|| panic!("the typo is reported: {diags:?}"));
    assert_eq!(typo["range"]["start"], json!({ "line": 3, "character": 7 }));
    assert_eq!(typo["range"]["end"], json!({ "line": 3, "character": 12 }));
    // The server's text is exactly the expected one, which is formatted: no edit.
    let f = c.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": u }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    assert_eq!(f["result"], json!([]), "server text diverged: {f}");
    // An inverted range is taken in order.
    c.notify("textDocument/didChange", change(&u, 3, json!([
        { "range": { "start": { "line": 3, "character": 12 }, "end": { "line": 3, "character": 7 } }, "text": "email" },
    ])));
    let diags = c.diagnostics(&u, 3);
    assert!(
        !codes(&diags).contains(&"unknown-name".to_string()),
        "{diags:?}"
    );
    // A stale change (an older version) is dropped; a change to a document never opened is ignored.
    c.notify(
        "textDocument/didChange",
        change(&u, 2, json!([{ "text": "garbage {" }])),
    );
    c.notify(
        "textDocument/didChange",
        change("file:///never/opened.vern", 5, json!([{ "text": "x" }])),
    );
    let f = c.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": u }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    assert_eq!(f["result"], json!([]), "{f}");
    c.shutdown();
}

#[test]
fn the_server_survives_hostile_frames_and_positions() {
    let (_dir, seed, _) = workspace();
    let mut c = Client::start(seed.parent().expect("root"));
    let text = std::fs::read_to_string(&seed).expect("seed");
    let u = open(&mut c, &seed, &text);
    c.diagnostics(&u, 1);
    let alive = |c: &mut Client| {
        let r = c.request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": u } }),
        );
        assert!(r["result"].as_array().is_some_and(|a| !a.is_empty()), "{r}");
    };
    // A Content-Length over the limit: the frame is read and dropped, without holding it in memory.
    let huge = 128 * 1024 * 1024 + 1;
    write!(c.stdin, "Content-Length: {huge}\r\n\r\n").expect("write");
    let chunk = vec![b' '; 1 << 20];
    let mut left = huge;
    while left > 0 {
        let n = left.min(chunk.len());
        c.stdin.write_all(&chunk[..n]).expect("write");
        left -= n;
    }
    c.stdin.flush().expect("flush");
    let log = c.wait_for(|m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("larger than the limit"))
    });
    assert!(log.is_object());
    alive(&mut c);
    if let Some(rss) = rss_kib(c.child.id()) {
        assert!(
            rss < 400 * 1024,
            "the huge frame was held in memory: {rss} KiB"
        );
    }
    // A header with no usable length, then a body; a header line of 100 KB; a JSON array.
    write!(
        c.stdin,
        "Content-Length: many\r\n\r\n{{\"jsonrpc\":\"2.0\"}}"
    )
    .expect("write");
    write!(c.stdin, "X-Junk: {}\r\n", "a".repeat(100_000)).expect("write");
    let array = "[1,2,3]";
    write!(c.stdin, "Content-Length: {}\r\n\r\n{array}", array.len()).expect("write");
    c.stdin.flush().expect("flush");
    alive(&mut c);
    // Valid JSON-RPC with parameters of the wrong shape.
    let r = c.request("textDocument/hover", json!({ "bogus": true }));
    assert!(r.get("error").is_some(), "{r}");
    // Out-of-range positions and inverted ranges, in every position-taking request.
    let far = json!({ "line": 4_000_000_000u32, "character": 4_000_000_000u32 });
    for (method, params) in [
        (
            "textDocument/hover",
            json!({ "textDocument": { "uri": u }, "position": far }),
        ),
        (
            "textDocument/definition",
            json!({ "textDocument": { "uri": u }, "position": far }),
        ),
        (
            "textDocument/completion",
            json!({ "textDocument": { "uri": u }, "position": far }),
        ),
        (
            "textDocument/references",
            json!({ "textDocument": { "uri": u }, "position": far, "context": { "includeDeclaration": true } }),
        ),
        (
            "textDocument/rename",
            json!({ "textDocument": { "uri": u }, "position": far, "newName": "x" }),
        ),
        (
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": u }, "range": { "start": far, "end": { "line": 0, "character": 0 } }, "context": { "diagnostics": [] } }),
        ),
        (
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": u }, "range": { "start": { "line": 30, "character": 5 }, "end": { "line": 2, "character": 0 } }, "context": { "diagnostics": [] } }),
        ),
        (
            "textDocument/hover",
            json!({ "textDocument": { "uri": "file:///never/opened.vern" }, "position": far }),
        ),
        (
            "textDocument/semanticTokens/full",
            json!({ "textDocument": { "uri": "file:///never/opened.vern" } }),
        ),
    ] {
        let r = c.request(method, params);
        let crashed = r["error"]["code"] == -32603;
        assert!(!crashed, "{method}: {r}");
    }
    c.notify("textDocument/didChange", change(&u, 2, json!([
        { "range": { "start": far, "end": far }, "text": "\n// appended\n" },
        { "range": { "start": { "line": 9, "character": 3 }, "end": { "line": 1, "character": 0 } }, "text": "" },
    ])));
    c.diagnostics(&u, 2);
    alive(&mut c);
    c.shutdown();
}

#[test]
fn stdlib_buffers_are_served_read_only_after_go_to_definition() {
    let (_dir, seed, _) = workspace();
    let mut c = Client::start(seed.parent().expect("root"));
    let text = std::fs::read_to_string(&seed).expect("seed");
    let u = open(&mut c, &seed, &text);
    c.diagnostics(&u, 1);
    let def = c.request("textDocument/definition", json!({ "textDocument": { "uri": u }, "position": pos(&text, "safeguard privacy-shield", 12) }));
    let target = def["result"]["uri"]
        .as_str()
        .expect("a location")
        .to_string();
    let at = def["result"]["range"]["start"].clone();
    let std_text = std::fs::read_to_string(target.trim_start_matches("file://")).expect("served");
    // The editor opens it, as it does after a jump.
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": target, "languageId": "vern", "version": 1, "text": std_text } }),
    );
    c.diagnostics(&target, 1);
    let served = |c: &mut Client| {
        let h = c.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": target }, "position": at }),
        );
        assert!(
            h["result"]["contents"]["value"]
                .as_str()
                .is_some_and(|v| v.contains("2020-07-16")),
            "hover in the stdlib buffer: {h}"
        );
        let s = c.request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": target } }),
        );
        assert!(s["result"].as_array().is_some_and(|a| a.len() > 3), "{s}");
        let t = c.request(
            "textDocument/semanticTokens/full",
            json!({ "textDocument": { "uri": target } }),
        );
        assert!(
            t["result"]["data"].as_array().is_some_and(|a| a.len() > 50),
            "{t}"
        );
        let f = c.request(
            "textDocument/foldingRange",
            json!({ "textDocument": { "uri": target } }),
        );
        assert!(f["result"].as_array().is_some_and(|a| !a.is_empty()), "{f}");
    };
    served(&mut c);
    // Typing in it changes nothing, and the buffer stays served.
    c.notify("textDocument/didChange", change(&target, 2, json!([
        { "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } }, "text": "garbage {{{\n" },
    ])));
    c.diagnostics(&target, 2);
    served(&mut c);
    let r = c.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": target }, "position": at, "newName": "mine" }),
    );
    assert!(
        r["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("read-only")),
        "{r}"
    );
    let f = c.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": target }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    assert_eq!(f["result"], json!([]), "{f}");
    // From the user's file, renaming a stdlib name is refused too.
    let r = c.request("textDocument/rename", json!({ "textDocument": { "uri": u }, "position": pos(&text, "safeguard privacy-shield", 12), "newName": "mine" }));
    assert!(r.get("error").is_some(), "{r}");
    c.shutdown();
}

#[test]
fn hovers_are_markdown_for_every_kind_of_name() {
    let (_dir, _, clean) = workspace();
    let mut c = Client::start(clean.parent().expect("root"));
    let text = std::fs::read_to_string(&clean).expect("clean");
    let u = open(&mut c, &clean, &text);
    c.diagnostics(&u, 1);
    for (needle, delta, expect) in [
        ("use std.no", 4, "standard-library module"),
        ("policy \"", 0, "**policy**"),
        ("purpose send-newsletter", 8, "(purpose)"),
        ("purpose send-newsletter", 0, "**purpose**"),
        ("uses customer-record", 0, "**uses**"),
        ("uses customer-record", 5, "(data category)"),
        ("uses std.email", 5, "(data category)"),
        ("subject shop-customer", 8, "**shop-customer**"),
        ("basis consent", 6, "(legal basis)"),
        ("under no-bookkeeping-act", 6, "(statute)"),
        ("country NO", 8, "(country)"),
        ("cookie cart", 7, "(cookie)"),
        (
            "complaint to no-datatilsynet",
            13,
            "(supervisory authority)",
        ),
        ("controller nordlys", 11, "(controller)"),
    ] {
        let h = c.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": u }, "position": pos(&text, needle, delta) }),
        );
        let contents = &h["result"]["contents"];
        assert_eq!(contents["kind"], "markdown", "{needle}: {h}");
        let value = contents["value"].as_str().unwrap_or_default();
        assert!(value.contains(expect), "{needle}: {value}");
        assert!(
            !value.contains("{\"") && !value.contains("\":"),
            "{needle}: raw JSON in the hover: {value}"
        );
        if expect == "(statute)" {
            assert!(value.contains("Retention: 5 years after"), "{value}");
        }
    }
    // The recipients, in the file the policy uses.
    let part = clean
        .parent()
        .expect("root")
        .join("nordlys/recipients.vern");
    let part_text = std::fs::read_to_string(&part).expect("part");
    let pu = open(&mut c, &part, &part_text);
    c.diagnostics(&pu, 1);
    for (needle, delta, expect) in [
        ("recipient shop-platform", 10, "(recipient)"),
        ("safeguard scc-2021", 10, "(transfer safeguard)"),
    ] {
        let h = c.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": pu }, "position": pos(&part_text, needle, delta) }),
        );
        let value = h["result"]["contents"]["value"]
            .as_str()
            .unwrap_or_default();
        assert_eq!(h["result"]["contents"]["kind"], "markdown");
        assert!(value.contains(expect), "{needle}: {value}");
        assert!(!value.contains("{\""), "{needle}: {value}");
    }
    c.shutdown();
}

#[test]
fn semantic_tokens_cover_the_file_within_its_lines() {
    let (_dir, _, clean) = workspace();
    let mut c = Client::start(clean.parent().expect("root"));
    let text = std::fs::read_to_string(&clean).expect("clean");
    let u = open(&mut c, &clean, &text);
    c.diagnostics(&u, 1);
    let init_legend = c.request(
        "textDocument/semanticTokens/full",
        json!({ "textDocument": { "uri": u } }),
    );
    let data: Vec<u64> = init_legend["result"]["data"]
        .as_array()
        .expect("tokens")
        .iter()
        .map(|v| v.as_u64().expect("number"))
        .collect();
    assert_eq!(data.len() % 5, 0);
    let lines: Vec<&str> = text.split('\n').collect();
    let (mut line, mut col) = (0u64, 0u64);
    let mut words = Vec::new();
    for t in data.chunks(5) {
        if t[0] > 0 {
            col = 0;
        }
        line += t[0];
        col += t[1];
        let l: Vec<u16> = lines[line as usize].encode_utf16().collect();
        assert!(
            col + t[2] <= l.len() as u64,
            "token past the end of line {line}"
        );
        words.push((
            String::from_utf16_lossy(&l[col as usize..(col + t[2]) as usize]),
            t[3],
        ));
    }
    // Types by the legend's order: 0 keyword, 1 declaration, 3 property, 4 module, 5 string, 9 comment.
    // The file opens with a block comment, sent one token per line.
    assert!(
        words[0].0.starts_with("/*") && words[0].1 == 9,
        "{:?}",
        words[0]
    );
    let code: Vec<&(String, u64)> = words.iter().filter(|(_, k)| *k != 9).collect();
    assert_eq!(code[0], &("use".to_string(), 0));
    assert_eq!(code[1], &("std.no".to_string(), 4));
    assert!(words.contains(&("purpose".to_string(), 0)));
    assert!(words.contains(&("send-newsletter".to_string(), 1)));
    assert!(words.contains(&("uses".to_string(), 3)));
    assert!(words.iter().any(|(w, k)| *k == 9 && w.starts_with("//")));
    assert!(words.iter().any(|(w, k)| *k == 5 && w.starts_with('"')));
    c.shutdown();
}

#[test]
fn the_editor_never_reads_outside_the_workspace() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path().join("ws");
    std::fs::create_dir_all(&ws).expect("mkdir");
    std::fs::write(
        dir.path().join("secret.vern"),
        "not vern at all: SECRET-TOKEN-42\n",
    )
    .expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("secret.vern"), ws.join("link.vern")).expect("link");
    let mut c = Client::start(&ws);
    let path = ws.join("p.vern");
    let text = "use \"../secret.vern\"\nuse \"/etc/passwd\"\nuse \"link.vern\"\n";
    let u = open(&mut c, &path, text);
    let diags = c.diagnostics(&u, 1);
    let outside = diags
        .iter()
        .filter(|d| d["code"] == "use-outside-workspace")
        .count();
    assert_eq!(outside, if cfg!(unix) { 3 } else { 2 }, "{diags:?}");
    let all = serde_json::to_string(&diags).expect("json");
    assert!(
        !all.contains("SECRET-TOKEN-42") && !all.contains("root:x:"),
        "{all}"
    );
    // Nor through the workspace symbols of files it scanned.
    let s = c.request("workspace/symbol", json!({ "query": "" }));
    assert!(!s.to_string().contains("SECRET"), "{s}");
    c.shutdown();
}

#[test]
fn symbols_folding_and_tokens_take_time_linear_in_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut c = Client::start(dir.path());
    // The time of three requests of each kind on a policy of `lines` lines (after one to warm up).
    let time_at = |c: &mut Client, lines: usize| {
        let files = vern::generate::generate(&vern::generate::Options {
            lines,
            files: 1,
            defects: 0.0,
            seed: 11,
        });
        let path = dir.path().join(format!("p{lines}.vern"));
        let u = open(c, &path, &files[0].1);
        c.diagnostics(&u, 1);
        let methods = [
            "textDocument/documentSymbol",
            "textDocument/foldingRange",
            "textDocument/semanticTokens/full",
        ];
        for m in methods {
            c.request(m, json!({ "textDocument": { "uri": u } }));
        }
        let start = Instant::now();
        for _ in 0..3 {
            for m in methods {
                let r = c.request(m, json!({ "textDocument": { "uri": u } }));
                assert!(r.get("error").is_none(), "{m}: {r}");
            }
        }
        start.elapsed().as_secs_f64()
    };
    let small = time_at(&mut c, 3_000);
    let large = time_at(&mut c, 24_000);
    // Eight times the lines: linear work takes about eight times as long, quadratic work 64 times.
    assert!(
        large < small * 24.0,
        "3k lines: {small:.3} s, 24k lines: {large:.3} s: worse than linear"
    );
    c.shutdown();
}
