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

# Progress on stderr: ninja's "[k/N]" as one updating line on a terminal,
# else a line at every tenth of the way (a first build takes a minute).
progress() {
  awk -v tty="$1" '
    /^\[[0-9]+\/[0-9]+\]/ {
      split(substr($1, 2, length($1) - 2), kn, "/")
      k = kn[1] + 0; n = kn[2] + 0
      if (tty) printf "\rdnn-tutor: building (%d/%d)", k, n > "/dev/stderr"
      else if (n > 0 && int(10 * k / n) > shown) { shown = int(10 * k / n); printf "dnn-tutor: building (%d/%d)\n", k, n > "/dev/stderr" }
      fflush("/dev/stderr")
    }
    { print }
    END { if (tty && k) printf "\n" > "/dev/stderr" }'
}
tty=0
[ -t 2 ] && tty=1

echo "dnn-tutor: configuring $builddir" >&2
if [ -f "$builddir/meson-private/coredata.dat" ]; then
  if ! meson setup --reconfigure "$builddir" "$@" >"$log" 2>&1; then
    meson setup --wipe "$builddir" "$@" >"$log" 2>&1 || show_failure "meson setup --wipe $builddir"
  fi
else
  meson setup "$builddir" "$@" >"$log" 2>&1 || show_failure "meson setup $builddir"
fi
meson compile -C "$builddir" 2>&1 | progress "$tty" >"$log" || show_failure "the build in $builddir"
