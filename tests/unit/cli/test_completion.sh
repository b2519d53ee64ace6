#!/usr/bin/env bash
# The bash completion (completions/dnn-tutor.bash) completes the commands, each
# command's options exactly as its --help lists them, and the values of the
# options that take a name — each value one that --help names. The zsh one
# is checked for syntax when zsh is installed.
set -u
bin=${DNN_TUTOR_BINARY:?}
src=${DNN_TUTOR_SOURCE_ROOT:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
mkdir "$tmp/bin" "$tmp/empty"
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
ln -s "$bin" "$tmp/bin/dnn-tutor"
cd "$tmp/empty"  # no file or directory names among the values
PATH="$tmp/bin:$PATH"
# shellcheck source=/dev/null
. "$src/completions/dnn-tutor.bash"
complete -p dnn-tutor >/dev/null 2>&1 || fail "the completion does not register for dnn-tutor"

comp() { # words… (the last is the one being completed) → the candidates, sorted
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _dnn_tutor dnn-tutor "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  printf '%s\n' "${COMPREPLY[@]}" | sort -u | tr '\n' ' '
}
has() { # description list word…
  local what=$1 list=" $2 " w
  shift 2
  for w in "$@"; do
    case $list in *" $w "*) ;; *) fail "$what: '$w' is not offered (got: $list)" ;; esac
  done
}

has "commands" "$(comp dnn-tutor '')" train sweep stepper trainer predict report lessons
[ "$(comp dnn-tutor tr)" = "train trainer " ] || fail "'tr' completes to '$(comp dnn-tutor tr)', want train trainer"
has "global options" "$(comp dnn-tutor --)" --help --version --lessons --lang --no-color --ascii
for cmd in train sweep stepper trainer predict report; do
  want=$("$bin" $cmd --help | grep -oE -- '(^|[ ,])--?[a-zA-Z][a-zA-Z0-9-]*' | sed 's/^[ ,]*//' | grep -- '^--' | sort -u | tr '\n' ' ')
  got=$(comp dnn-tutor $cmd --)
  [ "$got" = "$want" ] || fail "$cmd --: offers '$got', --help lists '$want'"
done
has "lessons" "$(comp dnn-tutor lessons '')" check

# Values: offered, and each one named by --help.
has "--dataset" "$(comp dnn-tutor train --dataset '')" planar circles moons blobs quantiles cancer digits
values_in_help() { # cmd option list
  local cmd=$1 opt=$2 v help
  help=$("$bin" "$cmd" --help)
  for v in $3; do
    grep -qw -- "$v" <<<"$help" || fail "$cmd $opt offers '$v', which $cmd --help does not name"
  done
}
for o in --dataset --activation --init --assignment; do
  list=$(comp dnn-tutor train "$o" '')
  [ -n "$list" ] || fail "train $o offers nothing"
  values_in_help train "$o" "$list"
done
for o in --format --lang; do
  list=$(comp dnn-tutor report "$o" '')
  [ -n "$list" ] || fail "report $o offers nothing"
  values_in_help report "$o" "$list"
done
touch "$tmp/mine.csv" "$tmp/other.txt"
has "a CSV file for --dataset" "$(comp dnn-tutor train --dataset "$tmp/m")" "$tmp/mine.csv"
touch "$tmp/me.png" "$tmp/me.JPG" "$tmp/me.jpeg" "$tmp/me.txt"
[ "$(comp dnn-tutor predict --image "$tmp/me")" = "$tmp/me.JPG $tmp/me.jpeg $tmp/me.png " ] ||
  fail "--image offers '$(comp dnn-tutor predict --image "$tmp/me")', want the PNG and JPEG files only"

# exercises: the actions; for hint every id `exercises list` names and no
# other, for check the assignments too; --dir and init a folder
export HOME="$tmp" XDG_STATE_HOME="$tmp/state"
has "exercises actions" "$(comp dnn-tutor exercises '')" list check watch hint init
ids=$("$bin" exercises list | awk '{ print $1 }' | sort -u | tr '\n' ' ')
[ -n "$ids" ] || fail "exercises list names no exercise"
[ "$(comp dnn-tutor exercises hint '')" = "$ids" ] || fail "exercises hint offers '$(comp dnn-tutor exercises hint '')', want '$ids'"
[ "$(comp dnn-tutor exercises check w4a1/L_model_)" = "w4a1/L_model_backward w4a1/L_model_forward " ] ||
  fail "exercises check w4a1/L_model_ offers '$(comp dnn-tutor exercises check w4a1/L_model_)'"
has "check's assignments" "$(comp dnn-tutor exercises --dir "$tmp" check w4a1/L_model_backward w4a)" w4a1 w4a2 w4a1/linear_forward
mkdir "$tmp/folder"
[ "$(comp dnn-tutor exercises init "$tmp/fo")" = "$tmp/folder " ] || fail "exercises init offers '$(comp dnn-tutor exercises init "$tmp/fo")'"
[ "$(comp dnn-tutor exercises check --dir "$tmp/fo")" = "$tmp/folder " ] || fail "--dir offers '$(comp dnn-tutor exercises check --dir "$tmp/fo")'"

if command -v zsh >/dev/null 2>&1; then
  zsh -n "$src/completions/_dnn-tutor" || fail "the zsh completion does not parse"
else
  echo "note: zsh is not installed; the zsh completion is not checked"
fi
bash -n "$src/completions/dnn-tutor.bash" || fail "the bash completion does not parse"

if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "ok: bash completion"
