#!/usr/bin/env bash
# dnn-tutor report over an earlier report keeps the learner's answers: write a
# report, answer between its learner-notes markers, run it again (other
# options, other language) and the answers are there while the rest is new;
# an answer whose question is gone goes to a last section and comes back when
# the question does; broken markers, an unreadable file or a file that is not
# a report (text, no markers) are refused (exit 1, one line, the file
# untouched); --force replaces; HTML keeps them too.
set -u
bin=${DNN_TUTOR_BINARY:?}
. "$(dirname "$0")/lib.sh"

run() { # expected-exit description command…
  local want=$1 what=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "$what: exit $got, want $want (stderr: $(head -c 300 "$tmp/err"))"
}
# answer FILE ID TEXT: TEXT in place of whatever is between the markers of ID
answer() {
  awk -v id="$2" -v text="$3" '
    $0 == "<!-- learner-notes begin id=" id " -->" { print; print text; skip = 1; next }
    skip && index($0, "<!-- learner-notes end id=" id " -->") == 1 { skip = 0 }
    !skip { print }' "$1" >"$1.new" && mv "$1.new" "$1"
}
# between FILE ID: the text between the markers of ID
between() {
  awk -v id="$2" '
    index($0, "<!-- learner-notes end id=" id " -->") == 1 { on = 0 }
    on { print }
    $0 == "<!-- learner-notes begin id=" id " -->" { on = 1 }' "$1"
}
line_of() { grep -nF -- "$2" "$1" | head -n 1 | cut -d: -f1; }

r="$tmp/r.md"
run 0 "the first report" "$bin" report --iterations 40 --print-every 10 --lang en -o "$r"
for id in baseline learning-rate hidden-size zero-init transpose; do
  [ "$(between "$r" $id)" = "$(printf '\n…\n')" ] || fail "the space '$id' is not an empty placeholder: '$(between "$r" $id)'"
done
answer "$r" baseline "My answer to Q1: 50% is what guessing 1 scores."
answer "$r" zero-init "$(printf 'Every hidden unit stays the same.\n\n| dW[1] rows | equal |')"
sed -i 's/^### 4.2 /Something written outside the markers.\n\n&/' "$r"

# 1. Again, with other options and in Chinese: the answers stay, the rest is new.
run 0 "the report again" "$bin" report --iterations 60 --print-every 10 --lang zh -o "$r"
[ "$(between "$r" baseline)" = "My answer to Q1: 50% is what guessing 1 scores." ] ||
  fail "the answer to Q1 was not kept: '$(between "$r" baseline)'"
[ "$(between "$r" zero-init)" = "$(printf 'Every hidden unit stays the same.\n\n| dW[1] rows | equal |')" ] ||
  fail "the answer about zero initialisation was not kept: '$(between "$r" zero-init)'"
[ "$(between "$r" transpose)" = "$(printf '\n…\n')" ] || fail "an unanswered space is not the placeholder"
grep -qF "Something written outside the markers" "$r" && fail "text outside the markers was kept (the report is written anew)"
grep -q '^Cost after iteration 50: ' "$r" || fail "the new report is not the new run's (no cost line at 50)"
grep -qF "四、结果分析" "$r" || fail "the new report is not in Chinese"
grep -qF "先前报告" "$r" && fail "a report with a space for every answer has a section of earlier notes"

# 2. A network with no hidden layer asks no zero-init question: that answer goes to the end, and comes back.
run 0 "logistic regression" "$bin" report --iterations 30 --layers 2,1 --lang en -o "$r"
end=$(line_of "$r" "## Notes from the earlier report")
[ -n "$end" ] || fail "the answer without a question is not kept in 'Notes from the earlier report'"
zero=$(line_of "$r" "<!-- learner-notes begin id=zero-init -->")
[ -n "$zero" ] && [ -n "$end" ] && [ "$zero" -gt "$end" ] || fail "the zero-init answer is not in the last section"
[ "$(between "$r" zero-init)" = "$(printf 'Every hidden unit stays the same.\n\n| dW[1] rows | equal |')" ] ||
  fail "the zero-init answer changed in the last section"
