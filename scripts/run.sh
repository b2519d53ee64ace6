#!/usr/bin/env bash
# Quick start: install what is missing, build, and start dnn-tutor.
#   scripts/run.sh [dnn-tutor arguments…]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
[ -f build/build.ninja ] || meson setup build --buildtype=release >/dev/null
meson compile -C build >/dev/null
exec build/src/cli/dnn-tutor "$@"
