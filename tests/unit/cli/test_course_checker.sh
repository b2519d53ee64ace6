#!/usr/bin/env bash
# The checker behind cli/course_published is itself held to account on the
# course-shaped fixture: the fixture's numpy numbers (tests/data/course/
# *.expected) in the published format pass, and the same numbers with one
# cost or one accuracy changed fail, naming what differs.
set -u
bin=${DNN_TUTOR_BINARY:?}
root=${DNN_TUTOR_SOURCE_ROOT:?}
course=$root/tests/data/course
check=$root/tests/unit/cli/check_course_numbers.sh
. "$(dirname "$0")/lib.sh"
unset DNN_TUTOR_COURSE_DATA

# The fixture's expected output as "PRESET WHAT VALUE" lines.
for p in w2-logreg w4-deep; do
  awk -v p="$p" '/^Cost after iteration/ { sub(":", "", $4); print p, "cost", $4, $5 }
    /^train accuracy: / { print p, "train", $3 } /^test accuracy: / { print p, "test", $3 }
    /^Accuracy: / { printf "%s %s %.15g\n", p, (++n == 1 ? "train" : "test"), $2 * 100 }' "$course/$p.expected"
done >"$tmp/good.txt"
grep -q '^w4-deep test ' "$tmp/good.txt" && grep -q '^w2-logreg cost 1900 ' "$tmp/good.txt" ||
  fail "the fixture's numbers were not read: $(cat "$tmp/good.txt")"

"$check" "$bin" "$course" "$tmp/good.txt" >"$tmp/out" 2>&1 || fail "the fixture's own numbers: $(cat "$tmp/out")"

sed 's/^\(w2-logreg cost 100 \).*/\10.123456/' "$tmp/good.txt" >"$tmp/badcost.txt"
"$check" "$bin" "$course" "$tmp/badcost.txt" >"$tmp/out" 2>&1 && fail "a wrong cost passed"
grep -q "w2-logreg: want 'Cost after iteration 100: 0.123456'" "$tmp/out" || fail "wrong cost: $(cat "$tmp/out")"

sed 's/^\(w4-deep test \).*/\175.5/' "$tmp/good.txt" >"$tmp/badacc.txt"
"$check" "$bin" "$course" "$tmp/badacc.txt" >"$tmp/out" 2>&1 && fail "a wrong accuracy passed"
grep -q "w4-deep: want test accuracy 75.5 %" "$tmp/out" || fail "wrong accuracy: $(cat "$tmp/out")"

# The published file names the three presets of issue 9 and nothing else.
[ "$(awk '!/^#/ && NF { print $1 }' "$course/published.txt" | sort -u | tr '\n' ' ')" = "w2-logreg w4-deep w4-two-layer " ] ||
  fail "published.txt presets"

finish "the checker passes the right numbers and names the wrong ones"
