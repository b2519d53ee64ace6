#!/usr/bin/env bash
# trainer_gallery.sh — the deep trainer on the course-shaped cat fixture, in a
# real terminal (tmux, TERM=tmux-256color): the gallery of test pictures
# reaches the terminal in the pictures' own colours (many distinct 256-colour
# codes), and with --no-color as a grey ramp with no colour codes at all.
set -u
. "$(dirname "$0")/lib.sh"
course=${DNN_TUTOR_SOURCE_ROOT:?}/tests/data/course

# The picture rows of the left panel (rows 3 … 6 of the screen), with escapes.
picture_rows() {
    e2e_tmux capture-pane -p -e -t e2e | sed -n '3,6p'
}

start_app trainer --assignment w4-deep --course-data "$course"
wait_for "test pictures, wrong first"
wait_for "wrong; p = p(cat)"
wait_for "relu  cat"
n=$(picture_rows | grep -oE '[34]8;5;[0-9]+' | sed 's/^[34]8;5;//' | awk '$1 >= 16' | sort -u | wc -l)
[ "$n" -ge 8 ] || fail "the pictures do not reach the terminal in their colours: $n distinct 256-colour codes"
screen | grep -q $'\xe2\x96\x80' || fail "no half-blocks in the gallery"
send_keys q
wait_for "app-exit-0"

start_app trainer --assignment w4-deep --course-data "$course" --no-color
wait_for "test pictures, wrong first"
wait_for "wrong; p = p(cat)"
picture_rows | grep -qE '\[[0-9;]*[34]8;5;' && fail "colour codes with --no-color"
screen | sed -n '3,6p' | grep -qE '░|▒|▓|█' || fail "no grey ramp without colour"
send_keys q
wait_for "app-exit-0"
shell_usable "after the gallery"
echo "the gallery reaches the terminal in colour and as a grey ramp"
