#!/usr/bin/env bash
# Hostile surroundings for the headless commands: standard output that cannot
# be written (every command), contradicting or absurd options, a data directory override that does not exist, a CSV that is a
# FIFO with no writer or repeats a column name, a file size limit, an HDF5 file
# that crashes the HDF5 library. Each must
# end with exit 1 and one clear line on stderr, never hang, never exit 0.
set -u
bin=${DNN_TUTOR_BINARY:?}
. "$(dirname "$0")/lib.sh"

expect() { # code description command… (stdout goes where the caller redirected it)
  local want=$1 what=$2; shift 2
  "$@" 2>"$tmp/err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "$what: exit $got, want $want (stderr: $(head -c 300 "$tmp/err"))"
}
one_line() { # description regex — stderr is exactly one line matching regex
  local lines
  lines=$(wc -l <"$tmp/err")
  [ "$lines" -eq 1 ] || fail "$1: stderr has $lines lines, want 1: $(head -c 600 "$tmp/err")"
  grep -Eq -e "$2" "$tmp/err" || fail "$1: stderr '$(head -c 300 "$tmp/err")' does not match /$2/"
}

# 1. A write error on stdout is an error in every command (exit 1, one line).
# predict classifies a one-colour picture after 10 iterations on the course-shaped
# fixture; report writes its files and then names them on stdout.
src=${DNN_TUTOR_SOURCE_ROOT:?}
export HOME=$tmp XDG_STATE_HOME=$tmp/state  # no learner's progress is read
if [ -w /dev/full ]; then
  "${DNN_TUTOR_JPEG_FIXTURE:?}" "$tmp/flat.jpg" 8 8 100 120 140 || fail "jpeg_fixture failed"
  mkdir "$tmp/report"
  while IFS='|' read -r what args; do
    # shellcheck disable=SC2086
    expect 1 "$what > /dev/full" "$bin" $args >/dev/full
    one_line "$what > /dev/full" '^dnn-tutor: cannot write the output'
  done <<LIST
train|train --iterations 10 --print-every 1
train --json|train --iterations 10 --json
sweep|sweep --hidden 1,2 --iterations 10
lessons check|lessons check
exercises list|exercises list
predict|predict --assignment w4-deep --course-data $src/tests/data/course --iterations 10 --image $tmp/flat.jpg
report|report --iterations 10 -o $tmp/report/r.md
--help|--help
--version|--version
train --help|train --help
report --help|report --help
LIST
else
  echo "note: /dev/full is missing; write errors on stdout are not tested"
fi
(ulimit -f 1; exec "$bin" train --iterations 3000 --print-every 1 >"$tmp/big.txt" 2>"$tmp/err")
got=$?
[ "$got" -eq 1 ] || fail "train past ulimit -f: exit $got, want 1 (153 is a death by SIGXFSZ)"
one_line "train past ulimit -f" '^dnn-tutor: cannot write the output: file too large$'

# 2. DNN_TUTOR_DATADIR set to what is not a directory is said, not replaced by another copy.
DNN_TUTOR_DATADIR=/nonexistent expect 1 "DNN_TUTOR_DATADIR=/nonexistent" "$bin" train --dataset cancer --iterations 10 >/dev/null
one_line "DNN_TUTOR_DATADIR=/nonexistent" 'DNN_TUTOR_DATADIR=/nonexistent, which is not a directory'

# 3. CSV files that hang or mislead.
mkfifo "$tmp/fifo.csv"
expect 1 "a FIFO with no writer as --dataset" timeout 30 "$bin" train --dataset "$tmp/fifo.csv" --iterations 10 >/dev/null
one_line "a FIFO with no writer as --dataset" 'a FIFO with no writer'
printf 'label,label,x\n1,0,1\n0,1,0\n' >"$tmp/dup.csv"
expect 1 "a repeated column name" "$bin" train --dataset "$tmp/dup.csv" --iterations 10 >/dev/null
one_line "a repeated column name" 'column 2 repeats the name "label" of column 1'
printf 'a,b,label\r1,2,0\r3,4,1\r' >"$tmp/mac.csv"
expect 1 "CR-only line ends" "$bin" train --dataset "$tmp/mac.csv" --iterations 10 >/dev/null
one_line "CR-only line ends" 'carriage return only'

# 4. Options that contradict each other or are refused for a reason the message must name.
expect 2 "--hidden with --layers" "$bin" train --hidden 4 --layers 2,5,1 --iterations 1 >/dev/null
one_line "--hidden with --layers" '--hidden and --layers both give the hidden layers'
expect 2 "--layers then --hidden" "$bin" train --layers 2,5,1 --hidden 4 --iterations 1 >/dev/null
one_line "--layers then --hidden" '--hidden and --layers both'
expect 2 "--lr 1e-320" "$bin" train --lr 1e-320 --iterations 1 >/dev/null
one_line "--lr 1e-320" "'1e-320' is too small"
expect 2 "--lr 0" "$bin" train --lr 0 --iterations 1 >/dev/null
one_line "--lr 0" 'above 0'
long=$(printf 'a%.0s' $(seq 100000))
expect 2 "a 100000-character --dataset" "$bin" train --dataset "$long" --iterations 1 >/dev/null
one_line "a 100000-character --dataset" '100000 characters long'
# 4. An HDF5 file the HDF5 library itself crashes on (Debian's 1.10; found by fuzz_h5): one line, exit 1.
crash_h5=${DNN_TUTOR_SOURCE_ROOT:-.}/tests/data/h5/crashes_libhdf5.h5
expect 1 "a file libhdf5 crashes on" timeout 60 "$bin" train --dataset "$crash_h5" --iterations 1 >/dev/null
one_line "a file libhdf5 crashes on" "crashes_libhdf5.h5: (the HDF5 library crashed reading it|cannot be opened as HDF5)"
n=$("$bin" sweep --help | grep -cE '^  --hidden ')
[ "$n" -eq 1 ] || fail "sweep --help has $n option rows for --hidden, want 1"

finish "ok: hostile surroundings of the headless commands"
