#!/usr/bin/env bash
# Training speed: dnn-tutor's `train` against the same loop written with
# numpy (bench/numpy_reference.py), measured in the same run on the same
# machine. Needs python3 with numpy (Debian: python3-numpy) for the reference;
# without it only dnn-tutor's figures are printed.
#
#   bench/run.sh [path/to/dnn-tutor]
#
# Each figure is the best of three runs (iterations per second).
set -euo pipefail
bin=${1:-}
[ -n "$bin" ] && [ -x "$bin" ] && bin=$(realpath "$bin") # a path given from the caller's directory
cd "$(dirname "$0")/.."
bin=${bin:-build/src/cli/dnn-tutor}
if [ ! -x "$bin" ]; then
  scripts/build.sh build --buildtype=release
  bin=build/src/cli/dnn-tutor
fi
export DNN_TUTOR_DATADIR=${DNN_TUTOR_DATADIR:-$PWD}
python=""
for p in /usr/bin/python3 python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import numpy' 2>/dev/null; then python=$p; break; fi
done

best_c() { # name iterations args… → best it/s of three runs
  local best=0 rate
  for _ in 1 2 3; do
    rate=$("$bin" train --json --print-every 0 --iterations "$2" "${@:3}" |
           sed -n 's/.*"iterations_per_second": \([0-9.]*\).*/\1/p')
    best=$(awk -v a="$best" -v b="$rate" 'BEGIN { print (b > a) ? b : a }')
  done
  echo "$best"
}
best_numpy() { # which iterations
  local best=0 rate
  for _ in 1 2 3; do
    rate=$("$python" bench/numpy_reference.py "$1" "$2" "$PWD/datasets" | awk '{ print $4 }')
    best=$(awk -v a="$best" -v b="$rate" 'BEGIN { print (b > a) ? b : a }')
  done
  echo "$best"
}

printf '%-34s %14s %14s %8s\n' "network" "dnn-tutor it/s" "numpy it/s" "ratio"
row() { # label c_rate numpy_rate
  if [ -n "$3" ]; then
    printf '%-34s %14.0f %14.0f %7.1fx\n' "$1" "$2" "$3" "$(awk -v a="$2" -v b="$3" 'BEGIN { print a / b }')"
  else
    printf '%-34s %14.0f %14s %8s\n' "$1" "$2" "-" "-"
  fi
}
c=$(best_c planar 20000 --dataset planar --hidden 4 --lr 1.2)
n=""; [ -n "$python" ] && n=$(best_numpy planar 3000)
row "planar 2-4-1 tanh (m=400)" "$c" "$n"
c=$(best_c digits 500 --dataset digits --layers 64,20,7,5,1 --activation relu --init course-w4 --lr 0.1)
n=""; [ -n "$python" ] && n=$(best_numpy digits 200)
row "digits 64-20-7-5-1 relu (m=1797)" "$c" "$n"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
