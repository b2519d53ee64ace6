#!/usr/bin/env bash
# app_ascii.sh — a locale without UTF-8: ASCII twins of every glyph (marks,
# borders, arrows), English even if Chinese was saved, and NO_COLOR.
set -u
. "$(dirname "$0")/lib.sh"

type_text "LC_ALL=C LANG=C NO_COLOR=1 '$E2E_BIN'; echo app-exit-\$?"
send_keys Enter
wait_for "Course map"
wait_for "  > "                 # the current lesson's mark
wait_for " | "                  # the panel border
wait_for "^/v choose"
wait_for "L Chinese"
assert_not_on_screen "│"
assert_not_on_screen "▸"
send_keys Enter
wait_for "page 1/"
send_keys q
wait_for "Course map"
send_keys q
wait_for "app-exit-0"
shell_usable "after q in the C locale"
echo "app_ascii.sh: ok"
