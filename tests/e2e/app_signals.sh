#!/usr/bin/env bash
# app_signals.sh — the terminal is given back on every way out: Ctrl-C,
# SIGTERM and SIGHUP (the process then dies of that signal), and the app
# reopens where the learner left off.
set -u
. "$(dirname "$0")/lib.sh"

# Ctrl-C (a key in raw mode) quits at once, with exit status 0.
start_app
wait_for "Course map"
send_keys C-c
wait_for "app-exit-0"
assert_not_on_screen "Course map"
shell_usable "after Ctrl-C"

# SIGTERM and SIGHUP while a lesson is open.
for sig in TERM HUP; do
    type_text "sh -c 'echo \$\$ > $E2E_TMP/pid; exec \"$E2E_BIN\"'; echo app-exit-\$?"
    send_keys Enter
    if [ "$sig" = TERM ]; then
        wait_for "Course map"
        send_keys Enter
    fi
    # For HUP the app reopens on the lesson opened before the TERM: the
    # position was saved on the way out.
    wait_for "page 1/"
    kill -"$sig" "$(cat "$E2E_TMP/pid")"
    code=$((128 + $(kill -l "$sig")))
    wait_for "app-exit-$code"
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
