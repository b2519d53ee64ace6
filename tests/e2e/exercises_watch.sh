#!/usr/bin/env bash
# exercises_watch.sh — `dnn-tutor exercises watch` on a real terminal: it
# checks at once, checks again when a file is saved even when the save keeps
# the file's size, its inode and the second of its modification time (only
# the nanoseconds differ), and q and Enter end it with exit 0 — also while
# a learner's endless loop is being checked (q, then Ctrl-C): the run is
# stopped at once, not left to run to its time limit.
# Skipped (77) when /usr/bin/python3 has no numpy.
set -u
. "$(dirname "$0")/lib.sh"

py=/usr/bin/python3
if ! "$py" -c 'import numpy' >/dev/null 2>&1; then
    echo "no numpy for $py: skipping"
    exit 77
fi
src=${DNN_TUTOR_SOURCE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
dir="$E2E_TMP/mine"
mkdir -p "$dir"
cp "$src/exercises/solutions/w2a1.py" "$dir/w2a1.py"
touch -d @1700000000.100000000 "$dir/w2a1.py"
# the same file with basic_sigmoid wrong by one character: same size
sed '0,/math.exp(-x)/s//math.exp(+x)/' "$src/exercises/solutions/w2a1.py" > "$E2E_TMP/wrong.py"
cmp -s "$E2E_TMP/wrong.py" "$dir/w2a1.py" && fail "the wrong version is not different"
[ "$(wc -c < "$E2E_TMP/wrong.py")" = "$(wc -c < "$dir/w2a1.py")" ] || fail "the wrong version has another size"

type_text "export DNN_TUTOR_PYTHON=$py"
send_keys Enter
start_app exercises watch --dir "$dir"
wait_for "w2a1/basic_sigmoid" 60
wait_for "q and Enter" 120
assert_not_on_screen "✗ w2a1/basic_sigmoid"

# the save: written in place (same inode), same size, same second
ino=$(stat -c %i "$dir/w2a1.py")
cat "$E2E_TMP/wrong.py" > "$dir/w2a1.py"
touch -d @1700000000.200000000 "$dir/w2a1.py"
[ "$(stat -c %i "$dir/w2a1.py")" = "$ino" ] || fail "the save changed the inode"
wait_for "✗ w2a1/basic_sigmoid" 60

type_text "q"
send_keys Enter
wait_for "app-exit-0" 20
shell_usable "after exercises watch"

# A learner's function that never returns; loading the file writes its pid.
loop="$E2E_TMP/loop"
mkdir -p "$loop"
cat > "$loop/w2a1.py" <<PYEOF
import os
with open("$E2E_TMP/started.tmp", "w") as f:
    f.write(str(os.getpid()))
os.rename("$E2E_TMP/started.tmp", "$E2E_TMP/started")

def basic_sigmoid(x):
    while True:
        pass
PYEOF
# Waits (polling) until the looping python has started; prints its pid.
wait_for_loop() {
    local deadline=$(( $(e2e_now_ms) + 60000 ))
    until [ -s "$E2E_TMP/started" ]; do
        [ "$(e2e_now_ms)" -lt "$deadline" ] || fail "the learner's file was never loaded"
        sleep 0.05
    done
    cat "$E2E_TMP/started"
}
# Waits (polling, 5 s at most) until process $1 is gone.
wait_gone() {
    local deadline=$(( $(e2e_now_ms) + 5000 ))
    while kill -0 "$1" 2>/dev/null; do
        [ "$(e2e_now_ms)" -lt "$deadline" ] || fail "the learner's python ($1) still runs after $2"
        sleep 0.05
    done
}
for stop in q ctrl-c; do
    rm -f "$E2E_TMP/started"
    start_app exercises watch --dir "$loop" --timeout 600
    pid=$(wait_for_loop)
    if [ "$stop" = q ]; then
        type_text "q"
        send_keys Enter
    else
        send_keys C-c
    fi
    # the time limit is 10 minutes: only a stopped run ends this soon
    wait_for "app-exit-0" 5
    wait_gone "$pid" "$stop"
    assert_not_on_screen "timed out"
    shell_usable "after $stop during a check"
done
echo "exercises_watch.sh: ok"
