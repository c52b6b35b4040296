#!/usr/bin/env python3
"""Time every editor request of `vern lsp` on one large policy, as an editor sends them.

    cargo build --release && target/release/vern generate --lines 833000 --defects 0.05 -o /tmp/big
    python3 benches/lsp_requests.py /tmp/big/policy.vern [path/to/vern]

Prints the time from didOpen to the first publishDiagnostics, then each request's round trip and
the size of its answer. Run it on two sizes: a request whose time grows faster than the file is a
bug. The README's table comes from this script.
"""
import json
import os
import subprocess
import sys
import time

path = os.path.abspath(sys.argv[1])
vern = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "target", "release", "vern")
text = open(path).read()
uri = "file://" + path
p = subprocess.Popen([vern, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
def send(m):
    b = json.dumps(m).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b); p.stdin.flush()
def recv():
    n = 0
    while True:
        l = p.stdout.readline()
        if l in (b"\r\n", b""): break
        if l.lower().startswith(b"content-length:"): n = int(l.split(b":")[1])
    return json.loads(p.stdout.read(n))
def wait_id(i):
    while True:
        m = recv()
        if m.get("id") == i and "method" not in m: return m
send({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":None,"capabilities":{}}}); wait_id(1)
send({"jsonrpc":"2.0","method":"initialized","params":{}})
t=time.time()
send({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":uri,"languageId":"vern","version":1,"text":text}}})
while True:
    m = recv()
    if m.get("method") == "textDocument/publishDiagnostics": break
print(f"open+diagnostics {time.time()-t:.2f}s")
lines = text.count("\n")
reqs = [("textDocument/semanticTokens/full", {}), ("textDocument/documentSymbol", {}), ("textDocument/foldingRange", {}),
        ("textDocument/hover", {"position":{"line":lines//2,"character":12}}), ("textDocument/completion", {"position":{"line":lines//2,"character":4}}),
        ("textDocument/references", {"position":{"line":lines//2,"character":12},"context":{"includeDeclaration":True}}),
        ("textDocument/codeAction", {"range":{"start":{"line":lines//2,"character":0},"end":{"line":lines//2,"character":5}},"context":{"diagnostics":[]}}),
        ("textDocument/formatting", {"options":{"tabSize":2,"insertSpaces":True}}),
        ("workspace/symbol", {"query":"record"})]
for i,(m,extra) in enumerate(reqs, start=10):
    params = {"textDocument":{"uri":uri}}; params.update(extra)
    if m == "workspace/symbol": params = extra
    t=time.time(); send({"jsonrpc":"2.0","id":i,"method":m,"params":params}); r = wait_id(i)
    res = r.get("result"); size = len(res) if isinstance(res, list) else (len(res.get("data",[])) if isinstance(res, dict) else 0)
    print(f"{m}: {time.time()-t:.3f}s {'error '+str(r['error'])[:80] if 'error' in r else ''} n={size}")
send({"jsonrpc":"2.0","id":99,"method":"shutdown"}); send({"jsonrpc":"2.0","method":"exit"})
