# lib.sh — sourced by every e2e script: the real dnn-tutor binary inside an
# isolated tmux server, driven by keys, checked by polling the screen.
#
#   start_app [ARGS…]        run dnn-tutor ARGS in the test shell
#   send_keys KEY…           tmux send-keys (Enter, Escape, C-c, literal text)
#   type_text TEXT           send TEXT literally
#   wait_for TEXT [SECONDS]  poll capture-pane every 50 ms until TEXT shows (default 10 s)
#   assert_not_on_screen TEXT
#   press_until KEY TEXT [MAX]  press KEY (waiting for each redraw to finish) until TEXT shows
#   shell_usable WHAT        after the app left: the shell echoes what is typed,
#                            runs it, and the tty modes equal those before the app
#   resize W H               resize the window
#   screen                   print the screen
#   fail MESSAGE             print the screen and exit 1
#
# Isolation: a unique socket (-L dnn-e2e-PID-RANDOM), no config (-f /dev/null),
# escape-time 0, no status line, 80×24, LANG=C.UTF-8, LINES/COLUMNS unset,
# XDG_STATE_HOME and HOME in a fresh temp dir. The server is killed on exit.
# Exits 77 (skipped) when tmux is missing.
#
# Sanitizers: the app writes its reports to files (log_path), not to its
# stderr, which is parked while curses owns the screen; any report fails the
# test at exit, printed with the screen. start_app clears the screen first, so
# "app-exit-N" can only be the exit status of the run just started.

if ! command -v tmux >/dev/null 2>&1; then
    echo "tmux is not installed: skipping"
    exit 77
fi

E2E_BIN=${DNN_TUTOR_BINARY:-}
if [ -z "$E2E_BIN" ] || [ ! -x "$E2E_BIN" ]; then
    echo "DNN_TUTOR_BINARY is not set to the dnn-tutor binary" >&2
    exit 1
fi
E2E_SOCKET="dnn-e2e-$$-$RANDOM"
E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/dnn-e2e.XXXXXX")
E2E_STATE="$E2E_TMP/state"
E2E_PROGRESS="$E2E_STATE/dnn-tutor/progress.json"
unset LINES COLUMNS TMUX NO_COLOR

e2e_tmux() {
    tmux -L "$E2E_SOCKET" -f /dev/null "$@"
}

e2e_sanitizer_reports() {
    local f found=1
    for f in "$E2E_TMP"/sanitizer.*; do
        [ -f "$f" ] || continue
        found=0
        echo "---- sanitizer report $f ----" >&2
        cat "$f" >&2
    done
    return $found
}

e2e_cleanup() {
    local status=$?
    if e2e_sanitizer_reports; then
        echo "FAIL: a sanitizer reported an error (above)" >&2
        echo "---- screen ----" >&2
        screen >&2
        status=1
    fi
    e2e_tmux kill-server >/dev/null 2>&1
    # An app killed with the server may still be saving its progress.
    rm -rf "$E2E_TMP" 2>/dev/null || { sleep 0.5; rm -rf "$E2E_TMP"; }
    exit "$status"
}
trap e2e_cleanup EXIT
trap 'exit 1' INT TERM HUP

# A plain shell in an 80×24 window; the app is started from it, so the shell
# prompt can be checked after the app quits.
e2e_san="log_path=$E2E_TMP/sanitizer"
e2e_tmux new-session -d -s e2e -x 80 -y 24 \
    env -i PATH="$PATH" TERM=tmux-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 \
    HOME="$E2E_TMP" XDG_STATE_HOME="$E2E_STATE" PS1='e2e$ ' E2E_STTY="$E2E_TMP/stty" \
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}$e2e_san" \
    UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}print_stacktrace=1:$e2e_san" \
    TSAN_OPTIONS="${TSAN_OPTIONS:+$TSAN_OPTIONS:}$e2e_san" sh \; \
    set -g escape-time 0 \; set -g status off \; set -g remain-on-exit off
e2e_tmux resize-window -t e2e -x 80 -y 24 >/dev/null 2>&1
# The tty modes before any app ran, for shell_usable.
e2e_tmux send-keys -t e2e -l -- 'stty -g > "$E2E_STTY"; clear'
e2e_tmux send-keys -t e2e Enter
e2e_deadline=$(( $(date +%s) + 10 ))
until [ -s "$E2E_TMP/stty" ]; do
    [ "$(date +%s)" -lt "$e2e_deadline" ] || { echo "FAIL: the test shell did not start" >&2; exit 1; }
    sleep 0.05
done

e2e_now_ms() {
    date +%s%3N
}

screen() {
    e2e_tmux capture-pane -p -t e2e
}

fail() {
    echo "FAIL: $*" >&2
    echo "---- screen ----" >&2
    screen >&2
    echo "----------------" >&2
    exit 1
}

send_keys() {
    e2e_tmux send-keys -t e2e "$@"
}

type_text() {
    e2e_tmux send-keys -t e2e -l -- "$1"
}

start_app() {
    local cmd="clear; '$E2E_BIN'"
    for a in "$@"; do cmd="$cmd '$a'"; done
    type_text "$cmd; echo app-exit-\$?"
    send_keys Enter
}

wait_for() {
    local text=$1 timeout=${2:-10}
    local deadline=$(( $(e2e_now_ms) + timeout * 1000 ))
    while :; do
        if screen | grep -qF -- "$text"; then
            return 0
        fi
        if [ "$(e2e_now_ms)" -ge "$deadline" ]; then
            fail "timed out after ${timeout}s waiting for: $text"
        fi
        sleep 0.05
    done
}

# Waits until the screen differs from $1 and then holds still for 100 ms, so
# a frame that reached tmux in two writes is not read half-drawn (or until
# 10 s pass: a key that changes nothing is not an error here).
e2e_wait_change() {
    local before=$1 deadline=$(( $(e2e_now_ms) + 10000 )) now prev
    now=$(screen)
    while [ "$now" = "$before" ] && [ "$(e2e_now_ms)" -lt "$deadline" ]; do
        sleep 0.05
        now=$(screen)
    done
    prev=$before
    while [ "$now" != "$prev" ] && [ "$(e2e_now_ms)" -lt "$deadline" ]; do
        prev=$now
        sleep 0.1
        now=$(screen)
    done
}

press_until() {
    local key=$1 text=$2 max=${3:-60} i=0
    while ! screen | grep -qF -- "$text"; do
        i=$((i + 1))
        [ "$i" -le "$max" ] || fail "pressed $key $max times without seeing: $text"
        local before
        before=$(screen)
        send_keys "$key"
        e2e_wait_change "$before"
    done
}

assert_not_on_screen() {
    if screen | grep -qF -- "$1"; then
        fail "unexpectedly on screen: $1"
    fi
}

shell_usable() {
    local n=$RANDOM
    # (73 columns with the prompt: one row at 80)
    type_text "stty -g|cmp -s - \"\$E2E_STTY\"&&echo tty-ok-\$(($n+1))||echo tty-bad"
    wait_for "echo tty-ok-\$(($n+1))"   # the tty echoes what is typed
    send_keys Enter
    local deadline=$(( $(e2e_now_ms) + 10000 ))
    until screen | grep -qF -- "tty-ok-$((n + 1))"; do
        screen | grep -qxF -- "tty-bad" && fail "the tty modes differ from before the app ($1)"
        [ "$(e2e_now_ms)" -lt "$deadline" ] || fail "the shell did not run what was typed ($1)"
        sleep 0.05
    done
}

resize() {
    e2e_tmux resize-window -t e2e -x "$1" -y "$2"
}
