#!/usr/bin/env bash
# terminal_kinds.sh — what the terminal can show decides what is drawn:
# NO_COLOR gives the trainer's readable monochrome map (the density ramp, as
# --no-color does, never half-blocks drawn without colour), and TERM=dumb is
# refused with one clear line and exit 1 instead of a title line and exit 0.
set -u
. "$(dirname "$0")/lib.sh"

type_text "clear; NO_COLOR=1 '$E2E_BIN' trainer --dataset planar; echo app-exit-\$?"
send_keys Enter
wait_for "Live trainer: planar"
wait_for "y=0"
wait_for ".:-=+*#%@ 1"
assert_not_on_screen "▀"
send_keys q
wait_for "app-exit-0"

type_text "clear; '$E2E_BIN' trainer --dataset planar --no-color; echo app-exit-\$?"
send_keys Enter
wait_for "Live trainer: planar"
wait_for ".:-=+*#%@ 1"
assert_not_on_screen "▀"
send_keys q
wait_for "app-exit-0"

type_text "clear; TERM=dumb '$E2E_BIN'; echo app-exit-\$?"
send_keys Enter
wait_for "dnn-tutor: the terminal type 'dumb' cannot move the cursor"
wait_for "app-exit-1"
shell_usable "after TERM=dumb"
echo "terminal_kinds.sh: ok"
