#!/usr/bin/env bash
# Every limit and course number a --help writes is the one the code enforces:
# read from src/core/dnn_limits.h and src/lab/course.h, and looked for in the
# help texts (which build them from the same macros). Also the man page's and
# lessons/README.md's, which are prose.
set -u
bin=${DNN_TUTOR_BINARY:?}
src=${DNN_TUTOR_SOURCE_ROOT:?}
. "$(dirname "$0")/lib.sh"
# The value of `#define NAME VALUE` in a header (the first word of VALUE).
define() { awk -v n="$2" '$1 == "#define" && $2 == n { print $3; exit }' "$src/$1"; }

units=$(define src/core/dnn_limits.h NN_MAX_UNITS)
max_layers=$(define src/core/dnn_limits.h NN_MAX_LAYERS)
lr_max=$(define src/core/dnn_limits.h RUN_LR_MAX | sed 's/\.0*$//')
sweep_max=$(define src/core/dnn_limits.h RUN_SWEEP_MAX)
split_max=$(define src/core/dnn_limits.h RUN_TEST_SPLIT_MAX)
threads_max=$(define src/core/dnn_limits.h RUN_THREADS_MAX)
sweep_it=$(define src/lab/course.h COURSE_SWEEP_ITERATIONS)
sweep_sizes=$(awk '$1 == "#define" && $2 == "COURSE_SWEEP_SIZES" { $1 = $2 = ""; print }' "$src/src/lab/course.h" |
  tr -d '{} ')
for v in units max_layers lr_max sweep_max split_max threads_max sweep_it sweep_sizes; do
  [ -n "${!v}" ] || fail "could not read $v from the headers"
done

expect() {  # expect COMMAND TEXT
  "$bin" $1 --help | tr -s ' \n' '  ' | grep -qF -- "$2" || fail "dnn-tutor $1 --help does not say '$2'"
}
expect sweep "the sizes to try (1 to $units each, at most $sweep_max)"
expect sweep "Defaults: --hidden $sweep_sizes --iterations $sweep_it,"
expect sweep "dnn-tutor sweep --hidden $sweep_sizes --iterations $sweep_it"
for c in train sweep report stepper trainer; do
  expect "$c" "hold out this fraction for testing (0 to $split_max; default 0)"
  expect "$c" "threads for the large matrix products, 1 to $threads_max (default: every core;"
done
expect report "train at most $sweep_it iterations each"

page=$(sed 's/\\-/-/g; s/\\&//g; s/\\f[BIRP]//g' "$src/doc/dnn-tutor.1" | tr -s ' \n' '  ')
in_page() { grep -qF -- "$1" <<<"$page" || fail "the man page does not say '$1'"; }
in_page "(default $sweep_sizes)"
in_page "$sweep_it for sweep"
in_page "hold out this fraction for testing (0 to $split_max; default 0)"
in_page "threads for the large matrix products, 1 to $threads_max (default: every core;"
in_page "dnn-tutor sweep --hidden $sweep_sizes --iterations $sweep_it"

lessons=$(tr -s ' \n' '  ' <"$src/lessons/README.md")
in_lessons() { grep -qF -- "$1" <<<"$lessons" || fail "lessons/README.md does not say '$1'"; }
in_lessons "2 … $((max_layers + 1)) integers"
in_lessons "then 1 … $max_layers layers of 1 … $units units"
in_lessons "0 < lr ≤ $lr_max"

# The sweep's sizes and iterations, and the run its figures are for, are
# written in a string only by course.h: the screens and help texts build them
# from its macros (so the above also holds for the trainer's help).
copies=$(grep -rnE --include='*.[ch]' '"[^"]*(1, ?2, ?3, ?4, ?5, ?20, ?50|\b'"$sweep_it"'\b|lr 1\.2, seed 2|planar tanh lr)' "$src/src" |
  grep -v '/src/lab/course\.h:' | grep -vE '^[^:]+:[0-9]+: *(\*|/\*|//)')
[ -z "$copies" ] || fail "the course's sweep settings written outside src/lab/course.h: $copies"

finish "every limit in the help texts is the enforced one"
