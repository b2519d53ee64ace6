#!/usr/bin/env bash
# The live trainer's smoothness, measured while it trains in tmux:
#   - frames per second, from the app's own frame log ($DNN_TUTOR_FRAME_LOG:
#     a line for every frame that changed the screen), and the longest time
#     between two frames (how long the learner can wait for progress); and
#     the same seen from the outside: how often the status line changes in
#     tmux, polled as fast as tmux answers (the poll rate is printed: it
#     bounds what the outside can see)
#   - key latency, ten presses of → and ←, median and worst: from
#     `send-keys` to the app reading the key and to the next frame drawn
#     (frame log, whose first line places its clock on the wall clock), and
#     to the new `lr` seen in tmux (tmux's drawing and this poll included)
#   - training rate: the trainer's own `it/s` token against the headless
#     `dnn-tutor train` on the same network
#
#   bench/ui_bench.sh [--cat] [path/to/dnn-tutor]
#
# Without --cat: planar, n_h 4, tanh, lr 1.2. With --cat: the week 4
# application's network on the course's cat pictures (trainer --assignment
# w4-deep: [12288, 20, 7, 5, 1], 209 pictures), from $DNN_TUTOR_COURSE_DATA
# when it holds the files, else a synthetic stand-in of the same shapes
# (bench/make_cat.py, needs numpy and h5py; said in the output).
#
# Needs tmux (exit 77 without it) and bash 5 or later (EPOCHREALTIME).
# Rerunnable; takes ~20 s.
set -euo pipefail
workload=planar
[ "${1:-}" = --cat ] && { workload=cat; shift; }
given=${1:-}
[ -n "$given" ] && [ -x "$given" ] && given=$(realpath "$given") # a path given from the caller's directory
cd "$(dirname "$0")/.."
bin=${given:-${DNN_TUTOR_BINARY:-build/src/cli/dnn-tutor}}
if [ ! -x "$bin" ]; then
  [ -f build/build.ninja ] || meson setup build --buildtype=release >/dev/null
  meson compile -C build >/dev/null
  bin=build/src/cli/dnn-tutor
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
command -v tmux >/dev/null 2>&1 || { echo "ui_bench: tmux is not installed" >&2; exit 77; }
export DNN_TUTOR_DATADIR=${DNN_TUTOR_DATADIR:-$PWD}

sock="dnn-ui-bench-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
tmp=$(mktemp -d)
trap 'tm kill-server >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT

# What trains: the trainer's arguments, the status line's data set name (the
# token before it/s), iterations to wait for before measuring, and the same
# network headless.
if [ "$workload" = planar ]; then
  args="--dataset planar --hidden 4 --lr 1.2"
  name=planar settle='iter [1-9][0-9]{4,}' headless_iterations=300000
  about="planar, n_h 4, tanh, lr 1.2"
else
  course=""
  if [ -n "${DNN_TUTOR_COURSE_DATA:-}" ] && [ -f "$DNN_TUTOR_COURSE_DATA/train_catvnoncat.h5" ]; then
    course=$DNN_TUTOR_COURSE_DATA about="the course's files"
  elif /usr/bin/python3 -c 'import numpy, h5py' 2>/dev/null; then
    /usr/bin/python3 bench/make_cat.py "$tmp" && course=$tmp
    about="a SYNTHETIC stand-in of the course files' shapes (they were not found)"
  else
    echo "ui_bench: --cat needs the course files in \$DNN_TUTOR_COURSE_DATA, or numpy and h5py for a stand-in" >&2
    exit 77
  fi
  args="--assignment w4-deep --course-data $course"
  name=cat settle='iter [1-9][0-9]{2,}' headless_iterations=300
  about="the week 4 cat network [12288, 20, 7, 5, 1] on $about"
