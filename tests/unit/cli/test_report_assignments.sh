#!/usr/bin/env bash
# dnn-tutor report --assignment NAME on the course-shaped fixture: the
# report's results show exactly what the notebook prints (the cost lines,
# then its accuracy lines: week 2's "train accuracy: … %" / "test accuracy:
# … %", week 4's "Accuracy: …" twice), the same lines `train` prints and
# tests/data/course/*.expected holds (numpy's own output on the fixture).
set -u
bin=${DNN_TUTOR_BINARY:?}
root=${DNN_TUTOR_SOURCE_ROOT:?}
course=$root/tests/data/course
. "$(dirname "$0")/lib.sh"
unset DNN_TUTOR_COURSE_DATA
export XDG_DATA_HOME=$tmp/xdg

for a in w2-logreg w4-two-layer w4-deep; do
  if ! "$bin" report --assignment "$a" --course-data "$course" --lang en -o "$tmp/$a.md" >"$tmp/out" 2>"$tmp/err"; then
    fail "$a: report failed: $(head -c 400 "$tmp/err")"
    continue
  fi
  grep -E '^(Cost after iteration|train accuracy: |test accuracy: |Accuracy: )' "$tmp/$a.md" >"$tmp/$a.got"
  diff -u "$course/$a.expected" "$tmp/$a.got" >"$tmp/diff" || fail "$a: the report's notebook lines differ: $(cat "$tmp/diff")"
done
finish "ok: the reports of the three assignments print the notebooks' lines"
