#!/bin/sh
# One wording for np.sum(dZ, axis=1) everywhere a learner reads it: each row
# summed over the m examples (逐行求和). The stepper, the report, the lessons,
# the README and the man page once said "sum over columns" or 按列/按行求和,
# which read as the opposite axis; none of those may come back.
root=${DNN_TUTOR_SOURCE_ROOT:-.}
cd "$root" || exit 1
bad=$(grep -rnE 'sum(med)? over (the )?columns|adds? up the columns|column sums? of dZ|按列求和|按行求和|逐列求和' \
        src lessons README.md doc tests/data/report tests/render/golden 2>/dev/null)
if [ -n "$bad" ]; then
  echo "the old wording for np.sum(dZ, axis=1) is back (say: each row summed / 逐行求和):"
  echo "$bad"
  exit 1
fi
# and the one wording is what the core writes for the db step
grep -q '"{0} each row summed → {out}"' src/core/network_ops.c || { echo "src/core/network_ops.c: the db step no longer says 'each row summed'"; exit 1; }
# A small change of a is said 让 a 增加一点 in Chinese, not "pushed" (推一下,
# 推到, 推动量: a calque of "nudge" a teaching assistant flagged).
bad=$(grep -nE '推一下|轻轻推|推到 ?[0-9]|推得越小|推动量|处同样推' lessons/*.json 2>/dev/null)
if [ -n "$bad" ]; then
  echo "a nudge of a is written as a push (say: 让 a 增加一点点):"
  echo "$bad"
  exit 1
fi
exit 0
