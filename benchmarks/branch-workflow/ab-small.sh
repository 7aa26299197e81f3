#!/usr/bin/env bash
# Two hotfix binaries on the small repository, interleaved run by run (the order alternating each round), so a change
# can be judged on a machine whose load moves: CPU time (perf stat task-clock) of start and of finish, medians.
# Usage: ab-small.sh BINARY_A BINARY_B [WORK_DIR] [ROUNDS]     (default /tmp/hotfix-bench-small, 30 rounds)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
a=${1:?usage: ab-small.sh BINARY_A BINARY_B [WORK_DIR] [ROUNDS]}
b=${2:?usage: ab-small.sh BINARY_A BINARY_B [WORK_DIR] [ROUNDS]}
work=${3:-/tmp/hotfix-bench-small}
rounds=${4:-30}
repo=$work/small
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
[ -d "$repo" ] || { mkdir -p "$work"; "$here/make-small-repo.sh" "$repo" >/dev/null; }
safe=$(sed -n 's/^safe_path=//p' "$repo.info")
out=$(mktemp)
uptime
for round in $(seq "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then order="A B"; else order="B A"; fi
  for which in $order; do
    binary=$a; [ "$which" = B ] && binary=$b
    "$here/reset.sh" "$repo"
    start=$(cd "$repo" && perf stat -x, -e task-clock -o /tmp/ab-stat.$$ -- "$binary" start INC-2026-0901 fix-benchmark --no-fetch >/dev/null 2>&1 && awk -F, '/task-clock/ { print $1 }' /tmp/ab-stat.$$)
    (cd "$repo" && echo 'benchmark fix' >> "$safe" && git commit --quiet --all --message 'Fix the benchmark path (INC-2026-0901)')
    finish=$(cd "$repo" && perf stat -x, -e task-clock -o /tmp/ab-stat.$$ -- "$binary" finish >/dev/null 2>&1 && awk -F, '/task-clock/ { print $1 }' /tmp/ab-stat.$$)
    echo "$which $start $finish" >> "$out"
  done
done
rm -f /tmp/ab-stat.$$
"$here/reset.sh" "$repo"
uptime
python3 - "$out" "$a" "$b" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
for which, name in (("A", sys.argv[2]), ("B", sys.argv[3])):
    s = [float(r[1]) for r in rows if r[0] == which]
    f = [float(r[2]) for r in rows if r[0] == which]
    print(f"{which} {name}: start {statistics.median(s):.1f} ms, finish {statistics.median(f):.1f} ms, "
          f"start + finish {statistics.median([x + y for x, y in zip(s, f)]):.1f} ms CPU (medians of {len(s)})")
PY
rm -f "$out"
