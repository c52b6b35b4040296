#!/usr/bin/env bash
# End-to-end speed of the release binary: `vern check` on a generated 100k-line policy, against the
# physical floor of reading the same file (`wc -l`), with peak memory from GNU time.
#
#   bash benches/e2e.sh [LINES]        (default 100000; needs /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-100000}
runs=${RUNS:-5}

cargo build --release --quiet
bin=target/release/vern
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bin" generate --lines "$lines" --files 1 --defects 0.05 -o "$dir"
file="$dir/policy.vern"
bytes=$(stat -c %s "$file")
actual_lines=$(wc -l < "$file")

# Best of N wall-clock times, in seconds.
best() {
  local best=999999
  for _ in $(seq "$runs"); do
    local start end t
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    if (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
  done
  echo "$best"
}

check=$(best "$bin" check "$file" --as-of 2026-11-22)
# Every output format against the human one (the machine formats share one line index per file).
declare -A by_format
for format in human json sarif github; do
  by_format[$format]=$(best "$bin" check "$file" --as-of 2026-11-22 --format "$format")
done
findings=$("$bin" check "$file" --as-of 2026-11-22 --format json 2>/dev/null | grep -c '"code"' || true)
floor=$(best wc -l "$file")
peak=$( (/usr/bin/time -f %M "$bin" check "$file" --as-of 2026-11-22 2>&1 >/dev/null || true) | tail -1)

mb=$(echo "$bytes / 1000000" | bc -l)
printf 'input: %d lines, %.1f MB\n' "$actual_lines" "$mb"
printf '| measure | value |\n|---|---|\n'
printf '| vern check (best of %d) | %.3f s |\n' "$runs" "$check"
printf '| throughput | %.1f MB/s, %.0f lines/s |\n' "$(echo "$mb / $check" | bc -l)" "$(echo "$actual_lines / $check" | bc -l)"
printf '| wc -l (the floor) | %.4f s |\n' "$floor"
printf '| ratio to the floor | %.0fx |\n' "$(echo "$check / $floor" | bc -l)"
printf '| peak memory | %.1f MB (%.1fx the input) |\n' "$(echo "$peak / 1024" | bc -l)" "$(echo "$peak * 1024 / $bytes" | bc -l)"
printf '\n%d findings; each output format against the human one:\n\n' "$findings"
printf '| format | best of %d | against human |\n|---|---|---|\n' "$runs"
for format in human json sarif github; do
  t=${by_format[$format]}
  printf '| %s | %.3f s | %+.0f%% |\n' "$format" "$t" "$(echo "($t / ${by_format[human]} - 1) * 100" | bc -l)"
done
