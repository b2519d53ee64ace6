#!/usr/bin/env bash
# dnn-tutor exercises from the outside: init copies the stubs and never
# overwrites a learner's file; every stub fails with "not implemented"; the
# reference solutions pass every exercise; every recognised-mistake variant
# (written by tests/exercise/make_mistakes.py into a temp folder) is named; list, hint, --json, exit
# codes and the progress file. Skipped (77) without a Python that has numpy,
# or before the exercise files exist.
set -u
bin=${DNN_TUTOR_BINARY:?}
src=${DNN_TUTOR_SOURCE_ROOT:?}
# The shipped exercises: the data root the binary uses (DNN_TUTOR_DATADIR or the source tree).
root=${DNN_TUTOR_DATADIR:-$src}/exercises
. "$(dirname "$0")/lib.sh"
export XDG_STATE_HOME=$tmp/state HOME=$tmp/home
mkdir -p "$HOME"

have_numpy=
for p in "${DNN_TUTOR_PYTHON:-}" python3 /usr/bin/python3; do
  [ -n "$p" ] && "$p" -c 'import numpy' >/dev/null 2>&1 && have_numpy=$p && break
done
if [ -z "$have_numpy" ]; then
  echo "SKIP: no Python 3 with numpy (Debian: apt install python3-numpy)"; exit 77
fi
export DNN_TUTOR_PYTHON=$have_numpy  # found once: no probing per run
if [ ! -f "$root/exercises.json" ] || [ ! -d "$root/solutions" ]; then
  echo "SKIP: $root has no exercises.json or solutions yet"; exit 77
fi

run() { # expected-exit description command…
  local want=$1 what=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "$what: exit $got, want $want (stderr: $(head -c 300 "$tmp/err"))"
}
# field of the JSON document in $tmp/out: py EXPR (d is the document)
py() { "$have_numpy" -c "import json,sys; d=json.load(open('$tmp/out')); print($1)"; }

# usage
run 2 "no action" "$bin" exercises
run 2 "unknown action" "$bin" exercises frobnicate
run 2 "unknown exercise" "$bin" exercises check w9a9/nothing --dir "$tmp"
run 2 "bad timeout" "$bin" exercises check --timeout -1
run 0 "help" "$bin" exercises --help
grep -q "exercises check" "$tmp/out" || fail "--help does not describe check"

# init: the stubs and the helper modules, remembered in the progress file
run 0 "init" "$bin" exercises init "$tmp/ex"
for a in w2a1 w2a2 w3a1 w4a1 w4a2; do
  [ -f "$root/stubs/$a.py" ] && { cmp -s "$root/stubs/$a.py" "$tmp/ex/$a.py" || fail "init did not copy $a.py"; }
done
[ -f "$tmp/ex/dnn_utils.py" ] || fail "init did not copy the helper modules"
grep -q "\"dir\"" "$XDG_STATE_HOME/dnn-tutor/progress.json" || fail "init did not remember the folder"
echo "# mine" >>"$tmp/ex/w4a1.py"
cp "$tmp/ex/w4a1.py" "$tmp/w4a1.mine"
run 0 "init again" "$bin" exercises init "$tmp/ex"
cmp -s "$tmp/ex/w4a1.py" "$tmp/w4a1.mine" || fail "init overwrote the learner's w4a1.py"
grep -q "kept w4a1.py" "$tmp/out" || fail "init did not say it kept w4a1.py"

# list
run 0 "list" "$bin" exercises list
grep -Eq "^w4a1/L_model_backward +todo" "$tmp/out" || fail "list does not show w4a1/L_model_backward as todo"
run 0 "list --json" "$bin" exercises list --json
[ "$(py "len(d['exercises'])")" -ge 10 ] || fail "list --json lists fewer than 10 exercises"

# hint
run 0 "hint" "$bin" exercises hint w4a1/linear_forward
grep -q "linear_forward" "$tmp/out" || fail "hint does not name the function"
run 2 "hint without id" "$bin" exercises hint
grep -q "wants one exercise id" "$tmp/err" || fail "hint without id does not say it wants one: $(cat "$tmp/err")"
run 2 "hint of two ids" "$bin" exercises hint w4a1/linear_forward w4a1/linear_backward
run 2 "init of two folders" "$bin" exercises init "$tmp/a" "$tmp/b"
grep -q "takes one folder" "$tmp/err" || fail "init of two folders does not say it takes one: $(cat "$tmp/err")"
[ ! -e "$tmp/a" ] && [ ! -e "$tmp/b" ] || fail "init of two folders created one"

# the stubs: not implemented (the folder init remembered is the default)
for a in w2a1 w2a2 w3a1 w4a1 w4a2; do
  run 1 "stubs of $a" "$bin" exercises check "$a" --json
  bad=$(py "[e['id'] for e in d['exercises'] if e['status'] != 'not-implemented']")
  [ "$bad" = "[]" ] || fail "stubs of $a that are not 'not implemented': $bad"
  [ "$(py "len(d['exercises'])")" -ge 2 ] || fail "stubs of $a: fewer than 2 exercises checked"
done

