# trainer_lib.sh — sourced (after lib.sh) by the trainer's e2e scripts:
# reading the trainer's status line and polling a condition.
#
#   status                 the status line (iter … cost … lr …), "" when not shown
#   token NAME             the value after NAME on the status line ("" when not shown)
#   wait_until COND [SEC]  polls the shell condition COND every 50 ms, fails after SEC (10) s
#   is_num TEXT            TEXT is a number (digits and a point)

status() { screen | grep -m1 '^iter ' || true; }
token() {
    status | awk -v want="$1" '{ for (i = 1; i < NF; i++) if ($i == want) { print $(i + 1); exit } }'
}
wait_until() {
    local deadline=$(( $(e2e_now_ms) + ${2:-10} * 1000 ))
    until eval "$1"; do
        [ "$(e2e_now_ms)" -lt "$deadline" ] || fail "timed out after ${2:-10}s waiting until: $1"
        sleep 0.05
    done
}
is_num() { case "$1" in '' | *[!0-9.]*) return 1 ;; esac; }
