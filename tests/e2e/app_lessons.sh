#!/usr/bin/env bash
# app_lessons.sh — --lessons DIR: a broken lesson file is reported in the app
# and skipped while the good ones load; a corrupt progress file is set aside
# with a notice and the app starts fresh.
set -u
. "$(dirname "$0")/lib.sh"

src=${DNN_TUTOR_SOURCE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
mkdir -p "$E2E_TMP/lessons" "$E2E_STATE/dnn-tutor"
cp "$src/lessons/week1.json" "$E2E_TMP/lessons/week1.json"
printf '{ "schema_version": 1, "weeks": [ {"id": "w9", ' > "$E2E_TMP/lessons/week9.json"
printf '{"version": 1, "done": [' > "$E2E_PROGRESS"

start_app --lessons "$E2E_TMP/lessons"
wait_for "Course map"
wait_for "1 lesson file(s) skipped"
wait_for "week9.json"
wait_for "progress file was corrupt"
wait_for "Week 1"
assert_not_on_screen "Week 3"
send_keys q
wait_for "app-exit-0"
ls "$E2E_STATE/dnn-tutor" | grep -q "progress.json.corrupt-" || fail "the corrupt progress file was not set aside"
[ -f "$E2E_PROGRESS" ] || fail "no fresh progress file was written"

# A directory with no usable lesson at all: a clear error, exit 1.
mkdir -p "$E2E_TMP/empty"
start_app --lessons "$E2E_TMP/empty"
wait_for "app-exit-1"
wait_for "dnn-tutor: no lessons to show"
echo "app_lessons.sh: ok"