# the reference solutions pass everything
mkdir -p "$tmp/sol"
cp "$root"/lib/*.py "$tmp/sol/"
cp "$root"/solutions/*.py "$tmp/sol/"
# the assignments dnn-tutor checks (list shows only those)
"$bin" exercises list --json >"$tmp/list.json"
ids=$("$have_numpy" -c "import json; j=json.load(open('$tmp/list.json')); print(' '.join(sorted(set(e['id'].split('/')[0] for e in j['exercises']))))")
run 0 "solutions pass" "$bin" exercises check $ids --dir "$tmp/sol" --json
bad=$(py "[(e['id'], e['message']) for e in d['exercises'] if e['status'] != 'pass']")
[ "$bad" = "[]" ] || fail "solutions that do not pass: $bad"
[ "$(py "d['python']['numpy'] != ''")" = True ] || fail "--json does not say which python"
# --json's cases: name, inputs, expected and got as nested lists, the verdict;
# a hidden case's expected is null (the text output does not show it either)
run 0 "json cases" "$bin" exercises check w2a2/propagate --dir "$tmp/sol" --json
cases_ok=$(py "all(set(c) >= {'name', 'hidden', 'inputs', 'status', 'message', 'expected', 'got'} for c in d['exercises'][0]['cases'])")
[ "$cases_ok" = True ] || fail "--json cases lack a field: $(py "d['exercises'][0]['cases']")"
[ "$(py "d['exercises'][0]['cases'][0]['name']")" = "w [[1], [2]], b 1.5, X (2, 3), Y [[1, 1, 0]]" ] ||
  fail "--json: the first propagate case is $(py "d['exercises'][0]['cases'][0]['name']")"
want='([[0.25071532], [-0.06604096]], -0.12500405, 0.15900538)'
for side in expected got; do
  got=$(py "(lambda c: str(([[round(r[0], 8)] for r in c[0]['dw']], round(c[0]['db'], 8), round(c[1], 8))))(d['exercises'][0]['cases'][0]['$side'])")
  [ "$got" = "$want" ] || fail "--json: the notebook's propagate case has $side $got, want $want"
done
[ "$(py "[c['status'] for c in d['exercises'][0]['cases']]")" = "['pass', 'pass', 'pass']" ] ||
  fail "--json: propagate's case statuses are $(py "[c['status'] for c in d['exercises'][0]['cases']]")"
[ "$(py "[(c['hidden'], c['expected'] is None, c['got'] is None) for c in d['exercises'][0]['cases']]")" = \
  "[(False, False, False), (False, False, False), (True, True, False)]" ] ||
  fail "--json shows a hidden case's expected, or hides a visible one's: $(py "[(c['hidden'], c['expected']) for c in d['exercises'][0]['cases']]")"
# a value off by more than the case's tolerance: the verdict states the
# tolerance, in the text (both languages) and in --json
mkdir -p "$tmp/tol"
cp "$tmp"/sol/*.py "$tmp/tol/"
sed '0,/math.exp(-x)/s//math.exp(-x) * 1.001/' "$root/solutions/w2a1.py" >"$tmp/tol/w2a1.py"
run 1 "a value off" "$bin" exercises check w2a1/basic_sigmoid --dir "$tmp/tol" --lang en
grep -qF "(allowed difference: 1e-12 + 1e-10·|expected|)" "$tmp/out" ||
  fail "the text verdict does not state the tolerance: $(cat "$tmp/out")"
run 1 "a value off, zh" "$bin" exercises check w2a1/basic_sigmoid --dir "$tmp/tol" --lang zh
grep -qF "（允许的差：1e-12 + 1e-10·|应为|）" "$tmp/out" ||
  fail "the Chinese verdict does not state the tolerance: $(cat "$tmp/out")"
run 1 "a value off, json" "$bin" exercises check w2a1/basic_sigmoid --dir "$tmp/tol" --json
[ "$(py "d['exercises'][0]['cases'][0]['tolerance']")" = "{'atol': 1e-12, 'rtol': 1e-10}" ] ||
  fail "--json does not give the failing case's tolerance: $(py "d['exercises'][0]['cases'][0]")"
py "d['exercises'][0]['message']" | grep -qF "allowed difference: 1e-12" ||
  fail "--json's message does not state the tolerance: $(py "d['exercises'][0]['message']")"
run 0 "text check of one" "$bin" exercises check w4a1/linear_forward --dir "$tmp/sol"
grep -q "^python: " "$tmp/out" || fail "check does not say which python it used"
grep -q "1 of 1 passed" "$tmp/out" || fail "check does not count the passes"

# progress records the statuses
st=$("$have_numpy" -c "import json; print(json.load(open('$XDG_STATE_HOME/dnn-tutor/progress.json'))['exercises']['status']['w4a1/linear_forward'])")
[ "$st" = pass ] || fail "progress records w4a1/linear_forward as '$st', not pass"
run 0 "list after the checks" "$bin" exercises list
grep -Eq "^w4a1/linear_forward +pass" "$tmp/out" || fail "list does not show w4a1/linear_forward as passed"

# every recognised mistake is named: by its id, with its sentence
"$have_numpy" "$src/tests/exercise/make_mistakes.py" "$tmp/mistakes" >/dev/null ||
  fail "tests/exercise/make_mistakes.py could not write the mistake variants"
index=$tmp/mistakes/INDEX
n_mistakes=0
while IFS=$'\t' read -r id mistake file what; do
  case "$id" in ''|\#*) continue ;; esac
  a=${id%%/*}
  grep -q "\"$id\"" "$tmp/list.json" || { fail "the mistake $file is for $id, which exercises list does not name"; continue; }
  rm -rf "$tmp/m"; mkdir -p "$tmp/m"
  cp "$root"/lib/*.py "$tmp/m/"
  cp "$root"/solutions/*.py "$tmp/m/"
  cp "$tmp/mistakes/$file" "$tmp/m/$a.py"
  "$bin" exercises check "$id" --dir "$tmp/m" --json >"$tmp/out" 2>"$tmp/err"
  got=$(py "d['exercises'][0]['mistake']")
  [ "$got" = "$mistake" ] || fail "$id: $file is named '$got', want '$mistake' ($(py "d['exercises'][0]['message']"))"
  n_mistakes=$((n_mistakes + 1))
done <"$index"
[ "$n_mistakes" -ge 60 ] || fail "only $n_mistakes mistake variants were checked"

finish "all exercise CLI checks passed"
