#!/usr/bin/env bash
# Every value sweep's formatter can meet — an accuracy right/m·100 computed as
# nn_accuracy does, for every m up to 500 examples and every right — plus
# edge cases, formatted by pyfloat_format and by Python's own str(float).
# Skipped (77) without python3.
set -u
helper=${1:?the test_pyfloat executable}
py=$(command -v python3 || true)
[ -n "$py" ] || { echo "SKIP: python3 is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$py" - "$tmp" <<'PY'
import sys
d = sys.argv[1]
vals = [float(r) / float(m) * 100.0 for m in range(1, 501) for r in range(0, m + 1)]
vals += [0.0, -0.0, 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5, 5e-324, 1.7976931348623157e308,
         0.1, 1 / 3, 123.456, float("inf"), float("-inf")]
vals += [2.0 ** e for e in range(-60, 70)]
with open(d + "/in", "w") as f:
    f.write("".join(v.hex() + "\n" for v in vals))
with open(d + "/want", "w") as f:
    f.write("".join(str(v) + "\n" for v in vals))
PY
"$helper" - <"$tmp/in" >"$tmp/got" || { echo "FAIL: the helper failed"; exit 1; }
if ! cmp -s "$tmp/want" "$tmp/got"; then
  echo "FAIL: pyfloat_format differs from Python's str(float):"
  paste -d'|' "$tmp/want" "$tmp/got" | awk -F'|' '$1 != $2 { print "  python " $1 "  ours " $2; if (++n == 10) exit }'
  exit 1
fi
echo "ok: $(wc -l <"$tmp/want") values print as Python prints them"
