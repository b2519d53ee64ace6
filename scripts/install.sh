#!/usr/bin/env bash
# Puts dnn-tutor on your PATH: installs what is missing, builds the program
# (release, without the test suite) and runs `meson install` into PREFIX
# (default ~/.local): bin/dnn-tutor, share/dnn-tutor (lessons and data sets
# with their attribution), the man page dnn-tutor(1) and the bash and zsh
# completions. No root needed for a prefix you own.
#   scripts/install.sh [PREFIX]
set -euo pipefail
here=$PWD
root=$(cd "$(dirname "$0")/.." && pwd)
prefix=${1:-$HOME/.local}
case $prefix in /*) ;; *) prefix="$here/$prefix" ;; esac
cd "$root"
scripts/deps.sh
scripts/build.sh build-install --buildtype=release -Dtests=disabled --prefix="$prefix"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "dnn-tutor: installing into $prefix" >&2
if ! meson install -C build-install --no-rebuild >"$log" 2>&1; then
  echo "dnn-tutor: meson install into $prefix failed; the last lines:" >&2
  tail -20 "$log" >&2
  exit 1
fi
echo "dnn-tutor: installed $prefix/bin/dnn-tutor (man dnn-tutor; completions for bash and zsh)"
case ":$PATH:" in
*":$prefix/bin:"*) ;;
*) echo "dnn-tutor: $prefix/bin is not on your PATH; add this line to ~/.profile: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
