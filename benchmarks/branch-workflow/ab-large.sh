#!/usr/bin/env bash
# Two hotfix binaries and the plain git commands on the large repository of run.sh, interleaved round by round (the
# order of the two binaries alternating), so a change can be judged on a machine whose load moves: CPU time (perf stat
# task-clock, the whole process tree — bash, hotfix and the `git commit` between start and finish, as run.sh counts
# it) of one start -> commit -> finish cycle each (cycle-hotfix.sh, cycle-git.sh), every run from reset.sh's state.
# Prints medians and each cycle's ratio to the plain git commands' of the same rounds.
# Usage: ab-large.sh BINARY_A BINARY_B [WORK_DIR] [ROUNDS]     (default /tmp/hotfix-bench, 10 rounds; absolute paths)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
a=${1:?usage: ab-large.sh BINARY_A BINARY_B [WORK_DIR] [ROUNDS]}
b=${2:?usage: ab-large.sh BINARY_A BINARY_B [WORK_DIR] [ROUNDS]}
work=${3:-/tmp/hotfix-bench}
rounds=${4:-10}
repo=$work/large
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
[ -d "$repo" ] || { mkdir -p "$work"; "$here/make-large-repo.sh" "$repo" >/dev/null; }
out=$(mktemp)
stat=$(mktemp)
trap 'rm -f "$out" "$stat"; "$here/reset.sh" "$repo"' EXIT
cpu() {
  "$here/reset.sh" "$repo"
  perf stat -x, -e task-clock -o "$stat" -- "$@" >/dev/null 2>&1
  awk -F, '/task-clock/ { print $1 }' "$stat"
}
uptime
for round in $(seq "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then order="A B"; else order="B A"; fi
  for which in $order git; do
    case $which in
      A) echo "A $(cpu "$here/cycle-hotfix.sh" "$repo" "$a")" >> "$out" ;;
      B) echo "B $(cpu "$here/cycle-hotfix.sh" "$repo" "$b")" >> "$out" ;;
      git) echo "git $(cpu "$here/cycle-git.sh" "$repo")" >> "$out" ;;
    esac
  done
done
uptime
python3 - "$out" "$a" "$b" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
med = {w: statistics.median(float(r[1]) for r in rows if r[0] == w) for w in ("A", "B", "git")}
n = sum(1 for r in rows if r[0] == "git")
print(f"plain git commands: {med['git']:.1f} ms CPU (median of {n})")
for which, name in (("A", sys.argv[2]), ("B", sys.argv[3])):
    print(f"{which} {name}: start -> commit -> finish {med[which]:.1f} ms CPU, {med[which] / med['git']:.2f}x the plain git commands'")
PY
