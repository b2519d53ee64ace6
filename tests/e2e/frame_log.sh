#!/usr/bin/env bash
# frame_log.sh — $DNN_TUTOR_FRAME_LOG, what bench/ui_bench.sh counts: while the
# trainer runs, after a line that places its 0 on the wall clock, a line for
# every frame that changed the screen and for every key read ("<ms> frame" /
# "<ms> key", times that never go back), a frame
# after each key that changes the screen; a log that cannot be written stops the app before it draws,
# with one line saying which file and why.
set -u
. "$(dirname "$0")/lib.sh"
log="$E2E_TMP/frames.log"

type_text "clear; DNN_TUTOR_FRAME_LOG='$log' '$E2E_BIN' trainer --dataset planar --hidden 4; echo app-exit-\$?"
send_keys Enter
wait_for "iter "
send_keys Space
wait_for "paused"
send_keys l
wait_for "cost J, log"
send_keys q
wait_for "app-exit-0"

[ -s "$log" ] || fail "no frame log written"
# the first line places the log's 0 on the wall clock (within a minute of now)
read -r zero word wall_ms <"$log"
[ "$zero $word" = "0.000 start" ] || fail "the frame log does not begin with its start: $(head -1 "$log")"
now_ms=$(date +%s%3N)
awk -v w="$wall_ms" -v n="$now_ms" 'BEGIN { exit !(w > n - 60000 && w <= n) }' ||
  fail "the start's wall clock $wall_ms is not a moment of the last minute (now $now_ms)"
bad=$(tail -n +2 "$log" | grep -cvE '^[0-9]+\.[0-9]{3} (frame|key)$')
[ "$bad" -eq 0 ] || fail "$bad malformed frame log lines: $(tail -n +2 "$log" | grep -vE '^[0-9]+\.[0-9]{3} (frame|key)$' | head -3)"
frames=$(grep -c ' frame$' "$log")
keys=$(grep -c ' key$' "$log")
[ "$frames" -ge 3 ] || fail "only $frames frames logged"
[ "$keys" -eq 3 ] || fail "$keys keys logged, 3 were pressed"
awk '$1 < prev { print "time goes back at line " NR; bad = 1 } { prev = $1 } END { exit bad }' "$log" ||
  fail "the frame log's times go back"
# every key but q (the last, which quits) is followed by a frame before the next key
awk '$2 == "key" && waiting { print "no frame after the key at line " prev; bad = 1 }
     $2 == "key" { waiting = 1; prev = NR } $2 == "frame" { waiting = 0 } END { exit bad }' "$log" ||
  fail "a key was not followed by a frame"

# A frame log that cannot be written: one line, exit 1, the terminal as it was.
type_text "clear; DNN_TUTOR_FRAME_LOG='$E2E_TMP/no/such/dir/f.log' '$E2E_BIN' trainer; echo app-exit-\$?"
send_keys Enter
wait_for "app-exit-1"
wait_for "dnn-tutor: cannot write the frame log $E2E_TMP/no/such/dir/f.log: No"
screen | grep -qF "such file or directory" || fail "the reason is missing"
shell_usable "after a frame log that cannot be written"
