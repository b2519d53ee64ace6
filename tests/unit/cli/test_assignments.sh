#!/usr/bin/env bash
# The course's presets: `train --assignment NAME` on a course-shaped fixture
# prints exactly what the notebook's loop prints on it with numpy
# (tests/data/course/*.expected, written by make_expected.py): every cost line
# to six decimals, then the notebook's accuracy lines digit for digit.
# Explicit options override a preset; the course's data is found through
# --course-data, $DNN_TUTOR_COURSE_DATA and the current directory, and its
# absence is one line saying where we looked.
set -u
bin=${DNN_TUTOR_BINARY:?}
root=${DNN_TUTOR_SOURCE_ROOT:?}
course=$root/tests/data/course
. "$(dirname "$0")/lib.sh"
unset DNN_TUTOR_COURSE_DATA
export XDG_DATA_HOME=$tmp/xdg

run() { # exit-code description command…
  local want=$1 what=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "$what: exit $got, want $want (stderr: $(head -c 400 "$tmp/err"))"
}

for a in w2-logreg w4-two-layer w4-deep; do
  run 0 "$a" "$bin" train --assignment "$a" --course-data "$course"
  n=$(wc -l <"$course/$a.expected")
  head -n "$n" "$tmp/out" | diff -u "$course/$a.expected" - >"$tmp/diff" ||
    fail "$a: the notebook's lines differ: $(cat "$tmp/diff")"
done
# week 4 prints the last iteration (2499) after 2400; week 2 stops at 1900
grep -qx 'Cost after iteration 2499: [0-9.]*' <(head -n 26 "$course/w4-deep.expected") ||
  fail "w4-deep.expected lacks the 2499 line"

# The variable and the current directory (its datasets/ folder) find the files too.
DNN_TUTOR_COURSE_DATA=$course run 0 "\$DNN_TUTOR_COURSE_DATA" "$bin" train --assignment w2-logreg
head -n "$(wc -l <"$course/w2-logreg.expected")" "$tmp/out" | diff -q "$course/w2-logreg.expected" - >/dev/null || fail "\$DNN_TUTOR_COURSE_DATA: other lines"
mkdir -p "$tmp/nb/datasets" && cp "$course"/*_catvnoncat.h5 "$tmp/nb/datasets/"
(cd "$tmp/nb" && run 0 "current directory" "$bin" train --assignment w2-logreg --iterations 1)
grep -qx 'Cost after iteration 0: 0.693147' "$tmp/out" || fail "current directory: $(cat "$tmp/out")"

# Explicit options override the preset, before or after it.
run 0 "override" "$bin" train --iterations 202 --assignment w4-deep --course-data "$course" --lr 0.0075
[ "$(grep -c '^Cost after iteration' "$tmp/out")" -eq 4 ] || fail "override: want 0 100 200 and 201 (the last): $(cat "$tmp/out")"
grep -qx "$(sed -n 3p "$course/w4-deep.expected")" "$tmp/out" || fail "override: the 200 line is not the preset's"
run 0 "override print-every" "$bin" train --assignment w2-logreg --course-data "$course" --print-every 1000
[ "$(grep -c '^Cost after iteration' "$tmp/out")" -eq 2 ] || fail "--print-every 1000 after the preset: $(cat "$tmp/out")"
run 0 "w3-planar" "$bin" train --assignment w3-planar --iterations 1000
grep -qx 'Cost after iteration 0: 0.693048' "$tmp/out" || fail "w3-planar is the week 3 run: $(cat "$tmp/out")"

# Refusals: one line each.
run 2 "unknown preset" "$bin" train --assignment w5
grep -q "assignment: expected w2-logreg, w3-planar, w4-two-layer or w4-deep, got 'w5'" "$tmp/err" || fail "$(cat "$tmp/err")"
(cd "$tmp" && run 1 "no course files" "$bin" train --assignment w4-deep)
[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "no course files: want one line: $(cat "$tmp/err")"
grep -q "looked in $tmp/xdg/dnn-tutor/course, .*$tmp, $tmp/datasets. Copy the files of the week 2 or week 4 notebook's datasets/ folder into $tmp/xdg/dnn-tutor/course" "$tmp/err" ||
  fail "no course files: $(cat "$tmp/err")"
run 1 "a test file of other width" "$bin" train --assignment w2-logreg --course-data "$course" --iterations 1 \
  --test-data "$root/tests/data/csv/ok_basic.csv"
grep -q "ok_basic.csv: the test set has 2 features but the training set" "$tmp/err" || fail "$(cat "$tmp/err")"

# Wide inputs: a network takes a 128×128 colour picture (49152 inputs) through --layers,
# and one that would not fit in memory is refused before anything is allocated.
cat_fixture=${DNN_TUTOR_CAT_FIXTURE:-}
if [ -x "$cat_fixture" ]; then
  mkdir -p "$tmp/wide" && "$cat_fixture" "$tmp/wide" 6 2 128 >/dev/null && mv "$tmp/wide/train_catvnoncat.h5" "$tmp/wide/train_big.h5" &&
    mv "$tmp/wide/test_catvnoncat.h5" "$tmp/wide/test_big.h5" || fail "cat_fixture"
  run 0 "49152 inputs" "$bin" train --dataset "$tmp/wide/train_big.h5" --layers 49152,3,1 --activation relu \
    --lr 0.001 --iterations 2 --print-every 1
  grep -q 'Test accuracy: .* (2 examples)' "$tmp/out" || fail "49152 inputs: $(cat "$tmp/out")"
fi
{ echo "x,label"; for i in $(seq 1 100000); do echo "$((i % 7)),$((i % 2))"; done; } >"$tmp/long.csv"
run 1 "a network too big for memory" "$bin" train --dataset "$tmp/long.csv" --layers 1,1024,1024,1024,1 --iterations 1
grep -q 'the network \[1, 1024, 1024, 1024, 1\] on 100000 examples needs .* GiB of memory; the limit here is' "$tmp/err" ||
  fail "too big: $(cat "$tmp/err")"

finish "all assignment checks passed"
