#!/usr/bin/env bash
# The shell completions, bash (completions/dnn-tutor.bash) or zsh
# (completions/_dnn-tutor) as the first argument says, complete the commands
# --help lists, each command's options exactly as its --help lists them, and
# the values of the options that take a name: exactly the names the binary
# accepts (its refusal of a wrong name lists them), each one --help names.
# zsh's completion runs in a plain zsh with the completion system's functions
# (compadd, _describe, _values, _alternative, _files, _directories) replaced by
# ones that print the candidates matching the word; skipped without zsh.
set -u
shell=${1:?usage: test_completion.sh bash|zsh}
bin=${DNN_TUTOR_BINARY:?}
src=${DNN_TUTOR_SOURCE_ROOT:?}
if [ "$shell" = zsh ] && ! command -v zsh >/dev/null 2>&1; then
  echo "SKIP: zsh is not installed (scripts/deps.sh --test installs it)"
  exit 77
fi
. "$(dirname "$0")/lib.sh"
mkdir "$tmp/bin" "$tmp/empty"
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
ln -s "$bin" "$tmp/bin/dnn-tutor"
cd "$tmp/empty"  # no file or directory names among the values
PATH="$tmp/bin:$PATH"

if [ "$shell" = bash ]; then
  bash -n "$src/completions/dnn-tutor.bash" || fail "the bash completion does not parse"
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
else
  zsh -n "$src/completions/_dnn-tutor" || fail "the zsh completion does not parse"
  cat >"$tmp/drive.zsh" <<'ZSH'
# zsh -f drive.zsh COMPLETION WORD… : completes the last WORD as zsh would
# call the completion, printing the candidates that start with it.
file=$1; shift
words=("$@"); CURRENT=$#; PREFIX=${words[CURRENT]}
_offer() { local w; for w in "$@"; do [[ ${w[1,$#PREFIX]} == "$PREFIX" ]] && print -r -- "$w"; done; return 0 }
compadd() { [[ $1 == -- ]] && shift; _offer "$@" }
_describe() { local -a pairs; pairs=("${(@P)2}"); _offer "${pairs[@]%%:*}" }
_values() { shift; _offer "$@" }
_alternative() { # 'tag:description:(word …)' or 'tag:description:command'
  local spec action
  for spec in "$@"; do
    action=${spec#*:*:}
    if [[ $action == \(*\) ]]; then _offer ${=${action#\(}%\)}; else eval "$action"; fi
  done
}
_files() { # -g PATTERN: the files matching it, and directories
  local pat='*' f; [[ $1 == -g ]] && pat=$2
  for f in ${PREFIX}*(N); do [[ -d $f || ${f:t} == ${~pat} ]] && print -r -- "$f"; done; return 0
}
_directories() { local f; for f in ${PREFIX}*(N/); do print -r -- "$f"; done; return 0 }
source "$file"
ZSH
  comp() { # words… (the last is the one being completed) → the candidates, sorted
    zsh -f "$tmp/drive.zsh" "$src/completions/_dnn-tutor" "$@" | sort -u | tr '\n' ' '
  }
fi
help_options() { # [cmd] → the long options its --help lists, sorted
  "$bin" "$@" --help | grep -oE -- '(^|[ ,])--?[a-zA-Z][a-zA-Z0-9-]*' | sed 's/^[ ,]*//' | grep -- '^--' | sort -u | tr '\n' ' '
}
want=$("$bin" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }' | sort | tr '\n' ' ')
[ "$(comp dnn-tutor '')" = "$want" ] || fail "the commands: offers '$(comp dnn-tutor '')', --help lists '$want'"
has "commands" "$want" train sweep stepper trainer predict report lessons exercises
[ "$(comp dnn-tutor tr)" = "train trainer " ] || fail "'tr' completes to '$(comp dnn-tutor tr)', want train trainer"
[ "$(comp dnn-tutor --)" = "$(help_options)" ] || fail "global options: offers '$(comp dnn-tutor --)', --help lists '$(help_options)'"
for cmd in train sweep stepper trainer predict report; do
  want=$(help_options $cmd)
  got=$(comp dnn-tutor $cmd --)
  [ "$got" = "$want" ] || fail "$cmd --: offers '$got', --help lists '$want'"
done
has "lessons" "$(comp dnn-tutor lessons '')" check

# Values: exactly the names the binary accepts (its refusal of a wrong one
# lists them: "expected tanh, relu, leaky-relu or sigmoid", "use planar, …, cat,
# or the path of a CSV or HDF5 file"), and each one named by --help.
accepted() { # cmd option → the names listed when it refuses a wrong value, sorted
  "$bin" "$1" "$2" not-a-name >/dev/null 2>"$tmp/refusal"
  sed -E 's/.*(: expected |: use )//; s/, got .*//; s/, or the path .*//; s/,? or / /g; s/,/ /g' "$tmp/refusal" |
    tr ' ' '\n' | grep . | sort -u | tr '\n' ' '
}
values_in_help() { # cmd option list
  local cmd=$1 opt=$2 v help
  help=$("$bin" "$cmd" --help)
  for v in $3; do
    grep -qw -- "$v" <<<"$help" || fail "$cmd $opt offers '$v', which $cmd --help does not name"
  done
}
for co in "train --dataset" "train --activation" "train --init" "train --assignment" \
          "report --format" "report --lang"; do
  set -- $co
  list=$(comp dnn-tutor "$1" "$2" '')
  want=$(accepted "$1" "$2")
  case $want in *" "*" "*) ;; *) fail "$1 $2 not-a-name: no list of names in '$(cat "$tmp/refusal")'" ;; esac
  [ "$list" = "$want" ] || fail "$1 $2 offers '$list', the binary accepts '$want'"
  values_in_help "$1" "$2" "$list"
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

finish "ok: $shell completion"
