#!/usr/bin/env bash
# Where the peak heap of one vern command goes, by function (inclusive), from heaptrack.
#
#   bash benches/heap.sh check --as-of 2026-12-01 policy.vern
#
# Builds the binary with the system allocator (heaptrack sees only malloc and free, and the release
# binary allocates with mimalloc) and line tables into target/heap, runs the command under heaptrack, and prints the
# peak heap and the vern functions that hold most of it at that moment.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v heaptrack > /dev/null || { echo "heaptrack is not installed (apt-get install heaptrack)" >&2; exit 1; }
# With line tables, so that the stacks name the functions inlined into others.
CARGO_PROFILE_RELEASE_DEBUG=line-tables-only CARGO_TARGET_DIR=target/heap \
  cargo build --release --quiet --features system-allocator
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
[ -n "${KEEP:-}" ] && trap - EXIT && echo "stacks in $out" >&2
heaptrack -o "$out/ht" target/heap/release/vern "$@" > /dev/null 2> "$out/stderr" || true
data=$(ls "$out"/ht.*)
heaptrack_print --print-peaks 0 --print-allocators 0 --print-temporary 0 --print-leaks 0 \
  --flamegraph-cost-type peak -F "$out/stacks" "$data" > "$out/summary" 2> /dev/null
grep -E "peak heap|peak RSS" "$out/summary"
python3 - "$out/stacks" <<'PY'
import collections, re, sys
# Frames are `function (file.rs)`; the standard library's, the allocator's and salsa's plumbing
# are left out, so that what is listed is vern's own code.
plumbing = re.compile(r"^(main|alloc|allocate|alloc_impl.*|with_capacity.*|try_allocate_in.*|finish_grow.*|"
                      r"grow_.*|reserve.*|try_reserve.*|from_iter.*|collect.*|extend.*|next.*|map.*|call_once.*|"
                      r"\{closure.*|with.*|try_with.*|attach.*|fetch.*|execute.*|refresh_memo.*|inner_|push.*|"
                      r"clone.*|to_owned.*|insert.*|fold.*|for_each.*|spec_.*|new.*) ")
inclusive = collections.Counter()
for line in open(sys.argv[1]):
    stack, _, n = line.rstrip().rpartition(" ")
    seen = set()
    for frame in stack.split(";"):
        frame = re.sub(r"::h[0-9a-f]{16}", "", frame.strip())
        if frame and not plumbing.match(frame) and frame not in seen:
            seen.add(frame)
            inclusive[frame] += int(n)
for frame, n in inclusive.most_common(40):
    print(f"{n / 1e6:9.1f} MB  {frame[:120]}")
PY
