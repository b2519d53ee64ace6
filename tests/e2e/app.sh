#!/usr/bin/env bash
# app.sh — the course app end to end: a week-3 lesson, a quiz answered wrong
# then right, resize below 80×24 and back, L, a lab opened from a lesson page
# and left again, a trainer lab that pauses where the lesson's run ends, quit; then the shell prompt works and the progress file is
# valid JSON.
set -u
. "$(dirname "$0")/lib.sh"

start_app
wait_for "Course map"
wait_for "0/"

# Down the map until the detail panel shows a week-3 lesson, then the next one
# ("Computing a network's output": 3 pages of text, then 3 quizzes).
press_until j "│ Week 3 · pages"
send_keys j
wait_for "│ Computing a network's output"
send_keys Enter
wait_for "page 1/4"
wait_for "n: next page"
send_keys n
wait_for "page 2/4"
send_keys n
wait_for "page 3/4"
send_keys n
wait_for "page 4/4"
wait_for "Quiz · shape"
assert_not_on_screen "n: next page"

# The first quiz: x is (2, 1), 4 hidden units: Z^[1] is (4, 1).
send_keys Enter
wait_for "Enter check answer"
type_text "(4, 2)"
wait_for "Answer: (4, 2)"
send_keys Enter
wait_for "✗ Not right: (4, 2)."
send_keys h
wait_for "Hint 1:"
send_keys Enter
type_text "4,1"
send_keys Enter
wait_for "✓ Right."

# Too small, then back.
resize 70 20
wait_for "terminal too small: need 80×24, have 70×20"
resize 80 24
wait_for "page 4/4"
assert_not_on_screen "terminal too small"

# Language.
send_keys L
wait_for "第 4/4 页"
send_keys L
wait_for "page 4/4"

# Back to the map, then "Gradient descent for a 2-layer network": page 3 has a
# stepper lab.
send_keys q
wait_for "Course map"
press_until j "│ Gradient descent for a 2-layer" 20
send_keys Enter
wait_for "page 1/5"
send_keys n
wait_for "page 2/5"
send_keys n
wait_for "page 3/5"
wait_for "Open the stepper lab"
send_keys Enter
wait_for "Stepper  planar"
send_keys q
wait_for "page 3/5"
wait_for "Open the stepper lab"

# On to page 5's trainer lab (a 10000-iteration run): it pauses exactly there.
send_keys Tab
send_keys Enter
wait_for "Enter check answer"
type_text "1,400"
send_keys Enter
wait_for "n: next page"
send_keys n
wait_for "page 4/5"
for shape in 1,4 1,1; do
    send_keys Enter
    wait_for "Enter check answer"
    type_text "$shape"
    send_keys Enter
    wait_for "Right."
done
send_keys n
wait_for "page 5/5"
wait_for "Open the trainer lab"
send_keys Enter
wait_for "Live trainer: planar"
wait_for "Paused at iteration 10000, where the lesson's run ends" 30
wait_for "iter 10000  "
wait_for "space go on"
send_keys q
wait_for "page 5/5"

# Quit from the map; the shell must be usable again.
send_keys q
wait_for "Course map"
send_keys q
wait_for "app-exit-0"
shell_usable "after q"

[ -f "$E2E_PROGRESS" ] || fail "no progress file at $E2E_PROGRESS"
if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert d["version"] == 1; assert d["quizzes"]["w3-q-out-z1-one-example"]["right"] is True' "$E2E_PROGRESS" \
        || fail "progress file is not the expected JSON: $(cat "$E2E_PROGRESS")"
else
    grep -q '"w3-q-out-z1-one-example"' "$E2E_PROGRESS" || fail "progress file lacks the quiz"
fi
ls "$E2E_STATE/dnn-tutor" | grep -q tmp && fail "a temporary progress file was left behind"
echo "app.sh: ok"
