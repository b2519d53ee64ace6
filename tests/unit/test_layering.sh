#!/bin/sh
# The layers point one way: a file of src/LAYER includes ("../LAYER/…") only
# from layers below its own; curses only in tui; cJSON only in lesson and
# exercise; the monotonic clock read only by src/core/monoclock.c (mono_seconds).
# (Meson links each layer only with those below; this catches the includes
# that a path could smuggle past it.) Four greps, one awk.
root=${DNN_TUTOR_SOURCE_ROOT:-.}
cd "$root" || exit 1
{
  grep -rHoE --include='*.[ch]' '^#include "(\.\./)+[a-z]+/' src | sed 's/^/INC /'
  grep -rlE --include='*.[ch]' '#include <n?cursesw?(/[a-z]+)?\.h>' src | sed 's/^/CURSES /'
  grep -rlE --include='*.[ch]' '#include [<"](cjson/)?cJSON\.h[>"]' src | sed 's/^/CJSON /'
  grep -rlE --include='*.[ch]' 'clock_gettime\(CLOCK_MONOTONIC' src | sed 's/^/CLOCK /'
  ls -d src/*/ | sed 's/^/DIR /'
} | awk -v order="core data lab report lesson exercise ui tui cli" '
  BEGIN { n = split(order, o, " "); for (i = 1; i <= n; i++) rank[o[i]] = i }
  { split($2, p, "/"); layer = p[2] }
  $1 == "DIR" && !(layer in rank) { print "src/" layer " is not in the layer order: " order; bad = 1 }
  $1 == "INC" {
    file = $2; sub(/:.*/, "", file)
    used = $0; sub(/.*#include "(\.\.\/)+/, "", used); sub(/\/.*/, "", used)
    if (used != layer && (!(used in rank) || rank[used] >= rank[layer])) {
      print file ": src/" layer " includes from src/" used ", which is not below it"; bad = 1
    }
  }
  $1 == "CURSES" && layer != "tui" { print $2 ": curses outside src/tui"; bad = 1 }
  $1 == "CJSON" && layer != "lesson" && layer != "exercise" { print $2 ": cJSON outside src/lesson and src/exercise"; bad = 1 }
  $1 == "CLOCK" && $2 != "src/core/monoclock.c" { print $2 ": reads CLOCK_MONOTONIC itself; use mono_seconds (src/core/monoclock.h)"; bad = 1 }
  END { exit bad }'
