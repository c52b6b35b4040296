#!/usr/bin/env bash
# End-to-end speed and memory of the release binary: `vern check` on generated policies of 1k, 10k and
# 100k declarations, in every output format, against the physical floor of reading the same file
# (`wc -l`), with peak memory from GNU time. Prints Markdown tables for the README.
#
#   bash benches/e2e.sh                      (sizes 1000 10000 100000 declarations, best of 5)
#   SIZES="10000" RUNS=3 bash benches/e2e.sh (one size, fewer runs)
#
# Needs /usr/bin/time and bc. Time per declaration across the sizes shows whether the cost is linear.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${SIZES:-1000 10000 100000}
runs=${RUNS:-5}
as_of=2026-11-22

cargo build --release --quiet
bin=target/release/vern
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

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

formats="human json sarif github"
# The fixed cost of a run (start-up, the stdlib): a policy of one unit.
"$bin" generate --lines 60 --files 1 --defects 0 -o "$dir/one" > /dev/null
fixed=$(best "$bin" check "$dir/one/policy.vern" --as-of "$as_of")
declare -A wall peak decls mbytes lines_of floor findings
for size in $sizes; do
  # The generator writes about 25 lines per unit of three declarations (a data category, a purpose
  # and a recipient); the declarations actually written are counted below.
  lines=$(( size * 25 / 3 + 60 ))
  "$bin" generate --lines "$lines" --files 1 --defects 0.05 -o "$dir/$size" > /dev/null
  file="$dir/$size/policy.vern"
  decls[$size]=$(grep -c '^[a-z]' "$file")
  lines_of[$size]=$(wc -l < "$file")
  mbytes[$size]=$(echo "$(stat -c %s "$file") / 1000000" | bc -l)
  floor[$size]=$(best wc -l "$file")
  findings[$size]=$("$bin" check "$file" --as-of "$as_of" --format json 2>/dev/null | grep -c '"code"' || true)
  for format in $formats; do
    wall[$size,$format]=$(best "$bin" check "$file" --as-of "$as_of" --format "$format")
    peak[$size,$format]=$( (/usr/bin/time -f %M "$bin" check "$file" --as-of "$as_of" --format "$format" 2>&1 >/dev/null || true) | tail -1)
  done
done

printf 'fixed cost of a run (a one-unit policy): %.3f s\n\n' "$fixed"
printf '| declarations | lines | MB | findings | format | best of %d | MB/s | µs per declaration | beyond the fixed cost | x `wc -l` | peak RSS | x input |\n' "$runs"
printf '|---|---|---|---|---|---|---|---|---|---|---|---|\n'
for size in $sizes; do
  for format in $formats; do
    t=${wall[$size,$format]}
    kb=${peak[$size,$format]}
    printf '| %d | %d | %.1f | %d | %s | %.3f s | %.1f | %.1f | %.1f | %.0fx | %.0f MB | %.1fx |\n' \
      "${decls[$size]}" "${lines_of[$size]}" "${mbytes[$size]}" "${findings[$size]}" "$format" "$t" \
      "$(echo "${mbytes[$size]} / $t" | bc -l)" \
      "$(echo "$t * 1000000 / ${decls[$size]}" | bc -l)" \
      "$(echo "($t - $fixed) * 1000000 / ${decls[$size]}" | bc -l)" \
      "$(echo "$t / ${floor[$size]}" | bc -l)" \
      "$(echo "$kb / 1024" | bc -l)" \
      "$(echo "$kb * 1024 / (${mbytes[$size]} * 1000000)" | bc -l)"
  done
done

