#!/usr/bin/env bash
# trainer_faults.sh — the live trainer under job-control signals: bursts of
# SIGTSTP/SIGCONT while it trains (worker threads running) leave it training
# after the last CONT, q still quits with 0, and the tty modes afterwards
# equal those before (`stty -g`). The test shell runs without job control
# (set +m), as a service manager or a script would start it: a stop signal to
# its orphaned process group is discarded by the kernel, so what is tested is
# the app's own handling (ncurses' SIGTSTP handler, the threads' masks).
set -u
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/trainer_lib.sh"

type_text "set +m; clear"
send_keys Enter
type_text "clear; sh -c 'echo \$\$ > $E2E_TMP/pid; exec \"$E2E_BIN\" trainer --dataset planar --hidden 4 --lr 1.2'; echo app-exit-\$?"
send_keys Enter
wait_for "Live trainer: planar"
wait_until 'i=$(token iter); is_num "$i" && [ "$i" -ge 1000 ]'
pid=$(cat "$E2E_TMP/pid")

for round in 1 2 3; do
  for _ in $(seq 1 25); do
    kill -TSTP "$pid" 2>/dev/null
    kill -CONT "$pid" 2>/dev/null
  done
  kill -CONT "$pid"
  # Still training after the last CONT: iter climbs on a redrawn screen.
  i1=$(token iter)
  is_num "$i1" || i1=0
  wait_until 'i=$(token iter); is_num "$i" && [ "$i" -gt '"$i1"' ]' 20
  state=$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null)
  [ "$state" != "T" ] || fail "the app is stopped after the last SIGCONT (round $round)"
done

send_keys q
wait_for "app-exit-0" 20
shell_usable "after bursts of SIGTSTP/SIGCONT"
echo "trainer_faults.sh: ok"
