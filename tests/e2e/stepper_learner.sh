#!/usr/bin/env bash
# stepper_learner.sh — the stepper's y: before w4a1/linear_forward passes it
# says which check to pass; after our reference solution passes
# `dnn-tutor exercises check` (the progress records it), y runs the learner's
# linear_forward on the stepper's Z[1] step and L_model_backward on its dW[1]
# step (a worker thread runs the child Python) and shows their output beside
# ours, the same numbers; a step hides the panel; q leaves a working shell,
# also while the learner's function loops forever.
# Skipped (77) when /usr/bin/python3 has no numpy.
set -u
. "$(dirname "$0")/lib.sh"

py=/usr/bin/python3
if ! "$py" -c 'import numpy' >/dev/null 2>&1; then
    echo "no numpy for $py: skipping"
    exit 77
fi
src=${DNN_TUTOR_SOURCE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
# The shell in tmux and the commands here share HOME and the state folder.
cli() {
    env HOME="$E2E_TMP" XDG_STATE_HOME="$E2E_STATE" DNN_TUTOR_PYTHON="$py" "$E2E_BIN" "$@"
}
type_text "export DNN_TUTOR_PYTHON=$py"
send_keys Enter

# Not passed yet: y says what to pass first.
start_app stepper --layers 2,4,1 --activation relu
wait_for "2-4-1 relu"
press_until Right "Z   (4, 400) ·" 3
wait_for "Z[1] = [["
send_keys y
wait_for "y runs your linear_forward once it passes:"
wait_for "dnn-tutor exercises check w4a1/linear_forward"
send_keys q
wait_for "app-exit-0"

# Our reference solution passes: the progress records it.
cli exercises init >/dev/null || fail "exercises init failed"
cp "$src/exercises/solutions/w4a1.py" "$E2E_TMP/dnn-tutor-exercises/w4a1.py"
cli exercises check w4a1/linear_forward w4a1/L_model_backward >/dev/null ||
    fail "our solution does not pass: $(cli exercises check w4a1/linear_forward w4a1/L_model_backward 2>&1)"
grep -q '"w4a1/linear_forward":[[:space:]]*"pass"' "$E2E_PROGRESS" ||
    fail "the progress does not record the pass: $(cat "$E2E_PROGRESS")"

# Now y shows the learner's Z[1] beside ours.
start_app stepper --layers 2,4,1 --activation relu
wait_for "2-4-1 relu"
press_until Right "Z   (4, 400) ·" 3
send_keys y
wait_for "Yours: linear_forward(A[0], W[1], b[1])"
wait_for "yours Z[1] = [[" 60
wait_for "The same as ours"
ours=$(screen | sed -n 's/.*ours Z\[1\] = \(\[\[.*\)$/\1/p' | head -1)
yours=$(screen | sed -n 's/.*yours Z\[1\] = \(\[\[.*\)$/\1/p' | head -1)
[ -n "$ours" ] && [ "$ours" = "$yours" ] || fail "ours and yours differ: '$ours' / '$yours'"

# A step hides the panel: the previews again.
send_keys Right
wait_for "Step 2/13"
assert_not_on_screen "yours Z[1]"

# Backward: L_model_backward's dW[1] beside ours at the dW[1] step.
press_until Right "Step 11/13" 12
send_keys y
wait_for "Yours: L_model_backward(A[2], Y, caches)"
wait_for "yours dW[1] = [[" 60
wait_for "The same as ours"
ours=$(screen | sed -n 's/.*ours dW\[1\] = \(\[\[.*\)$/\1/p' | head -1)
yours=$(screen | sed -n 's/.*yours dW\[1\] = \(\[\[.*\)$/\1/p' | head -1)
[ -n "$ours" ] && [ "$ours" = "$yours" ] || fail "ours and yours differ: '$ours' / '$yours'"

# y again hides it; q leaves.
send_keys y
wait_for "dZ[1] = [["
assert_not_on_screen "yours dW[1]"
send_keys q
wait_for "app-exit-0"
shell_usable "after the stepper's y"

# An endless loop in the learner's file: the run goes on in the background,
# the keys keep working, and q leaves at once (well before the 10 s limit).
printf 'def linear_forward(A, W, b):\n    while True:\n        pass\n' > "$E2E_TMP/dnn-tutor-exercises/w4a1.py"
start_app stepper --layers 2,4,1 --activation relu
wait_for "2-4-1 relu"
press_until Right "Z   (4, 400) ·" 3
send_keys y
wait_for "Running your function"
send_keys Right
wait_for "Step 2/13"
send_keys q
wait_for "app-exit-0" 5
shell_usable "after q during a run"
echo "stepper_learner.sh: ok"
