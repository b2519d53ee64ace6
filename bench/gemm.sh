#!/usr/bin/env bash
# The matrix-product engine, alone: dnn-tutor's kernel (src/core/gemm.c)
# against numpy's OpenBLAS on the cat network's two large products, with 1
# and with 2 threads, best of 20 each, in the same run. The README's reason
# for linking no BLAS rests on this.
#
#   bench/gemm.sh [path/to/build]
#
#   forward   Z1 = W1 · X      (20, 12288) · (12288, 209)
#   backward  dW1 = dZ1 · Xᵀ   (20, 209) · (209, 12288)ᵀ
#
# numpy is /usr/bin/python3's with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE
# unset (OpenBLAS picks its own kernel, printed) and OPENBLAS_NUM_THREADS set
# to the thread count of the row; what it needs is installed first
# (scripts/deps.sh --bench). Rates are in G multiply-adds a second.
set -euo pipefail
given=${1:-}
[ -n "$given" ] && given=$(realpath "$given")
cd "$(dirname "$0")/.."
scripts/deps.sh --bench
build=${given:-build}
if [ ! -x "$build/bench/gemm_bench" ]; then
  scripts/build.sh "$build" --buildtype=release
fi
py=/usr/bin/python3
npenv=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)

numpy_times() { # threads → the same two lines as gemm_bench
  "${npenv[@]}" OPENBLAS_NUM_THREADS="$1" "$py" - <<'PY'
import time
import numpy as np
rng = np.random.RandomState(0)
W, X, dZ = rng.rand(20, 12288) - 0.5, rng.rand(12288, 209) - 0.5, rng.rand(20, 209) - 0.5
for name, f, shape in (("forward", lambda: W @ X, (20, 209, 12288)),
                       ("backward", lambda: dZ @ X.T, (20, 12288, 209))):
    best = 1e30
    for _ in range(20):
        t = time.perf_counter(); f(); best = min(best, time.perf_counter() - t)
    print(name, *shape, "%.6f" % best)
PY
}

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "numpy $("${npenv[@]}" "$py" -c 'import numpy; print(numpy.__version__)'), BLAS: $("${npenv[@]}" "$py" -c '
from threadpoolctl import threadpool_info
import numpy
print(", ".join("%s %s (%s)" % (i.get("internal_api"), i.get("version"), i.get("architecture")) for i in threadpool_info() if i.get("user_api") == "blas") or "none found")')"
printf '%-9s %-24s %8s %14s %14s %7s\n' product shape threads "dnn-tutor" numpy ratio
for threads in 1 2; do
  paste <("$build/bench/gemm_bench" "$threads" 20 2>/dev/null) <(numpy_times "$threads") |
    while read -r name m n k ours _ _ _ _ theirs; do
      awk -v name="$name" -v m="$m" -v n="$n" -v k="$k" -v t="$threads" -v a="$ours" -v b="$theirs" 'BEGIN {
        w = m * n * k / 1e9
        printf "%-9s %-24s %8d %8.3f ms %4.1f %8.3f ms %4.1f %6.2fx\n", name, m "x" n " (k " k ")", t, a * 1e3, w / a, b * 1e3, w / b, b / a }'
    done
done
echo "(each column: best time of 20, then G multiply-adds a second; ratio > 1: dnn-tutor is faster)"
