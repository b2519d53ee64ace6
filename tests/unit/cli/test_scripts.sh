#!/usr/bin/env bash
# scripts/run.sh builds the program without the test suite and shows the
# build's progress; scripts/install.sh builds the same way into its own build
# directory and runs meson install into the prefix it is given (~/.local by
# default), saying when that prefix is not on PATH. Run on a copy of the
# scripts with a stand-in `meson` (it records its arguments and prints
# ninja-like progress) and a deps.sh that does nothing: no real build here.
set -u
src=${DNN_TUTOR_SOURCE_ROOT:?}
. "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/root/scripts" "$tmp/stub" "$tmp/elsewhere"
cp "$src/scripts/run.sh" "$src/scripts/build.sh" "$src/scripts/install.sh" "$tmp/root/scripts/"
printf '#!/bin/sh\nexit 0\n' >"$tmp/root/scripts/deps.sh"
cat >"$tmp/stub/meson" <<'STUB'
#!/bin/sh
echo "meson $*" >>"$MESON_LOG"
case $1 in
setup) for a; do dir=$a; case $a in -*|setup) ;; *) break ;; esac; done
       mkdir -p "$dir/meson-private" && touch "$dir/meson-private/coredata.dat" ;;
compile) dir=$3
       echo "[1/3] Compiling C object a.o"; echo "[2/3] Compiling C object b.o"; echo "[3/3] Linking target dnn-tutor"
       mkdir -p "$dir/src/cli"
       printf '#!/bin/sh\necho "stub-dnn-tutor $*"\n' >"$dir/src/cli/dnn-tutor"; chmod +x "$dir/src/cli/dnn-tutor" ;;
esac
exit 0
STUB
chmod +x "$tmp/stub/meson" "$tmp/root/scripts/deps.sh"
export MESON_LOG="$tmp/meson.log"
export PATH="$tmp/stub:$PATH"

(cd "$tmp/elsewhere" && "$tmp/root/scripts/run.sh" --version) >"$tmp/out" 2>"$tmp/err" || fail "run.sh failed: $(cat "$tmp/err")"
grep -qx "stub-dnn-tutor --version" "$tmp/out" || fail "run.sh did not start the program with its arguments: $(cat "$tmp/out")"
grep -q '^meson setup build .*-Dtests=disabled' "$MESON_LOG" || fail "run.sh builds the test suite too: $(cat "$MESON_LOG")"
grep -qF "dnn-tutor: building (3/3)" "$tmp/err" || fail "run.sh shows no build progress: $(cat "$tmp/err")"

: >"$MESON_LOG"
(cd "$tmp/elsewhere" && PATH="$tmp/stub:/usr/bin:/bin" HOME="$tmp/home" "$tmp/root/scripts/install.sh") >"$tmp/out" 2>"$tmp/err" ||
  fail "install.sh failed: $(cat "$tmp/err")"
grep -q "^meson setup build-install .*-Dtests=disabled.*--prefix=$tmp/home/.local" "$MESON_LOG" ||
  fail "install.sh does not build into build-install with --prefix ~/.local: $(cat "$MESON_LOG")"
grep -q '^meson install -C build-install' "$MESON_LOG" || fail "install.sh does not run meson install: $(cat "$MESON_LOG")"
grep -qF "$tmp/home/.local/bin is not on your PATH" "$tmp/out" || fail "install.sh does not say that ~/.local/bin is not on PATH: $(cat "$tmp/out")"
: >"$MESON_LOG"
(cd "$tmp/elsewhere" && PATH="$tmp/stub:$tmp/elsewhere/p/bin:/usr/bin:/bin" "$tmp/root/scripts/install.sh" p) >"$tmp/out" 2>"$tmp/err" ||
  fail "install.sh p failed: $(cat "$tmp/err")"
grep -q -- "--prefix=$tmp/elsewhere/p\b" "$MESON_LOG" || fail "a relative prefix is not taken from the current directory: $(cat "$MESON_LOG")"
grep -q "not on your PATH" "$tmp/out" && fail "install.sh says the prefix is not on PATH when it is"

finish "ok: run.sh and install.sh"
