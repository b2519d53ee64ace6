#!/usr/bin/env bash
# Installs what dnn-tutor needs to build and test, from Debian/Ubuntu packages,
# only when something is missing. Uses sudo when not run as root.
#   scripts/deps.sh          build + run dependencies
#   scripts/deps.sh --test   also what the test suite needs (cmocka, tmux, xmllint,
#                            python3-numpy for the exercise checks, python3-h5py
#                            for the tests that compare with numpy on course-layout
#                            files, strace to kill a report at each rename, zsh to
#                            run its completion)
#   scripts/deps.sh --bench  also what bench/ compares with: numpy on OpenBLAS
#                            (the BLAS a learner's numpy uses), threadpoolctl to
#                            name its kernel, h5py for the cat stand-in, GNU
#                            time for peak memory, tmux for the UI bench
set -euo pipefail

packages=(gcc meson ninja-build pkg-config libncurses-dev libcjson-dev libhdf5-dev libpng-dev libjpeg-dev)
case "${1:-}" in
  --test) packages+=(libcmocka-dev tmux libxml2-utils python3-numpy python3-h5py strace zsh) ;;
  --bench) packages+=(python3-numpy libopenblas0-pthread python3-threadpoolctl python3-h5py time tmux) ;;
esac

missing=()
for p in "${packages[@]}"; do
  # No pipe into grep -q: under pipefail its early exit can fail the pipeline.
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  if [[ $status != *"install ok installed"* ]]; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "dnn-tutor: missing packages (${missing[*]}) and no apt-get to install them" >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
    echo "dnn-tutor: installing ${missing[*]} with sudo (root is needed for apt-get)" >&2
  else
    echo "dnn-tutor: need root to install: ${missing[*]} (run as root or install sudo)" >&2
    exit 1
  fi
fi
# env passes DEBIAN_FRONTEND through sudo, which resets the environment.
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
