#!/usr/bin/env bash
# trainer_report.sh — the trainer's R key end to end: on a paused run, R
# writes dnn-tutor-report-<time>.md (and its figures) into the directory the
# app was started in, the note line says where (its full path), the report is about the run
# on screen (the course's first cost line, the iterations shown on the status
# line), and the app goes on and quits cleanly.
set -u
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/trainer_lib.sh"

work="$E2E_TMP/work"
mkdir -p "$work"
type_text "cd '$work'"
send_keys Enter

start_app trainer --dataset planar --hidden 4 --lr 1.2
wait_for "n_h 4  tanh  planar"
# The key is in the key bar (all of the trainer's keys fit at 160 columns).
resize 160 30
wait_for "R report"
wait_until 'i=$(token iter); is_num "$i" && [ "$i" -ge 500 ]'
send_keys Space
wait_for "paused"
iters=$(token iter)
is_num "$iters" || fail "no iteration count on the status line: $iters"

send_keys R
wait_for "Report written to /" 120
report=$(ls "$work"/dnn-tutor-report-*.md 2>/dev/null | head -n 1)
[ -n "$report" ] || fail "no dnn-tutor-report-*.md in $work"
# The note says the full path (the screen may wrap it: compare without line breaks).
screen | tr -d '\n' | grep -qF "$report" || fail "the note does not name $report"
grep -qF "Cost after iteration 0: 0.693048" "$report" || fail "no course cost line in $report"
grep -qF -- "--hidden 4 --activation tanh --init course-w3 --seed 2 --lr 1.2 --iterations $iters " "$report" ||
    fail "the report is not about the run on screen ($iters iterations): $(grep -m1 'dnn-tutor report' "$report")"
ls "${report%.md}"-cost-*.svg >/dev/null 2>&1 || fail "no cost figure beside $report"
ls "$work" | grep -q '\.tmp' && fail "a temporary file was left in $work"

# The trainer goes on after the report.
send_keys Space
wait_until 'i=$(token iter); is_num "$i" && [ "$i" -gt "$iters" ]'
send_keys q
wait_for "app-exit-0"
shell_usable "after q"
exit 0
