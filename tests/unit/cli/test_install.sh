#!/usr/bin/env bash
# `meson install` puts the binary and its data (lessons, datasets) under the
# prefix, and the installed binary finds its own data from any directory.
#
# This build is installed into a temporary DESTDIR, so the binary lands in
# <tmp>/<prefix>/bin and its data in <tmp>/<prefix>/share/dnn-tutor: the
# binary must find the data next to itself (paths.h, root 3), not in the
# source tree and not through DNN_TUTOR_DATADIR. To be sure which copy it
# read, the installed cancer file is replaced by a 4-row file first.
set -u
bin=${DNN_TUTOR_BINARY:?}
build=$(cd "$(dirname "$bin")/../.." && pwd)
if ! command -v meson >/dev/null 2>&1; then
  echo "meson is not on PATH: skipped"
  exit 77
fi
. "$(dirname "$0")/lib.sh"

if ! meson install -C "$build" --destdir "$tmp/root" --no-rebuild >"$tmp/install.log" 2>&1; then
  echo "FAIL: meson install --destdir:"
  tail -20 "$tmp/install.log"
  exit 1
fi
installed=$(find "$tmp/root" -path '*/bin/dnn-tutor' -type f | head -1)
[ -x "$installed" ] || { echo "FAIL: no bin/dnn-tutor under the destdir"; exit 1; }
share=$(dirname "$(dirname "$installed")")/share/dnn-tutor
for f in datasets/breast_cancer.csv datasets/digits.csv lessons/README.md; do
  [ -f "$share/$f" ] || fail "meson install did not install share/dnn-tutor/$f"
done
ls "$share"/lessons/week*.json >/dev/null 2>&1 || fail "meson install did not install the lessons"
# The data sets' licence (CC BY 4.0) and attribution travel with them; the program's licence too.
grep -q "CC BY 4.0" "$share/datasets/README.md" 2>/dev/null ||
  fail "the data sets' attribution (datasets/README.md, CC BY 4.0) is not installed with them"
prefix=$(dirname "$(dirname "$installed")")
grep -q "MIT License" "$prefix/share/doc/dnn-tutor/LICENSE" 2>/dev/null || fail "share/doc/dnn-tutor/LICENSE is not installed"
[ -f "$prefix/share/man/man1/dnn-tutor.1" ] || fail "the man page is not installed as share/man/man1/dnn-tutor.1"
[ -f "$prefix/share/bash-completion/completions/dnn-tutor" ] || fail "the bash completion is not installed"
[ -f "$prefix/share/zsh/site-functions/_dnn-tutor" ] || fail "the zsh completion is not installed"

run() { # from /, with nothing pointing at the source tree
  (cd / && env -u DNN_TUTOR_DATADIR -u DNN_TUTOR_SOURCE_ROOT "$installed" "$@")
}
run --version >"$tmp/out" 2>&1 || fail "installed --version: $(cat "$tmp/out")"
run train --dataset digits --layers 64,5,1 --init course-w4 --iterations 2 --print-every 0 >"$tmp/out" 2>&1 ||
  fail "the installed binary does not find digits from /: $(cat "$tmp/out")"
run lessons check "$share/lessons" >"$tmp/out" 2>&1 || fail "the installed lessons do not check: $(tail -3 "$tmp/out")"

# Which copy was read: make the installed cancer file recognisable.
printf 'a,b,label\n1,2,0\n2,1,1\n3,3,0\n0,1,1\n' >"$share/datasets/breast_cancer.csv"
run train --dataset cancer --hidden 0 --init zeros --iterations 1 --print-every 0 --json >"$tmp/out" 2>"$tmp/err" ||
  fail "installed cancer: $(cat "$tmp/err")"
grep -q '"m": 4,' "$tmp/out" || fail "the installed binary read another cancer file than its own: $(head -c 200 "$tmp/out")"

finish "installed binary and data found from /"
