#!/usr/bin/env bash
# CI for the VS Code extension: install from the lockfile, test the grammar, build and package the .vsix.
# Run from anywhere: `bash editors/vscode/scripts/ci.sh`. Needs Node >= 20 and npm; the npm registry must be
# reachable. Idempotent: a fresh install every run, and the old .vsix is removed before packaging.
set -euo pipefail
cd "$(dirname "$0")/.."

export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
# esbuild's binary comes from its platform package and @vscode/vsce-sign is only for signing, so no
# install script is needed (npm 11 skips them anyway unless allowed; npm 10 would run them).
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

npm test --silent

rm -f ./*.vsix dist/extension.js
npm run --silent package >vsce.log 2>&1 || { cat vsce.log; rm -f vsce.log; echo "vsce package failed" >&2; exit 1; }
grep -E 'DONE|WARNING' vsce.log || true
rm -f vsce.log

version=$(node -p "require('./package.json').version")
vsix="vern-${version}.vsix"
if [ ! -s "$vsix" ]; then
  echo "missing $vsix" >&2
  exit 1
fi
echo "ok   editors/vscode/$vsix ($(wc -c <"$vsix") bytes)"
