# lib.sh — what every cli test script shares. Source it after `set -u` (and
# after setting bin, root, … from meson's environment):
#
#   $tmp            a fresh directory, removed on exit (made writable first, so
#                   a test may leave read-only files and folders in it)
#   fail MESSAGE    prints "FAIL: MESSAGE" and counts it in $failures; the
#                   test goes on, so one run shows every failure
#   finish [TEXT]   the end of a test: exit 1 with the count of failures when
#                   there were any, else print TEXT (when given) and exit 0
tmp=$(mktemp -d)
trap 'chmod -R u+rw "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
finish() {
  if [ "$failures" -gt 0 ]; then
    echo "$failures failure(s)"
    exit 1
  fi
  [ $# -eq 0 ] || echo "$*"
  exit 0
}
