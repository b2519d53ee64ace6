#!/usr/bin/env bash
# stepper.sh — the stepper lab end to end, opened directly from the command
# line: forward until Z[1] is (4, 400), on through backward until dW[1] is
# (4, 2), ← undoes, g shows the gradient check, i inspects cell by cell, p
# asks for shapes (right and wrong), s steps a layer, a phase or the whole
# iteration and ← undoes such a step, the layout follows resizes (and the too-small screen recovers),
# and q leaves a working shell.
set -u
. "$(dirname "$0")/lib.sh"

start_app stepper --dataset planar --hidden 4
wait_for "Stepper  planar  2-4-1 tanh  m = 400"
# The course's first weights: np.random.seed(2); W1 = randn(4, 2) * 0.01.
wait_for "W[1] = [[-0.00416758 -0.00056267]"
wait_for "Z   ·        ·"

# Forward: Z[1] appears in the shape table as (4, 400).
press_until Right "Z   (4, 400) ·" 3
wait_for "Step 1/13 · forward · linear"
wait_for "Z[1] = [[-0.00703177"
press_until Right "J = 0.69304802" 6
wait_for "J = 0.693048"

# Backward, until dW[1] is (4, 2).
press_until Right "dW  (4, 2)   (1, 4)" 10
wait_for "Step 11/13 · backward · weight gradient"
wait_for "dW[1] = (1/m) dZ[1]·Xᵀ"
wait_for "dZ[1] (4, 400) · Xᵀ (400, 2) → dW[1] (4, 2)"

# ← undoes: back to dZ[1], and dW[1] is gone from the table.
send_keys Left
wait_for "Step 10/13 · backward · activation gradient"
wait_for "dW  ·        (1, 4)"
send_keys Right
wait_for "Step 11/13"

# g: the gradient check of the current parameters, per layer; g again hides it.
send_keys g
wait_for "Gradient check, ε = 1e-7"
wait_for "layer  dW              db"
screen | grep -qE '^.*│ 1 +[0-9]\.[0-9]{3}e-[0-9]{2}' || fail "no per-layer difference for layer 1"
wait_for "all    "
send_keys g
wait_for "dW[1] = [[ 0.00023606 -0.00207914]"

# i: the inspector on dW[1]; Tab goes on to dZ[1] (one column per example,
# so x⁽ⁱ⁾ is shown); l moves the cursor; Esc leaves the inspector, not the lab.
send_keys i
wait_for "Inspect dW[1] (4, 2)"
wait_for "dW[1][0, 0] = 0.00023606"
send_keys Tab
wait_for "Inspect dZ[1] (4, 400)"
send_keys l
wait_for "dZ[1][0, 1] = "
wait_for "x⁽ⁱ⁾ = X[:, 1] = [ 0.1587099 -1.4821709]"
send_keys Escape
wait_for "dW[1] = [[ 0.00023606 -0.00207914]"
wait_for "Step 11/13"

# p: predict the shape. db[1] is next: right.
send_keys p
wait_for "Shape of db[1]? (rows, cols) >"
assert_not_on_screen "→ db[1] (4, 1)"
type_text "(4, 1)"
wait_for "> (4, 1)"
send_keys Enter
wait_for "✓ right: db[1] (4, 1)"
wait_for "Step 12/13"
# The update is not asked for; then Z[1] of iteration 1 is, and 400,4 is wrong.
send_keys Right
wait_for "Step 13/13 · update"
wait_for "iteration 1"
send_keys Right
wait_for "Shape of Z[1]?"
type_text "400,4"
send_keys Enter
wait_for "✗ you said (400, 4); it is Z[1] (4, 400)"

# s: a step of one layer. p first turns predicting off (it steps one operation
# at a time). The step begun at Z[1] finishes layer 1 with A[1]; the next runs
# Z[2] and A[2] together; ← undoes that whole step.
send_keys p
wait_for "Predict the shape: off"
send_keys s
wait_for "Operations (13) · by layer"
send_keys Right
wait_for "Step 2/13 · forward · activation"
send_keys Right
wait_for "Layer 2 · forward · ops 3–4/13"
wait_for "→ next layer   ← undo"
send_keys Left
wait_for "Step 2/13 · forward · activation"
# By phase, by iteration, and back to one operation.
send_keys s
wait_for "Operations (13) · by phase"
send_keys Right
wait_for "The forward phase · ops 3–4/13"
send_keys s
wait_for "Operations (13) · by iteration"
send_keys Right
wait_for "The whole iteration · ops 5–13/13"
wait_for "new W[1] = "
send_keys s
wait_for "Operations (13) · by operation"

# Resize: more room at 100×30 (the dA row of the table), too small at 70×20,
# and back to 80×24.
resize 100 30
wait_for "dA  (4, 400)"
resize 70 20
wait_for "terminal too small"
resize 80 24
wait_for "Operations (13)"
assert_not_on_screen "terminal too small"

# q leaves the lab, which was the only screen: the app quits, the shell works.
send_keys q
wait_for "app-exit-0"
shell_usable "after q"
