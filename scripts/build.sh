#!/usr/bin/env bash
# Configures BUILD_DIR with the given meson options and compiles it; what
# run.sh, test.sh and .ci/run share.
#   scripts/build.sh BUILD_DIR [meson setup options…]
# A BUILD_DIR that already exists (from another configuration, from before a
# dependency was installed, or from another meson version) is reconfigured
# with these options, and wiped and set up again when that fails. On a
# failure the last lines of meson's or the compiler's output are shown and
# the exit code is 1. Run from the source root.
set -euo pipefail
builddir=${1:?usage: scripts/build.sh BUILD_DIR [meson options…]}
shift
log=$(mktemp)
trap 'rm -f "$log"' EXIT

show_failure() { # what
  echo "dnn-tutor: $1 failed; the last lines:" >&2
  tail -40 "$log" >&2
  exit 1
}

if [ -f "$builddir/meson-private/coredata.dat" ]; then
  if ! meson setup --reconfigure "$builddir" "$@" >"$log" 2>&1; then
    meson setup --wipe "$builddir" "$@" >"$log" 2>&1 || show_failure "meson setup --wipe $builddir"
  fi
else
  meson setup "$builddir" "$@" >"$log" 2>&1 || show_failure "meson setup $builddir"
fi
meson compile -C "$builddir" >"$log" 2>&1 || show_failure "the build in $builddir"
