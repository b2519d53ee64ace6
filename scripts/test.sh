#!/usr/bin/env bash
# Quick start: install what is missing, build with warnings as errors, and
# run the whole test suite (unit, render, e2e in tmux, fuzz-corpus replay).
#   scripts/test.sh [build dir] [extra meson setup options…]
# Ends with one line of totals: "N passed, N failed, N skipped"; the exit code
# is 0 only when every test passed (or was skipped).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --test
builddir=${1:-build-test}
shift || true
scripts/build.sh "$builddir" -Dwerror=true -Dtests=enabled "$@"
rm -f "$builddir/meson-logs/testlog.json"
status=0
meson test -C "$builddir" --no-rebuild --print-errorlogs --num-processes 2 || status=$?
scripts/totals.sh "$builddir/meson-logs/testlog.json"
exit $status
