#!/usr/bin/env bash
# Bounded fuzzing of the lesson loader, the progress file's reader, the CSV
# and HDF5 loaders and the exercise checker's reader of returned values (CI
# runs this after the suites).
#
#   tests/fuzz/run_fuzz.sh [BUILD_DIR] [SECONDS]     defaults: build-fuzz 60
#
# Configures BUILD_DIR with clang + ASan/UBSan when it is not configured yet,
# builds the fuzz targets only, and fuzzes the lesson loader for SECONDS,
# then the progress reader for a third, the CSV loader for half, the HDF5
# loader for a third and the exercise values' reader for a sixth of that,
# from the seed corpora (new inputs go to BUILD_DIR/corpus-<name>, the tree
# is not touched).
# Exit 0 when nothing was found or when clang/libFuzzer is missing (said so),
# 1 on a crash, leak, timeout or build failure (the fuzzer's last lines and
# the crash file are printed).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
build=${1:-build-fuzz}
seconds=${2:-60}

if ! command -v clang >/dev/null 2>&1; then
  echo "run_fuzz: clang is not installed: fuzzing skipped"
  exit 0
fi
if [ ! -f "$build/build.ninja" ]; then
  setup_log=$(mktemp)
  if ! CC=clang meson setup "$build" -Dtests=enabled -Db_sanitize=address,undefined -Db_lundef=false \
       --buildtype=debugoptimized >"$setup_log" 2>&1; then
    echo "run_fuzz: meson setup failed:"; tail -20 "$setup_log"; rm -f "$setup_log"; exit 1
  fi
  rm -f "$setup_log"
fi
targets=$(ninja -C "$build" -t targets all 2>/dev/null)
if ! grep -q '^tests/fuzz/fuzz_lesson:' <<<"$targets"; then
  echo "run_fuzz: clang cannot build -fsanitize=fuzzer targets here: fuzzing skipped"
  exit 0
fi
if ! ninja -C "$build" tests/fuzz/fuzz_lesson tests/fuzz/fuzz_progress tests/fuzz/fuzz_csv tests/fuzz/fuzz_h5 \
     tests/fuzz/fuzz_exvalue \
     >"$build/fuzz-build.log" 2>&1; then
  echo "run_fuzz: building the fuzz targets failed:"; tail -30 "$build/fuzz-build.log"; exit 1
fi
mkdir -p "$build/fuzz-artifacts"

# fuzz NAME SECONDS SEED_CORPUS [libFuzzer options…]: runs tests/fuzz/fuzz_NAME,
# exits 1 with the fuzzer's last lines and the crash files on a finding.
fuzz() {
  local name=$1 secs=$2 seeds=$3
  shift 3
  local log="$build/fuzz-$name.log"
  mkdir -p "$build/corpus-$name"
  "$build/tests/fuzz/fuzz_$name" "$build/corpus-$name" "$seeds" "$@" -timeout=10 -rss_limit_mb=2048 \
    -max_total_time="$secs" -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/" >"$log" 2>&1
  local rc=$?
  if [ $rc -ne 0 ]; then
    echo "run_fuzz: fuzz_$name found a problem (exit $rc):"
    tail -40 "$log"
    ls -l "$build/fuzz-artifacts/"
    exit 1
  fi
  local runs
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  echo "run_fuzz: fuzz_$name ran ${runs:-?} inputs in ${secs}s: no crash, leak or timeout"
}

part() { # a share of the time, at least one second
  echo $(( seconds / $1 > 0 ? seconds / $1 : 1 ))
}
fuzz lesson "$seconds" tests/fuzz/corpus/lesson -dict=tests/fuzz/lesson.dict -max_len=16384
fuzz progress "$(part 3)" tests/fuzz/corpus/progress -max_len=16384
fuzz csv "$(part 2)" tests/data/csv -max_len=4096
fuzz h5 "$(part 3)" tests/fuzz/corpus/h5 -max_len=8192
fuzz exvalue "$(part 6)" tests/fuzz/corpus/exvalue -max_len=4096
exit 0
