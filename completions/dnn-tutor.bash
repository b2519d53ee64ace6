# bash completion for dnn-tutor                                  -*- shell-script -*-
# Installed as share/bash-completion/completions/dnn-tutor. The commands and
# each command's options are read from `dnn-tutor --help` and `dnn-tutor
# COMMAND --help`, so they follow the binary; the values of the options that
# take a name are listed here (tests/unit/cli/test_completion.sh bash checks
# each list is exactly the names the binary accepts, each named by --help).

_dnn_tutor_commands()
{
    "$1" --help 2>/dev/null | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }'
}

_dnn_tutor_options()
{
    "$1" ${2:+"$2"} --help 2>/dev/null | grep -oE -- '(^|[ ,])--?[a-zA-Z][a-zA-Z0-9-]*' | sed 's/^[ ,]*//' | sort -u
}

# The exercise ids `dnn-tutor exercises list` names; for check (ACTION) also
# the assignments (w4a1), which check takes whole.
_dnn_tutor_exercise_ids()
{
    local ids
    ids=$("$1" exercises list 2>/dev/null | awk '{ print $1 }')
    printf '%s\n' $ids
    if [[ $2 == check ]]; then
        printf '%s\n' $ids | sed 's,/.*,,' | sort -u
    fi
}

_dnn_tutor()
{
    local cur prev words cword
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion -s || return
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi
    local prog=${words[0]} cmd="" i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
        -*) ;;
        *) cmd=${words[i]}; break ;;
        esac
    done

    case $prev in
    --dataset)
        COMPREPLY=($(compgen -W "planar circles moons blobs quantiles cancer digits cat" -- "$cur"))
        COMPREPLY+=($(compgen -f -X '!*.csv' -- "$cur") $(compgen -f -X '!*.h5' -- "$cur") $(compgen -d -- "$cur"))
        return ;;
    --activation)
        COMPREPLY=($(compgen -W "tanh relu leaky-relu sigmoid" -- "$cur")); return ;;
    --init)
        COMPREPLY=($(compgen -W "course-w3 course-w4 zeros" -- "$cur")); return ;;
    --format)
        COMPREPLY=($(compgen -W "md html" -- "$cur")); return ;;
    --lang)
        COMPREPLY=($(compgen -W "zh en" -- "$cur")); return ;;
    --assignment)
        COMPREPLY=($(compgen -W "w2-logreg w3-planar w4-two-layer w4-deep" -- "$cur")); return ;;
    --lessons | --course-data | --dir)
        COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --test-data)
        COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --image)
        COMPREPLY=($(compgen -f -X '!*.[pP][nN][gG]' -- "$cur") $(compgen -f -X '!*.[jJ][pP][gG]' -- "$cur")
            $(compgen -f -X '!*.[jJ][pP][eE][gG]' -- "$cur") $(compgen -d -- "$cur")); return ;;
    -o | --output)
        COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --hidden | --layers | --seed | --lr | --iterations | --print-every | --test-split | --data-seed | --threads | --timeout)
        return ;;
    esac

    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$(_dnn_tutor_options "$prog") --version" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$(_dnn_tutor_commands "$prog")" -- "$cur"))
        fi
        return
    fi
    if [[ $cmd == lessons ]]; then
        if [[ ${words[cword - 1]} == lessons ]]; then
            COMPREPLY=($(compgen -W "check" -- "$cur"))
        else
            COMPREPLY=($(compgen -d -- "$cur"))
        fi
        return
    fi
    if [[ $cmd == exercises && $cur != -* ]]; then
        local action="" j
        for ((j = i + 1; j < cword; j++)); do
            case ${words[j]} in
            --dir | --timeout | --lang) ((j++)) ;;
            -*) ;;
            *) action=${words[j]}; break ;;
            esac
        done
        case $action in
        "") COMPREPLY=($(compgen -W "list check watch hint init" -- "$cur")) ;;
        check | hint) COMPREPLY=($(compgen -W "$(_dnn_tutor_exercise_ids "$prog" "$action")" -- "$cur")) ;;
        init) COMPREPLY=($(compgen -d -- "$cur")) ;;
        esac
        return
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_dnn_tutor_options "$prog" "$cmd")" -- "$cur"))
    fi
} &&
    complete -F _dnn_tutor dnn-tutor
