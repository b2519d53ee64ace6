#!/usr/bin/env bash
# `dnn-tutor predict --image FILE`: after training the preset on the
# course-shaped fixture, the probability printed for a picture is the one
# numpy's notebook model gives that picture cropped and resized as promised
# (predict_expected.py): a wide PNG cropped to its centre, a large one cropped
# and box-averaged, a JPEG, a grey data set. Bad pictures and bad usage are
# one line each, and a bad picture is refused before any training.
set -u
bin=${DNN_TUTOR_BINARY:?}
root=${DNN_TUTOR_SOURCE_ROOT:?}
jpeg_fixture=${DNN_TUTOR_JPEG_FIXTURE:?}
course=$root/tests/data/course
py=/usr/bin/python3
if ! "$py" -c 'import numpy, h5py' 2>/dev/null; then
  echo "skipped: $py has no numpy or h5py"
  exit 77
fi
. "$(dirname "$0")/lib.sh"
unset DNN_TUTOR_COURSE_DATA
export XDG_DATA_HOME=$tmp/xdg

run() { # exit-code description command…
  local want=$1 what=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "$what: exit $got, want $want (stderr: $(head -c 400 "$tmp/err"))"
}

"$py" "$root/tests/unit/cli/predict_expected.py" "$tmp" >"$tmp/expected" || { echo "predict_expected.py failed"; exit 1; }
"$jpeg_fixture" "$tmp/flat.jpg" 8 8 100 120 140 || { echo "jpeg_fixture failed"; exit 1; }

prob_of() { sed -n 's/^Probability of "cat" (label 1): //p' "$tmp/out"; }
while read -r preset picture want; do
  [ "$preset" = grey ] && continue
  run 0 "$preset $picture" "$bin" predict --assignment "$preset" --course-data "$course" --image "$tmp/$picture"
  [ "$(prob_of)" = "$want" ] || fail "$preset $picture: probability $(prob_of), numpy says $want: $(cat "$tmp/out")"
  if awk -v p="$want" 'BEGIN { exit !(p > 0.5) }'; then label="cat (label 1)"; else label="non-cat (label 0)"; fi
  grep -qx "Prediction: $label" "$tmp/out" || fail "$preset $picture: want 'Prediction: $label': $(cat "$tmp/out")"
done <"$tmp/expected"

# What was done to each picture is said.
run 0 "wide" "$bin" predict --assignment w4-deep --course-data "$course" --image "$tmp/wide.png"
grep -qx "Picture: $tmp/wide.png, 12×8; cropped to its centre 8×8 (the network's input 8×8×3)" "$tmp/out" || fail "wide: $(cat "$tmp/out")"
# the notebook's training lines come first, as train prints them
head -n 26 "$tmp/out" | diff -q - <(head -n 26 "$course/w4-deep.expected") >/dev/null || fail "wide: not the preset's cost lines"
run 0 "big" "$bin" predict --assignment w4-deep --course-data "$course" --image "$tmp/big.png"
grep -qx "Picture: $tmp/big.png, 24×16; cropped to its centre 16×16, resized to 8×8 (the network's input 8×8×3)" "$tmp/out" || fail "big: $(cat "$tmp/out")"

# A JPEG of flat.png's colour gives flat.png's probability.
want=$(awk '$1 == "w4-deep" && $2 == "flat.png" { print $3 }' "$tmp/expected")
run 0 "jpeg" "$bin" predict --assignment w4-deep --course-data "$course" --image "$tmp/flat.jpg"
[ "$(prob_of)" = "$want" ] || fail "jpeg: $(prob_of), want $want"
grep -qx "Picture: $tmp/flat.jpg, 8×8; used as it is (the network's input 8×8×3)" "$tmp/out" || fail "jpeg: $(cat "$tmp/out")"

# Without --assignment or --dataset the run is w4-deep.
DNN_TUTOR_COURSE_DATA=$course run 0 "default w4-deep" "$bin" predict --image "$tmp/flat.png"
[ "$(prob_of)" = "$want" ] || fail "default: $(prob_of), want w4-deep's $want"

# A data set of grey pictures: the picture is made grey.
want=$(awk '$1 == "grey" { print $3 }' "$tmp/expected")
run 0 "grey" "$bin" predict --assignment w2-logreg --dataset "$tmp/grey/train_grey.h5" --image "$tmp/flat.png"
grep -qx "Probability of \"1\" (label 1): $want" "$tmp/out" || fail "grey: want $want: $(cat "$tmp/out")"
grep -q "; made grey (the network's input 8×8×1)" "$tmp/out" || fail "grey: $(cat "$tmp/out")"

# Bad pictures: one line naming the file, exit 1, no training.
echo "not a picture" >"$tmp/text.png"
head -c 60 "$tmp/wide.png" >"$tmp/cut.png"
head -c 200 "$tmp/flat.jpg" >"$tmp/cut.jpg"
for bad in "text.png:is neither a PNG nor a JPEG picture" "cut.png:" "cut.jpg:" "missing.png:no such file"; do
  file=${bad%%:*} phrase=${bad#*:}
  run 1 "$file" "$bin" predict --assignment w4-deep --course-data "$course" --image "$tmp/$file"
  [ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "$file: want one line: $(cat "$tmp/err")"
  grep -q "^dnn-tutor predict: $tmp/$file: $phrase" "$tmp/err" || fail "$file: $(cat "$tmp/err")"
  [ ! -s "$tmp/out" ] || fail "$file: trained before reading the picture: $(head -3 "$tmp/out")"
done

# Bad usage: exit 2, one line.
run 2 "no --image" "$bin" predict --assignment w4-deep
grep -qx "dnn-tutor predict: --image FILE is required (a PNG or JPEG picture to classify)" "$tmp/err" || fail "$(cat "$tmp/err")"
run 2 "not pictures" "$bin" predict --dataset planar --image "$tmp/flat.png"
grep -q "the data set 'planar' is not one of pictures" "$tmp/err" || fail "planar: $(cat "$tmp/err")"
[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "planar: want one line"
run 2 "digits" "$bin" predict --dataset digits --layers 64,5,1 --image "$tmp/flat.png"
grep -q "the data set 'digits' is not one of pictures" "$tmp/err" || fail "digits: $(cat "$tmp/err")"
run 0 "help" "$bin" predict --help
grep -q -- "--image FILE" "$tmp/out" || fail "help lacks --image"
grep -q -- "--assignment" "$tmp/out" || fail "help lacks the run options"

finish "all predict checks passed"
