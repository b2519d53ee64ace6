#!/usr/bin/env bash
# Bounded fuzzing of the lesson loader and the progress file's reader (CI
# runs this after the suites).
#
#   tests/fuzz/run_fuzz.sh [BUILD_DIR] [SECONDS]     defaults: build-fuzz 60
#
# Configures BUILD_DIR with clang + ASan/UBSan when it is not configured yet,
# builds tests/fuzz/fuzz_lesson and fuzz_progress only, and fuzzes the lesson
# loader for SECONDS, then the progress reader for a third of that, from the
# seed corpora (new inputs go to BUILD_DIR/corpus-lesson and
# BUILD_DIR/corpus-progress, the tree is not touched).
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
if ! ninja -C "$build" tests/fuzz/fuzz_lesson tests/fuzz/fuzz_progress >"$build/fuzz-build.log" 2>&1; then
  echo "run_fuzz: building fuzz_lesson and fuzz_progress failed:"; tail -30 "$build/fuzz-build.log"; exit 1
fi

mkdir -p "$build/corpus-lesson" "$build/fuzz-artifacts"
log="$build/fuzz-lesson.log"
"$build/tests/fuzz/fuzz_lesson" "$build/corpus-lesson" tests/fuzz/corpus/lesson \
  -dict=tests/fuzz/lesson.dict -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
  -max_total_time="$seconds" -print_final_stats=1 \
  -artifact_prefix="$build/fuzz-artifacts/" >"$log" 2>&1
rc=$?
if [ $rc -ne 0 ]; then
  echo "run_fuzz: fuzz_lesson found a problem (exit $rc):"
  tail -40 "$log"
  ls -l "$build/fuzz-artifacts/"
  exit 1
fi
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
echo "run_fuzz: fuzz_lesson ran ${runs:-?} inputs in ${seconds}s: no crash, leak or timeout"

pseconds=$(( seconds / 3 > 0 ? seconds / 3 : 1 ))
mkdir -p "$build/corpus-progress"
log="$build/fuzz-progress.log"
"$build/tests/fuzz/fuzz_progress" "$build/corpus-progress" tests/fuzz/corpus/progress \
  -max_len=16384 -timeout=10 -rss_limit_mb=2048 -max_total_time="$pseconds" -print_final_stats=1 \
  -artifact_prefix="$build/fuzz-artifacts/" >"$log" 2>&1
rc=$?
if [ $rc -ne 0 ]; then
  echo "run_fuzz: fuzz_progress found a problem (exit $rc):"
  tail -40 "$log"
  ls -l "$build/fuzz-artifacts/"
  exit 1
fi
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
echo "run_fuzz: fuzz_progress ran ${runs:-?} inputs in ${pseconds}s: no crash, leak or timeout"
exit 0