# Linearity: the spread of the time per declaration across the sizes, per format (goal: within 1.5x),
# of the whole run and of the part beyond the fixed cost.
printf '\n| format | slowest / fastest time per declaration | the same beyond the fixed cost |\n|---|---|---|\n'
for format in $formats; do
  lo=999999; hi=0; mlo=999999; mhi=0
  for size in $sizes; do
    per=$(echo "${wall[$size,$format]} / ${decls[$size]}" | bc -l)
    marginal=$(echo "(${wall[$size,$format]} - $fixed) / ${decls[$size]}" | bc -l)
    if (( $(echo "$per < $lo" | bc -l) )); then lo=$per; fi
    if (( $(echo "$per > $hi" | bc -l) )); then hi=$per; fi
    if (( $(echo "$marginal < $mlo" | bc -l) )); then mlo=$marginal; fi
    if (( $(echo "$marginal > $mhi" | bc -l) )); then mhi=$marginal; fi
  done
  printf '| %s | %.2fx | %.2fx |\n' "$format" "$(echo "$hi / $lo" | bc -l)" "$(echo "$mhi / $mlo" | bc -l)"
done

# The other commands a user runs on the same policies: their time per declaration across the sizes
# shows a cost that grows faster than the policy (an export that scanned every recipient for every
# purpose was quadratic: 2.6 s on 10 MB where `check` took 0.9 s). `COMMANDS=0` skips this table.
if [ "${COMMANDS:-1}" != 0 ]; then
  commands=(
    "fmt --check"
    "notice"
    "notice --format html"
    "diff SELF"
    "export --format fideslang"
    "export --format dpv"
    "export --format ropa-csv"
    "export --format ropa-md"
    "export --format ropa-xlsx -o OUT"
    "export --format klaro"
    "build -o OUT CLEAN"
  )
  declare -A cwall cpeak
  for size in $sizes; do
    file="$dir/$size/policy.vern"
    for c in "${commands[@]}"; do
      # shellcheck disable=SC2086 # the command's words are split on purpose
      args=(${c/SELF/$file})
      if [ "${args[0]}" = build ]; then
        # `build` writes nothing for a policy with errors: it gets one without defects, generated
        # once per size, and rewrites the same directory each run, as a CI job would.
        [ -f "$dir/$size-clean/policy.vern" ] ||
          "$bin" generate --lines "$(( size * 25 / 3 + 60 ))" --files 1 --defects 0 -o "$dir/$size-clean" > /dev/null
        args=(build -o "$dir/build-out" "$dir/$size-clean/policy.vern")
      else
        args=("${args[@]/OUT/$dir/out.xlsx}" "$file")
      fi
      # `fmt` knows no evaluation date.
      [ "${args[0]}" = fmt ] || args+=(--as-of "$as_of")
      cwall[$size,$c]=$(best "$bin" "${args[@]}")
      cpeak[$size,$c]=$( (/usr/bin/time -f %M "$bin" "${args[@]}" 2>&1 >/dev/null || true) | tail -1)
    done
  done
  printf '\n| command | %s | slowest / fastest time per declaration beyond the fixed cost |\n' \
    "$(for size in $sizes; do printf '%s declarations (peak RSS) | ' "${decls[$size]}"; done | sed 's/ | $//')"
  printf '|---|%s---|\n' "$(for _ in $sizes; do printf -- '---|'; done)"
  for c in "${commands[@]}"; do
    label="vern ${c/ SELF/}"
    label=${label/ CLEAN/}
    [ "$c" = "diff SELF" ] && label="$label\` (the policy with itself)" || label="$label\`"
    row="| \`$label |"
    mlo=999999; mhi=0
    for size in $sizes; do
      t=${cwall[$size,$c]}
      row="$row $(printf '%.3f s (%.0f MB)' "$t" "$(echo "${cpeak[$size,$c]} / 1024" | bc -l)") |"
      marginal=$(echo "($t - $fixed) / ${decls[$size]}" | bc -l)
      if (( $(echo "$marginal < $mlo" | bc -l) )); then mlo=$marginal; fi
      if (( $(echo "$marginal > $mhi" | bc -l) )); then mhi=$marginal; fi
    done
    printf '%s %.2fx |\n' "$row" "$(echo "$mhi / $mlo" | bc -l)"
  done
fi
