#!/usr/bin/env bash
# Prints "N passed, N failed[, N skipped]" from one or more meson testlog.json files.
set -euo pipefail
passed=0 failed=0 skipped=0
for log in "$@"; do
  [ -f "$log" ] || continue
  p=$(grep -c '"result": "OK"' "$log" || true)
  s=$(grep -c '"result": "SKIP"' "$log" || true)
  f=$(grep -cE '"result": "(FAIL|TIMEOUT|ERROR|UNEXPECTEDPASS)"' "$log" || true)
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
done
echo "$passed passed, $failed failed, $skipped skipped"
