#!/usr/bin/env bash
# The presets at the course's own sizes: on a synthetic stand-in with the
# course files' shapes (209 training and 50 test pictures of 64x64x3, written
# by tests/tools/cat_fixture), `train --assignment P` prints what the
# notebook's loop prints on the same files with numpy (make_expected.py
# print): every cost line to six decimals and the accuracy lines digit for
# digit. cli/assignments checks the same on 8x8 pictures; only at 12288
# inputs do the matrix products take their blocked, threaded path, so this is
# where the course's numbers meet it (with 1 and with 2 threads). Fewer
# iterations than the notebooks run keep it quick under the sanitizers.
# Skipped (77) without numpy and h5py in /usr/bin/python3.
set -u
bin=${DNN_TUTOR_BINARY:?}
root=${DNN_TUTOR_SOURCE_ROOT:?}
cat_fixture=${DNN_TUTOR_CAT_FIXTURE:?}
py=/usr/bin/python3
if ! "$py" -c 'import numpy, h5py' 2>/dev/null; then
  echo "skipped: $py has no numpy or h5py"
  exit 77
fi
. "$(dirname "$0")/lib.sh"
unset DNN_TUTOR_COURSE_DATA
export XDG_DATA_HOME=$tmp/xdg

mkdir "$tmp/course" && "$cat_fixture" "$tmp/course" >/dev/null || { echo "cat_fixture failed"; exit 1; }

# preset, iterations: week 2 runs its whole 2000 (an iteration is cheap), week
# 4 enough for the cost lines at 0, 100 and the last (numpy on Debian's
# reference BLAS takes ~0.2 s an iteration of the deep network here).
while read -r preset iterations; do
  "$py" "$root/tests/data/course/make_expected.py" print "$preset" "$tmp/course" "$iterations" >"$tmp/expected" ||
    { fail "$preset: make_expected.py failed"; continue; }
  for threads in 1 2; do
    if ! "$bin" train --assignment "$preset" --course-data "$tmp/course" --iterations "$iterations" \
      --threads "$threads" >"$tmp/out" 2>"$tmp/err"; then
      fail "$preset, $threads thread(s): exit $? ($(head -c 400 "$tmp/err"))"
      continue
    fi
    head -n "$(wc -l <"$tmp/expected")" "$tmp/out" | diff -u "$tmp/expected" - >"$tmp/diff" ||
      fail "$preset, $threads thread(s): numpy prints other lines: $(cat "$tmp/diff")"
  done
  echo "$preset: $(wc -l <"$tmp/expected") lines as numpy's ($(tail -n 1 "$tmp/expected"))"
done <<'RUNS'
w2-logreg 2000
w4-two-layer 150
w4-deep 120
RUNS

finish