fi
# The polling loops below fork nothing but the one tmux client per look at the
# screen (the clock is bash's own, the parsing bash's), so that the
# benchmark's own cost does not hide the trainer's frame rate: the trainer
# keeps one core busy and every fork competes for the other.
now_ms() { local t=${EPOCHREALTIME//[^0-9]/}; REPLY=$((t / 1000)); } # → $REPLY
status_line() { # → $REPLY, the trainer's status line ("" while not drawn)
  local screen line
  screen=$(tm capture-pane -p -t bench)
  REPLY=""
  while IFS= read -r line; do
    [[ $line == "iter "* ]] && { REPLY=$line; return; }
  done <<<"$screen"
}
token() { # status line, token name → $REPLY, the value after it
  local words i
  read -r -a words <<<"$1"
  REPLY=""
  for ((i = 0; i + 1 < ${#words[@]}; i++)); do
    [ "${words[i]}" = "$2" ] && { REPLY=${words[i + 1]}; return; }
  done
}
wait_for() { # seconds, extended regex → waits until the screen matches
  now_ms
  local deadline=$((REPLY + $1 * 1000))
  until tm capture-pane -p -t bench | grep -Eq "$2"; do
    now_ms
    [ "$REPLY" -lt "$deadline" ] || { echo "ui_bench: timed out waiting for /$2/" >&2; exit 1; }
  done
}

frames=$tmp/frames.log
tm new-session -d -s bench -x 100 -y 30 \
  "env -u LINES -u COLUMNS LANG=C.UTF-8 TERM=xterm-256color DNN_TUTOR_FRAME_LOG='$frames' '$bin' trainer $args"
tm set-option -g escape-time 0 >/dev/null
wait_for 10 '^iter [0-9]+ '

# Quiet seconds: the training rate, four readings of the trainer's it/s half a
# second apart, and meanwhile the app's own frames (the benchmark sleeps, so
# the frames are the app's alone): the frame log's lines over that span, by
# count (the log is written line by line, so no clock has to be matched).
# The planar run pauses by itself once its cost is flat (after ~7 s), so the
# two 2-second windows and the keys come straight after the it/s token has
# settled (~5 s in all), and a stop before the keys are done is an error.
wait_for 60 "$settle"
lines_before=$(wc -l <"$frames")
rates=()
for _ in 1 2 3 4; do
  sleep 0.5
  status_line
  token "$REPLY" "$name"
  rates+=("$REPLY")
done
lines_after=$(wc -l <"$frames")
to_num() { awk '{ v = $1; m = 1; if (v ~ /k$/) { m = 1000; sub(/k$/, "", v) } else if (v ~ /M$/) { m = 1e6; sub(/M$/, "", v) } print v * m }' <<<"$1"; }
ui_rate=$(for r in "${rates[@]}"; do to_num "$r"; done | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
still_training() { # where: fails the benchmark when the trainer has stopped
  status_line
  [[ $REPLY == *paus* || $REPLY == *diverged* ]] || return 0
  echo "ui_bench: the trainer stopped by itself $1 (its status line: $REPLY); nothing to measure" >&2
  exit 1
}
still_training "during the quiet seconds"

# Frames per second seen from the outside: count changes of the status line
# over two seconds, and the longest time between two of them (the app's
# own count comes from its frame log at the end).
changes=0 polls=0 last="" gap=0 changed_at=0
now_ms; t0=$REPLY; now=$t0
while [ $((now - t0)) -lt 2000 ]; do
  status_line; polls=$((polls + 1))
  line=$REPLY
  now_ms; now=$REPLY
  if [ -n "$line" ] && [ "$line" != "$last" ]; then
    changes=$((changes + 1)); last=$line
    [ "$changed_at" -gt 0 ] && [ $((now - changed_at)) -gt "$gap" ] && gap=$((now - changed_at))
    changed_at=$now
  fi
done
still_training "while polled from the outside"
elapsed=$((now - t0))
fps=$(awk -v c="$changes" -v e="$elapsed" 'BEGIN { printf "%.1f", c * 1000 / e }')
poll_rate=$(awk -v c="$polls" -v e="$elapsed" 'BEGIN { printf "%.0f", c * 1000 / e }')

# Key-to-screen latency: → and ← in turn, until the lr token shows the new rate.
lat=()
for i in 1 2 3 4 5 6 7 8 9 10; do
  status_line
  token "$REPLY" "lr"
  before=$REPLY
  key=Right; [ $((i % 2)) -eq 0 ] && key=Left
  now_ms; t0=$REPLY
  t=${EPOCHREALTIME//[^0-9]/}
  echo "${t:0:-3}.${t: -3}" >>"$tmp/sent" # wall-clock ms, for the frame log's clock
  tm send-keys -t bench "$key"
  while :; do
    status_line
    token "$REPLY" "lr"
    lr_now=$REPLY
    now_ms
    [ -n "$lr_now" ] && [ "$lr_now" != "$before" ] && break
    [ "$REPLY" -lt $((t0 + 2000)) ] || { echo "ui_bench: lr did not change after $key" >&2; exit 1; }
  done
  lat+=($((REPLY - t0)))
done
still_training "during the key presses"
lat_sorted=$(printf '%s\n' "${lat[@]}" | sort -n)
lat_median=$(awk '{ a[NR] = $1 } END { print (a[5] + a[6]) / 2 }' <<<"$lat_sorted")
lat_max=$(tail -n1 <<<"$lat_sorted")
tm send-keys -t bench q
wait_gone() { # the app has left (its frame log is complete)
  local i
  for ((i = 0; i < 500; i++)); do
    tm has-session -t bench 2>/dev/null || return 0
    sleep 0.02
  done
  echo "ui_bench: the trainer did not quit" >&2; exit 1
}
wait_gone

# From the frame log: frames per second and the longest gap in the quiet
# span; and for each key sent, placed on the log's clock by its start line:
# the time until the app read it, and until the next frame was drawn.
# (The rest of what tmux shows is tmux's own drawing and this poll.)
read -r log_fps log_gap read_median read_max draw_median draw_max < <(awk -v from="$lines_before" -v to="$lines_after" '
  FNR == NR { sent[++ns] = $1; next }
  $2 == "start" { wall0 = $3 }
  FNR > from && FNR <= to && $2 == "frame" { if (n++) { if ($1 - prev > gap) gap = $1 - prev } else first = $1; prev = $1 }
  $2 == "frame" { f[++nf] = $1 }
  $2 == "key" { k[++nk] = $1 }
  function median(a, m,   i, j, t) {
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
  }
  END {
    if (n < 2 || nk < ns) { print "- - - - - -"; exit }
    j = 1
    for (i = 1; i <= ns; i++) {
      while (j <= nf && f[j] < k[i]) j++
      if (j > nf) { print "- - - - - -"; exit } # a key with no frame after it: said below
      rd[i] = wall0 + k[i] - sent[i]; dr[i] = wall0 + f[j] - sent[i]
    }
    mr = median(rd, ns); xr = rd[ns]; md = median(dr, ns); xd = dr[ns]
    printf "%.1f %.0f %.1f %.1f %.1f %.1f\n", (n - 1) * 1000 / (prev - first), gap, mr, xr, md, xd
  }' "$tmp/sent" "$frames")

[ "$log_fps" != - ] || { echo "ui_bench: the app's frame log lacks frames in the quiet span or after a key" >&2; exit 1; }

# The headless rate, best of three.
best=0
for _ in 1 2 3; do
  # shellcheck disable=SC2086 # $args is words by design
  r=$("$bin" train $args --json --print-every 0 --iterations "$headless_iterations" |
      sed -n 's/.*"iterations_per_second": *\([0-9.]*\).*/\1/p')
  best=$(awk -v a="$best" -v b="$r" 'BEGIN { print (b > a) ? b : a }')
done

echo "dnn-tutor live trainer in tmux (100x30, $about), $(nproc) CPU(s), load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '  frames per second      %s drawn over 2 quiet seconds (frames that changed the screen, from its frame log); longest gap %s ms\n' \
  "$log_fps" "$log_gap"
printf '                         seen in tmux: %s status line changes a second over 2 s polling (%s looks/s); longest gap %s ms\n' \
  "$fps" "$poll_rate" "$gap"
printf '  key latency            send-keys to frame drawn: median %s ms, worst %s ms over 10 presses (frame log)\n' \
  "$draw_median" "$draw_max"
printf '                           of which send-keys to read by the app: median %s ms, worst %s ms\n' \
  "$read_median" "$read_max"
printf '                         send-keys to seen in tmux: median %s ms, worst %s ms (incl. tmux drawing and polling)\n' \
  "$lat_median" "$lat_max"
printf '  training rate          trainer %.0f it/s, headless train %.0f it/s, ratio %s\n' "$ui_rate" "$best" \
  "$(awk -v a="$ui_rate" -v b="$best" 'BEGIN { printf "%.2f", a / b }')"
