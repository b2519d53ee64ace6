#!/usr/bin/env bash
# trainer_wide.sh — a wide network (2,1024,1024,1024,1: its first prediction
# map is some 25 billion multiply-adds) never holds up the screen: the
# screen appears at once and says what it is computing, a key acts while
# the map is computed, a new network (a, r) and one iteration (s) are made
# away from the UI thread, and q quits within a bound, even during a build. The bounds are loose
# (the suite runs under load and under sanitizers); the trainer that
# computed the map before drawing took 8 s or more to show anything and
# over 2 s to obey q.
set -u
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/trainer_lib.sh"

# Milliseconds from now until TEXT shows (fails after SEC seconds).
ms_until() {
    local t0
    t0=$(e2e_now_ms)
    wait_for "$1" "$2"
    echo $(( $(e2e_now_ms) - t0 ))
}

start_app trainer --layers 2,1024,1024,1024,1
shown=$(ms_until "Live trainer: planar" 30)
[ "$shown" -le 4000 ] || fail "the screen took ${shown} ms to appear (bound 4000)"
wait_for "computing the first prediction map" 5
wait_for "layers 1024,1024,1024,1  relu  planar"

# space pauses while the worker computes the map: the UI thread is free.
send_keys Space
took=$(ms_until "planar  paused" 10)
[ "$took" -le 2000 ] || fail "space took ${took} ms to pause (bound 2000)"
send_keys Space
wait_for " it/s"

# A new network this size (~90 MB) is built on a thread of its own: a key
# that would change the network meanwhile says why it waits, and the new
# network arrives with its note. (z comes in the same burst as a, so it
# finds the build running.)
send_keys a z
wait_for "Still building the new network" 10
wait_for "Hidden activation Leaky ReLU: network rebuilt" 30

# s runs its one iteration on the worker, which says when it is done. The
# bound is for the sanitizer build, where one iteration of this network,
# let go after each operation for the screen's frames and refreshes, took
# over 30 s once in CI (about 1 s in a release build).
send_keys s
wait_for "One iteration: now" 90

# q quits promptly, whatever the worker is doing, a build included.
send_keys r
wait_for "Building the new network" 10
t0=$(e2e_now_ms)
send_keys q
wait_for "app-exit-0" 20
took=$(( $(e2e_now_ms) - t0 ))
[ "$took" -le 2000 ] || fail "q took ${took} ms to quit (bound 2000)"
shell_usable "after the wide trainer"
echo "trainer_wide.sh: ok (screen ${shown} ms, q ${took} ms)"
