#!/usr/bin/env bash
# Quick start: install what is missing, build, and start dnn-tutor.
#   scripts/run.sh [dnn-tutor arguments…]
# The arguments are passed on unchanged, and relative paths in them (a CSV
# file, --lessons DIR) are read from the directory you ran the script in.
set -euo pipefail
here=$PWD
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/deps.sh
# The program only: the test suite (about 120 more targets) is test.sh's.
scripts/build.sh build --buildtype=release -Dtests=disabled
cd "$here"
exec "$root/build/src/cli/dnn-tutor" "$@"
