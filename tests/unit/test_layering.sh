#!/bin/sh
# The layers point one way: a file of src/LAYER includes ("../LAYER/…") only
# from layers below its own; curses only in tui; cJSON only in lesson and
# exercise. (Meson links each layer only with those below; this catches the
# includes that a path could smuggle past it.)
root=${DNN_TUTOR_SOURCE_ROOT:-.}
order="core data lab report lesson exercise ui tui cli"
rank() { i=0; for l in $order; do [ "$l" = "$1" ] && { echo $i; return; }; i=$((i + 1)); done; echo 99; }
fail=0
for dir in "$root"/src/*/; do
  layer=$(basename "$dir")
  own=$(rank "$layer")
  [ "$own" -eq 99 ] && { echo "src/$layer is not in the layer order: $order"; fail=1; continue; }
  for f in $(find "$dir" -name '*.[ch]'); do
    for used in $(sed -n 's|^#include "\(\.\./\)*\([a-z]*\)/.*|\2|p' "$f" | sort -u); do
      [ "$used" = "$layer" ] && continue
      r=$(rank "$used")
      if [ "$r" -ge "$own" ]; then
        echo "${f#"$root"/}: src/$layer includes from src/$used, which is not below it"
        fail=1
      fi
    done
    case "$layer" in tui) ;; *)
      grep -lE '#include <n?cursesw?(/[a-z]+)?\.h>' "$f" >/dev/null && { echo "${f#"$root"/}: curses outside src/tui"; fail=1; } ;;
    esac
    case "$layer" in lesson|exercise) ;; *)
      grep -lE '#include [<"](cjson/)?cJSON\.h[>"]' "$f" >/dev/null && { echo "${f#"$root"/}: cJSON outside src/lesson and src/exercise"; fail=1; } ;;
    esac
  done
done
exit $fail
