#!/usr/bin/env bash
# app_signals.sh — the terminal is given back on every way out: Ctrl-C,
# SIGTERM, SIGHUP and SIGINT (the process then dies of that signal), SIGABRT
# (what a failed assert raises: the crash handler restores the tty), and the
# app reopens where the learner left off.
set -u
. "$(dirname "$0")/lib.sh"

# Ctrl-C (a key in raw mode) quits at once, with exit status 0.
start_app
wait_for "Course map"
send_keys C-c
wait_for "app-exit-0"
assert_not_on_screen "Course map"
shell_usable "after Ctrl-C"

# SIGTERM, SIGHUP, SIGINT and SIGABRT while a lesson is open (no core file).
for sig in TERM HUP INT ABRT; do
    type_text "clear; sh -c 'ulimit -c 0; echo \$\$ > $E2E_TMP/pid; exec \"$E2E_BIN\"'; echo app-exit-\$?"
    send_keys Enter
    if [ "$sig" = TERM ]; then
        wait_for "Course map"
        send_keys Enter
    fi
    # After TERM the app reopens on the lesson opened before it: the
    # position was saved on the way out.
    wait_for "page 1/"
    pid=$(cat "$E2E_TMP/pid")
    kill -"$sig" "$pid"
    if [ "$sig" = INT ]; then
        # The interactive shell drops the rest of a line whose command died
        # of SIGINT, so there is no app-exit-130 to see: the process goes.
        deadline=$(( $(e2e_now_ms) + 10000 ))
        while kill -0 "$pid" 2>/dev/null; do
            [ "$(e2e_now_ms)" -lt "$deadline" ] || fail "the app did not quit on SIGINT"
            sleep 0.05
        done
    else
        wait_for "app-exit-$((128 + $(kill -l "$sig")))"
    fi
    assert_not_on_screen "page "
    shell_usable "after SIG$sig"
done

# The saved position: the app opens on the lesson page it was left on.
start_app
wait_for "page 1/"
send_keys q
wait_for "Course map"
send_keys q
wait_for "app-exit-0"
shell_usable "after q"
echo "app_signals.sh: ok"
