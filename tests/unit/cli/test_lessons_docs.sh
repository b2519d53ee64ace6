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
# Every assignment of the exercise catalog is named by a lesson, with the
# command that checks it, in both languages (the lesson that teaches it).
for id in $(grep -o '"id": *"w[0-9]a[0-9]"' "$src/exercises/exercises.json" | grep -o 'w[0-9]a[0-9]' | sort -u); do
  for lang in zh en; do
    n=$(grep -o "\"$lang\": \"[^\"]*dnn-tutor exercises check $id[ ;。/.，]" "$src"/lessons/week*.json | wc -l)
    [ "$n" -ge 1 ] || { echo "FAIL: no lesson ($lang) names 'dnn-tutor exercises check $id'"; fail=1; }
  done
done
[ "$fail" -eq 0 ] && echo "ok: the documented summary lines are the real ones; every assignment is named by a lesson"
exit $fail
