#!/usr/bin/env bash
# trainer_deep.sh — the trainer's other faces end to end: ASCII monochrome
# (no half-blocks, no braille, the map in density characters), and the deep
# lab on the digits with train/test accuracy, the gallery and the layers
# input line; --iterations pauses the trainer once.
set -u
. "$(dirname "$0")/lib.sh"

# ASCII, no colour: every glyph has its twin.
start_app trainer --ascii --no-color
wait_for "+ decision regions: y-hat"
wait_for "n_h 4  tanh  planar"
wait_for "-/+ lr"
screen | grep -q $'\xe2\x96\x80' && fail "a half-block in ASCII mode"
screen | grep -q $'\xe2\xa0' && fail "braille in ASCII mode"
screen | grep -q '[@%#*]' || fail "no density characters on the ASCII map"
send_keys q
wait_for "app-exit-0"

shell_usable "after the ASCII trainer"

# The deep lab: digits, 64-20-7-5-1, train and test accuracy, the gallery.
start_app trainer --deep
wait_for "test images: is it a 3?"
wait_for "layers 20,7,5,1"
wait_for "relu  digits"
wait_for "test images wrong"
screen | grep -Eq 'acc [0-9.]+%  test [0-9.]+%' || fail "no train and test accuracy"

# e edits the layers, the input first as --layers: 64,10,1 is one hidden
# layer of 10 (n_h 10).
send_keys e
wait_for "layers n[0],...,n[L]"
for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do send_keys BSpace; done
type_text "64,10,1"
send_keys Enter
wait_for "n_h 10  relu"
wait_for "Layers 64,10,1: network rebuilt"

# A bad list is refused with a reason; the network stays.
send_keys e
for _ in 1 2 3 4 5 6 7 8; do send_keys BSpace; done
type_text "64,10,3"
send_keys Enter
wait_for "Layers not changed"
# (the status may wrap before "digits" once iter has more digits)
wait_for "n_h 10  relu"

send_keys q
wait_for "app-exit-0"

# --iterations N: the trainer pauses once at N, like a lesson's run.
start_app trainer --iterations 3000
wait_for "Paused at iteration 3000" 30
wait_for "iter 3000  "
send_keys q
wait_for "app-exit-0"
shell_usable "after the deep trainer"
exit 0
