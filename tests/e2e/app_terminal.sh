#!/usr/bin/env bash
# app_terminal.sh — an unusable TERM is one line and exit 1, the tty is left
# as it was, and (in the sanitizer build, where lib.sh fails the test on any
# report) nothing leaks: newterm failing used to leak 1624 bytes in ncurses.
set -u
. "$(dirname "$0")/lib.sh"

type_text "clear; TERM=no-such-terminal-xyz '$E2E_BIN'; echo app-exit-\$?"
send_keys Enter
wait_for "app-exit-1"
wait_for "dnn-tutor: cannot use the terminal type 'no-such-terminal-xyz'"
shell_usable "after an unusable TERM"
type_text "clear; TERM=no-such-terminal-xyz '$E2E_BIN' trainer; echo app-exit-\$?"
send_keys Enter
wait_for "app-exit-1"
shell_usable "after an unusable TERM (trainer)"
echo "app_terminal.sh: ok"
