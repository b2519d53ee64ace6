#!/usr/bin/env bash
# stepper_cat.sh — the stepper on the week 4 cat network (--assignment
# w4-deep: 12288-20-7-5-1, m = 209) over a full-size synthetic stand-in of
# the course's files: g checks a budgeted sample of the 245,973 parameters
# on a worker, says how many of how many, and answers within seconds (a check
# of every parameter would take hours); keys work while it runs. A
# planar check still covers every parameter and says nothing of a sample.
set -u
. "$(dirname "$0")/lib.sh"
fixture=${DNN_TUTOR_CAT_FIXTURE:?}
mkdir -p "$E2E_TMP/course" && "$fixture" "$E2E_TMP/course" >/dev/null || fail "cat_fixture"

# Milliseconds from now until TEXT shows (fails after SEC seconds).
ms_until() {
    local t0
    t0=$(e2e_now_ms)
    wait_for "$1" "$2"
    echo $(( $(e2e_now_ms) - t0 ))
}

e2e_tmux resize-window -t e2e -x 100 -y 30
start_app stepper --assignment w4-deep --course-data "$E2E_TMP/course"
wait_for "12288-20-7-5-1" 30
send_keys g
took=$(ms_until "9 of 245,973 parameters checked" 20)
[ "$took" -le 10000 ] || fail "the check took ${took} ms (bound 10000)"
wait_for "all    "
screen | grep -qE '│ 1 +[0-9]\.[0-9]{3}e-[0-9]{2}' || fail "no difference for layer 1"

# While a check runs, a step still works and the check is dropped with it.
send_keys g
wait_for "Step 1/25 · forward · linear (next)" 5
send_keys g
wait_for "checking 9 of 245,973 parameters" 5
send_keys Right
wait_for "Z   20,209" 10
send_keys Right
wait_for "A   20,209" 10
assert_not_on_screen "parameters checked"
send_keys q
wait_for "app-exit-0" 10

start_app stepper --dataset planar --hidden 4
wait_for "2-4-1 tanh"
send_keys g
wait_for "all    "
assert_not_on_screen "parameters checked"
send_keys q
wait_for "app-exit-0"
shell_usable "after the stepper"
echo "the stepper's gradient check on the cat network answers on a sample"
