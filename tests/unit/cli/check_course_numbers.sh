#!/usr/bin/env bash
# Runs `dnn-tutor train --assignment PRESET --course-data DIR` for every preset
# NUMBERS names and compares its output with NUMBERS (the format of
# tests/data/course/published.txt): a cost line must be printed exactly; an
# accuracy must equal the given percent to the digits given (half a unit of
# its last digit). Prints one line per difference and exits 1 if any, 0 if all
# agree.
#   check_course_numbers.sh BINARY DIR NUMBERS
set -u
bin=${1:?binary} dir=${2:?course data dir} numbers=${3:?numbers file}
. "$(dirname "$0")/lib.sh"
for preset in $(awk '!/^#/ && NF { print $1 }' "$numbers" | uniq); do
  if ! "$bin" train --assignment "$preset" --course-data "$dir" >"$tmp/out" 2>"$tmp/err"; then
    echo "$preset: dnn-tutor failed: $(head -c 400 "$tmp/err")"
    failures=$((failures + 1))
    continue
  fi
  # The accuracy lines as percents: week 2 prints "train/test accuracy: P %",
  # week 4 prints "Accuracy: F" (a fraction) on train, then on test.
  awk '/^train accuracy: / { print "train", $3 } /^test accuracy: / { print "test", $3 }
       /^Accuracy: / { print (++n == 1 ? "train" : "test"), $2 * 100 }' OFMT=%.17g "$tmp/out" >"$tmp/acc"
  while read -r p what a b; do
    [ "$p" = "$preset" ] || continue
    case $what in
      cost)
        grep -qx "Cost after iteration $a: $b" "$tmp/out" ||
          { echo "$preset: want 'Cost after iteration $a: $b', got '$(grep "^Cost after iteration $a:" "$tmp/out")'"; failures=$((failures + 1)); } ;;
      train|test)
        got=$(awk -v w="$what" '$1 == w { print $2; exit }' "$tmp/acc")
        if [ -z "$got" ] || ! awk -v got="$got" -v want="$a" 'BEGIN {
            d = index(want, ".") ? length(want) - index(want, ".") : 0
            diff = got - want; if (diff < 0) diff = -diff
            exit !(diff <= 0.5 * 10 ^ -d) }'; then
          echo "$preset: want $what accuracy $a %, got ${got:-none}"
          failures=$((failures + 1))
        fi ;;
      *) echo "$numbers: unknown line '$p $what $a $b'"; failures=$((failures + 1)) ;;
    esac
  done < <(grep -v '^#' "$numbers")
done
exit $((failures > 0))
