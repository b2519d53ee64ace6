#!/usr/bin/env bash
# Optional: with the course's own train_catvnoncat.h5 and test_catvnoncat.h5
# in $DNN_TUTOR_COURSE_DATA, every preset must print the numbers the notebooks
# publish (tests/data/course/published.txt). Skipped (exit 77) without them:
# dnn-tutor does not ship the pictures. A maintainer who has them runs
#   DNN_TUTOR_COURSE_DATA=~/course meson test -C build cli/course_published
set -u
bin=${DNN_TUTOR_BINARY:?}
root=${DNN_TUTOR_SOURCE_ROOT:?}
dir=${DNN_TUTOR_COURSE_DATA:-}
if [ -z "$dir" ] || [ ! -f "$dir/train_catvnoncat.h5" ] || [ ! -f "$dir/test_catvnoncat.h5" ]; then
  echo "skipped: set DNN_TUTOR_COURSE_DATA to a folder holding the course's train_catvnoncat.h5 and test_catvnoncat.h5"
  exit 77
fi
"$root/tests/unit/cli/check_course_numbers.sh" "$bin" "$dir" "$root/tests/data/course/published.txt" &&
  echo "the course's files give the published numbers"
