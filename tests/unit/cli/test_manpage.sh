#!/usr/bin/env bash
# dnn-tutor(1) in step with --help: every command of `dnn-tutor --help` has
# an entry in doc/dnn-tutor.1, every option any --help lists is in the page,
# every option the page names is one some --help lists, and each range of
# weeks the page names is the one --help states. When groff is
# installed, the page also renders without warnings.
set -u
bin=${DNN_TUTOR_BINARY:?}
src=${DNN_TUTOR_SOURCE_ROOT:?}
page="$src/doc/dnn-tutor.1"
. "$(dirname "$0")/lib.sh"
[ -f "$page" ] || { echo "FAIL: $page is missing"; exit 1; }

commands=$("$bin" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }')
[ -n "$commands" ] || fail "dnn-tutor --help lists no commands"
opts() { grep -oE -- '(^|[ ,[|])--?[a-zA-Z][a-zA-Z0-9-]*' | sed 's/^[ ,[|]*//' | grep -- '^-'; }
help_opts=$( { "$bin" --help; for c in $commands; do "$bin" "$c" --help; done; } | opts | sort -u)
# The page writes a dash as \- (a hyphen inside a word may be plain).
page_text=$(sed 's/\\-/-/g; s/\\f[BIRP]//g' "$page")
page_opts=$(grep -v '^\.\\"' <<<"$page_text" | opts | sort -u)

for c in $commands; do
  grep -qE "^\.(B|BI) \"?$c( |\"|$)" "$page" || fail "the man page has no entry for the command '$c'"
done
for o in $help_opts; do
  grep -qx -- "$o" <<<"$page_opts" || fail "--help lists $o but the man page does not"
done
for o in $page_opts; do
  grep -qx -- "$o" <<<"$help_opts" || fail "the man page names $o but no --help lists it"
done
# The course's weeks: every "weeks A\(enB" of the page is the range --help states.
help_weeks=$("$bin" --help | grep -oE 'weeks [0-9]+-[0-9]+' | head -1 | sed 's/weeks //')
[ -n "$help_weeks" ] || fail "dnn-tutor --help states no range of weeks (weeks A-B)"
for w in $(grep -v '^\.\\"' "$page" | grep -oE 'weeks [0-9]+\\\(en[0-9]+' | sed 's/weeks //; s/\\(en/-/'); do
  [ "$w" = "$help_weeks" ] || fail "the man page says weeks $w, --help says weeks $help_weeks"
done
grep -qF "dnn-tutor $("$bin" --version | awk '{ print $2 }')" "$page" || fail "the man page's version is not $("$bin" --version)"

if command -v groff >/dev/null 2>&1; then
  warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
  [ -z "$warnings" ] || fail "groff warns: $warnings"
else
  echo "note: groff is not installed; the page's rendering is not checked"
fi

finish "ok: dnn-tutor(1) names every command and option --help does, and no other"
