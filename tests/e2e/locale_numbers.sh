#!/usr/bin/env bash
# Under a locale whose decimal mark is a comma, the screens still print the
# course's numbers with a point (cost 0.69…, lr 1.2), as the notebook does.
# Skipped (77) when no such locale is installed.
here=$(cd "$(dirname "$0")" && pwd)
locale_name=$(locale -a 2>/dev/null | grep -iE '^(de_DE|fr_FR|ru_RU)\.utf-?8$' | head -n 1)
if [ -z "$locale_name" ]; then
    echo "no comma-decimal UTF-8 locale installed: skipped"
    exit 77
fi
. "$here/lib.sh"

type_text "LC_ALL=$locale_name '$E2E_BIN' trainer --dataset planar --hidden 4 --lr 1.2; echo app-exit-\$?"
send_keys Enter
# The status line, once it shows a cost with either decimal mark.
deadline=$(( $(e2e_now_ms) + 30000 ))
until screen | grep -E '^iter [0-9]+ +cost [0-9]+[.,][0-9]' >/dev/null; do
    [ "$(e2e_now_ms)" -lt "$deadline" ] || fail "timed out waiting for the status line"
    sleep 0.05
done
screen | grep -E '^iter [0-9]+ +cost [0-9]+\.[0-9]{6} .* lr 1\.2 ' >/dev/null ||
    fail "the status line does not print its numbers with a decimal point"
send_keys q
wait_for "app-exit-0" 10
shell_usable "after q"
echo "numbers keep their decimal point under $locale_name"