[ "$(line_of "$r" "<!-- learner-notes begin id=baseline -->")" -lt "$(line_of "$r" "### 4.2 ")" ] ||
  fail "the answer to Q1 left its place"
run 0 "a hidden layer again" "$bin" report --iterations 30 --lang en -o "$r"
grep -qF "## Notes from the earlier report" "$r" && fail "the zero-init answer did not go back to its question"
[ "$(line_of "$r" "<!-- learner-notes begin id=zero-init -->")" -lt "$(line_of "$r" "### 4.2 ")" ] ||
  fail "the zero-init answer is not under its question again"

# 3. Broken markers: refused in one line, before any training, the file and its directory untouched.
sed -i '/^<!-- learner-notes end id=baseline -->$/d' "$r"
cp "$r" "$tmp/broken.md"
ls -A "$tmp" >"$tmp/before"
run 1 "broken markers" "$bin" report --iterations 30 --lang en -o "$r"
[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "broken markers: stderr is not one line: $(cat "$tmp/err")"
grep -Eq "^dnn-tutor report: '.*r\.md' line [0-9]+: block 'learning-rate' begins inside block 'baseline' .*--force" "$tmp/err" ||
  fail "broken markers: the message does not say where and what to do: $(cat "$tmp/err")"
cmp -s "$r" "$tmp/broken.md" || fail "a report with broken markers was replaced"
ls -A "$tmp" | diff -q - "$tmp/before" >/dev/null || fail "a refused report left files: $(ls -A "$tmp")"

# 4. --force replaces it, answers and all.
run 0 "--force" "$bin" report --iterations 30 --lang en --force -o "$r"
grep -qF "My answer to Q1" "$r" && fail "--force kept the answers"
[ "$(between "$r" baseline)" = "$(printf '\n…\n')" ] || fail "--force did not write a fresh space"

# 5. An earlier report that cannot be read is not replaced.
if [ "$(id -u)" -ne 0 ]; then
  answer "$r" baseline "unreadable answer"
  chmod 000 "$r"
  run 1 "an unreadable report" "$bin" report --iterations 30 -o "$r"
  grep -Eq "^dnn-tutor report: cannot read '.*r\.md': Permission denied; .*--force" "$tmp/err" ||
    fail "an unreadable report: $(cat "$tmp/err")"
  chmod 644 "$r"
  grep -qF "unreadable answer" "$r" || fail "an unreadable report was replaced"
else
  echo "note: running as root, the unreadable report case cannot fail and is not tested"
fi

# 5b. A file of the learner's own (text, no markers) is not a report: refused,
# untouched, no figures left beside it; an empty file is replaced.
own="$tmp/own.md"
printf 'My own notes on week 3, no markers anywhere.\n' >"$own"
cp "$own" "$tmp/own.before"
run 1 "a file that is not a report" "$bin" report --iterations 30 --lang en -o "$own"
grep -Eq "^dnn-tutor report: '.*own\.md' is not a report of dnn-tutor's \(it has no learner-notes markers\); the file is left as it is .*--force" "$tmp/err" ||
  fail "a file that is not a report: $(cat "$tmp/err")"
cmp -s "$own" "$tmp/own.before" || fail "a file that is not a report was replaced"
ls "$tmp" | grep -q '^own-' && fail "a refused report left figures: $(ls "$tmp" | grep '^own-')"
: >"$tmp/empty.md"
run 0 "an empty file" "$bin" report --iterations 30 --lang en -o "$tmp/empty.md"
grep -qF "<!-- learner-notes begin id=baseline -->" "$tmp/empty.md" || fail "an empty file was not replaced by the report"

# 6. HTML: the same markers, the answer kept, in zh too.
h="$tmp/r.html"
run 0 "an HTML report" "$bin" report --iterations 30 --lang en -o "$h"
[ "$(between "$h" learning-rate)" = '<div class="notes"><p>…</p></div>' ] || fail "the HTML space is not the placeholder"
answer "$h" learning-rate '<div class="notes"><p>α = 1.2 &amp; nothing larger.</p></div>'
run 0 "the HTML report again" "$bin" report --iterations 40 --lang zh -o "$h"
[ "$(between "$h" learning-rate)" = '<div class="notes"><p>α = 1.2 &amp; nothing larger.</p></div>' ] ||
  fail "the HTML answer was not kept: '$(between "$h" learning-rate)'"
grep -qF '<html lang="zh-CN">' "$h" || fail "the HTML report again is not in Chinese"

finish "ok: report keeps the learner's notes"
