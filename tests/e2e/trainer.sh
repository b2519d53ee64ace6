#!/usr/bin/env bash
# trainer.sh — the live trainer end to end: it trains (iter climbs, cost
# falls), → changes lr while iter keeps counting, ↑ rebuilds with n_h 5, the
# rate goes to the top without a crash, the sweep reproduces the course's
# n_h 4 accuracy, the screen follows resizes, and q leaves a working shell.
# , and . set the pace: at 10 it/s iter climbs a few at a time.
set -u
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/trainer_lib.sh"

start_app trainer --dataset planar --hidden 4 --lr 1.2
wait_for "Live trainer: planar"
wait_for "n_h 4  tanh  planar"
# 80 columns cannot show every key: the bar says more exist.
wait_for "? more keys"

# It trains: iter climbs and the cost falls.
wait_until 'i=$(token iter); is_num "$i" && [ "$i" -ge 1000 ]'
c1=$(token cost)
i1=$(token iter)
is_num "$c1" || fail "no cost on the status line: $c1"
wait_until 'i=$(token iter); c=$(token cost); is_num "$i" && is_num "$c" && [ "$i" -gt $((i1 + 2000)) ] && awk -v a="$c" -v b="$c1" "BEGIN { exit !(a < b) }"' 20

# → : a new rate, the same network (iter is not reset).
i0=$(token iter)
send_keys Right
wait_for "lr 1.5"
wait_for "the same network goes on"
i2=$(token iter)
[ "$i2" -ge "$i0" ] || fail "iter went back from $i0 to $i2 after a new rate"
wait_until 'i=$(token iter); [ "$i" -gt "$i2" ]'

# , three times: 10 iterations a second, shown on the status line; iter
# then climbs by a few between polls, not by thousands. . three times: full speed.
send_keys , , ,
wait_for "pace 10 it/s"
p0=$(token iter)
wait_until 'i=$(token iter); is_num "$i" && [ "$i" -gt "$p0" ]'
prev=$(token iter)
for _ in 1 2 3 4 5 6 7 8; do
    wait_until 'i=$(token iter); is_num "$i" && [ "$i" -gt "$prev" ]' 5
    now=$(token iter)
    [ $((now - prev)) -le 30 ] || fail "at pace 10 it/s iter jumped from $prev to $now"
    prev=$now
done
send_keys . . .
wait_for "full speed"
wait_until 'i=$(token iter); is_num "$i" && [ "$i" -gt $((prev + 5000)) ]' 20

# ↑ : five hidden units, rebuilt, said in words.
send_keys Up
wait_for "n_h 5"
wait_for "5 hidden units: network rebuilt"

# t: a held-out test set; its accuracy joins the status line, its cost the
# curve's panel; t again trains on every point.
send_keys t
wait_for "Test set on"
wait_for "cost J: train, test"
wait_until 'screen | grep -qE "acc [0-9.]+%  test [0-9.]+%"'
send_keys t
wait_for "Test set off"
wait_until '! screen | grep -qE "acc [0-9.]+%  test "'

# The top of the ladder, lr 100: the course network diverges there, as the
# week 2 lesson promises (lr 10 was the top before, and it trained on).
for _ in 1 2 3 4 5 6 7 8; do send_keys Right; done
wait_for "lr 100 "
wait_for "diverged"

# Back to the course's rate, then the sweep: n_h 4 gives the course's 90.50%.
for _ in 1 2 3 4 5 6 7 8; do send_keys Left; done
wait_for "lr 1.2 "
send_keys S
wait_for "Hidden-layer size sweep"
wait_for "acc 67.50%" 30
wait_for "acc 90.50%" 30
wait_for "sweep 7/7  done" 60

# Resize: the layout follows, below 80×24 the app says so, and it comes back.
resize 100 30
wait_until '[ "$(screen | sed -n 2p | wc -m)" -ge 100 ]'
wait_for "sweep 7/7  done"
resize 60 20
wait_for "terminal too small"
resize 80 24
wait_for "sweep 7/7  done"
send_keys q
wait_for "Back to the live network"
wait_until 'i=$(token iter); is_num "$i"'

# q leaves; the shell prompt works again (the terminal was restored).
send_keys q
wait_for "app-exit-0"
assert_not_on_screen "Live trainer"
shell_usable "after q"
exit 0
