#!/usr/bin/env bash
# app_exercise.sh — the exercise screen from the course map: the folder does
# not exist yet (i creates it), the stub gets ✗ "not implemented", our
# reference solution copied over the file gets ✓ after the recheck (the
# screen polls the file and checks on a worker), and `e` runs $EDITOR (a
# script that puts the stub back) with the screen handed over and restored.
# Skipped (77) when /usr/bin/python3 has no numpy.
set -u
. "$(dirname "$0")/lib.sh"

py=/usr/bin/python3
if ! "$py" -c 'import numpy' >/dev/null 2>&1; then
    echo "no numpy for $py: skipping"
    exit 77
fi
src=${DNN_TUTOR_SOURCE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
dir="$E2E_TMP/dnn-tutor-exercises"
cat > "$E2E_TMP/editor.sh" <<EOS
#!/bin/sh
echo "editor got \$1" >> "$E2E_TMP/editor.log"
cp "$src/exercises/stubs/w2a1.py" "\$1"
EOS
chmod +x "$E2E_TMP/editor.sh"
type_text "export DNN_TUTOR_PYTHON=$py EDITOR=$E2E_TMP/editor.sh"
send_keys Enter

start_app
wait_for "Course map"
send_keys x
wait_for "w2a1/basic_sigmoid"
wait_for "does not exist yet"
send_keys i
wait_for "files created"
[ -f "$dir/w2a1.py" ] || fail "i did not create $dir/w2a1.py"
# the stub: ✗ and the verdict (the first check also looks for Python)
wait_for "not implemented" 60
wait_for "✗ not yet"

# our solution over the file: the screen sees the save and checks again
cp "$src/exercises/solutions/w2a1.py" "$dir/w2a1.py.new"
mv "$dir/w2a1.py.new" "$dir/w2a1.py"
wait_for "✓ passes" 60
wait_for "Every case passes"
send_keys s
wait_for "Our solution"

# e: the editor runs on the real terminal and puts the stub back
send_keys e
wait_for "Exercise 1/" 20
n=0
until grep -qF "editor got $dir/w2a1.py" "$E2E_TMP/editor.log" 2>/dev/null; do
    n=$((n + 1)); [ $n -lt 200 ] || fail "the editor was not run on the file"; sleep 0.05
done
wait_for "not implemented" 60
wait_for "✗ not yet"

send_keys q
wait_for "Course map"
send_keys q
wait_for "app-exit-0"
shell_usable "after the exercise screen"
grep -q '"w2a1/basic_sigmoid":[[:space:]]*"fail"' "$E2E_PROGRESS" || fail "the progress does not record the exercise's fail: $(cat "$E2E_PROGRESS")"
grep -qF "\"$(cd "$dir" && pwd -P)\"" "$E2E_PROGRESS" ||
    fail "the progress does not remember the exercise folder: $(cat "$E2E_PROGRESS")"
echo "app_exercise.sh: ok"
