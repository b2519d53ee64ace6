#!/bin/sh
# What the lessons' documentation quotes of `dnn-tutor lessons check` is what
# it prints: the summary line for the shipped lessons (in the header of
# src/cli/cmd_lessons.c and in lessons/README.md) and the summary for a
# broken file (in the header). Add a lesson or a quiz: update both.
bin=${DNN_TUTOR_BINARY:?}
src=${DNN_TUTOR_SOURCE_ROOT:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
shipped=$("$bin" lessons check | tail -n 1)
grep -qF " *                     $shipped" "$src/src/cli/cmd_lessons.c" ||
  { echo "FAIL: the header of src/cli/cmd_lessons.c does not quote the summary line '$shipped'"; fail=1; }
grep -qF "(\`$shipped\`)" "$src/lessons/README.md" ||
  { echo "FAIL: lessons/README.md does not quote the summary line '$shipped'"; fail=1; }
echo '{' >"$tmp/a.json"
broken=$("$bin" lessons check "$tmp" | tail -n 1)
grep -qF " *                     $broken" "$src/src/cli/cmd_lessons.c" ||
  { echo "FAIL: the header of src/cli/cmd_lessons.c does not quote the broken file's summary '$broken'"; fail=1; }
[ "$fail" -eq 0 ] && echo "ok: the documented summary lines are the real ones"
exit $fail
