#!/usr/bin/env bash
# Training speed: dnn-tutor's `train` against the same loop written with
# numpy (bench/numpy_reference.py), in the same run on the same machine,
# whole process (loading included), best of three, with peak memory.
#
#   bench/run.sh [path/to/dnn-tutor]
#
# numpy is /usr/bin/python3's (Debian: python3-numpy, OpenBLAS), run with
# OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset so OpenBLAS picks its own
# kernel for this CPU; the kernel is printed (python3-threadpoolctl). The cat
# rows use the course's train_catvnoncat.h5 when $DNN_TUTOR_COURSE_DATA holds
# it, else a synthetic stand-in of the same shapes made here with h5py (said
# in the output). Without numpy only dnn-tutor's figures are printed.
# What it needs is installed first (scripts/deps.sh --bench); a numpy whose
# BLAS is not OpenBLAS is named as such in the output.
set -euo pipefail
bin=${1:-}
[ -n "$bin" ] && [ -x "$bin" ] && bin=$(realpath "$bin") # a path given from the caller's directory
cd "$(dirname "$0")/.."
scripts/deps.sh --bench
bin=${bin:-build/src/cli/dnn-tutor}
if [ ! -x "$bin" ]; then
  scripts/build.sh build --buildtype=release
  bin=build/src/cli/dnn-tutor
fi
export DNN_TUTOR_DATADIR=${DNN_TUTOR_DATADIR:-$PWD}
py=/usr/bin/python3
[ -x "$py" ] && "$py" -c 'import numpy' 2>/dev/null || py=""
npenv=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

course=""
cat_note="course files"
if [ -n "${DNN_TUTOR_COURSE_DATA:-}" ] && [ -f "$DNN_TUTOR_COURSE_DATA/train_catvnoncat.h5" ]; then
  course=$DNN_TUTOR_COURSE_DATA
elif [ -n "$py" ] && "$py" -c 'import h5py' 2>/dev/null; then
  "$py" bench/make_cat.py "$tmp" && course=$tmp
  cat_note="SYNTHETIC stand-in (random 209x64x64x3 uint8; the course files were not found)"
fi

# timed CMD… → "seconds peak_kB" of one run (GNU time, whole process); a run
# that fails stops the benchmark with its error rather than give a figure
timed() {
  if ! /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err"; then
    echo "bench: this run failed, so there is no figure for it: $*" >&2
    tail -n 5 "$tmp/err" >&2
    exit 1
  fi
  tail -n 1 "$tmp/time"
}
# best LABEL CMD… → best seconds and the largest peak of three runs
best() {
  local s m bs=1e9 bm=0
  for _ in 1 2 3; do
    timed "$@" >"$tmp/one" || exit 1
    read -r s m <"$tmp/one"
    bs=$(awk -v a="$bs" -v b="$s" 'BEGIN { print (b < a) ? b : a }')
    bm=$(( m > bm ? m : bm ))
  done
  echo "$bs $bm"
}

printf '%-38s %9s %9s %7s %10s %10s\n' "workload (whole process)" "dnn-tutor" "numpy" "ratio" "peak dnn" "peak numpy"
row() { # label iterations "dnn-tutor args" "numpy args"
  local c n=""
  c=$(best "$bin" train --print-every 0 --iterations "$2" $3)
  if [ -n "$py" ]; then n=$(best "${npenv[@]}" "$py" bench/numpy_reference.py $4); fi
  read -r cs cm <<<"$c"
  if [ -n "$n" ]; then
    read -r ns nm <<<"$n"
    printf '%-38s %8.2fs %8.2fs %6.1fx %8d MB %8d MB\n' "$1" "$cs" "$ns" \
      "$(awk -v a="$cs" -v b="$ns" 'BEGIN { print b / a }')" $((cm / 1024)) $((nm / 1024))
  else
    printf '%-38s %8.2fs %9s %7s %8d MB %10s\n' "$1" "$cs" "-" "-" $((cm / 1024)) "-"
  fi
}
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "$py" ]; then
  echo "numpy $("${npenv[@]}" "$py" -c 'import numpy; print(numpy.__version__)'), BLAS kernel: $("${npenv[@]}" "$py" -c '
import numpy
try:
    from threadpoolctl import threadpool_info
    blas = [i for i in threadpool_info() if i.get("user_api") == "blas"]
    print(", ".join("%s %s (%s, %d threads)" % (i.get("internal_api"), i.get("version"), i.get("architecture"), i.get("num_threads")) for i in blas) or "none found")
    if not any(i.get("internal_api") == "openblas" for i in blas):
        print("WARNING: this numpy does not use OpenBLAS, so it is not what a learner runs; the ratios below flatter dnn-tutor")
except ImportError:
    print("unknown (python3-threadpoolctl not installed)")')"
fi
echo "dnn-tutor: $("$bin" --version 2>/dev/null | head -1)"
row "planar 2-4-1 tanh, 10000 it" 10000 "--dataset planar --hidden 4 --lr 1.2" "planar 10000"
row "digits 64-20-7-5-1 relu, 2500 it" 2500 \
  "--dataset digits --layers 64,20,7,5,1 --activation relu --init course-w4 --lr 0.1" "digits 2500 $PWD/datasets"
if [ -n "$course" ]; then
  echo "cat rows: $cat_note"
  export DNN_TUTOR_COURSE_DATA=$course
  row "cat [12288,20,7,5,1] relu, 2500 it" 2500 \
    "--dataset cat --layers 12288,20,7,5,1 --activation relu --init course-w4 --lr 0.0075" "cat 2500 $course"
  row "cat logistic regression, 2000 it" 2000 \
    "--dataset cat --layers 12288,1 --init zeros --lr 0.005" "cat-logreg 2000 $course"
else
  echo "cat rows: skipped (no course files and no h5py to make a stand-in)"
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
