#!/usr/bin/env bash
# start + finish against the floor of their design (issue 15): hotfix (native AOT) beside cycle-floor.c — the same git
# work done with the libgit2 hotfix ships and nothing else, one process per command; its merges found as hotfix finds
# them, and once more with libgit2's own merge (CYCLE_FLOOR_MERGE=full) — the plain git commands and gitflow-avh, on
# run-small.sh's 300-file / 200-commit repository. Also the floors under the floor: an empty C program
# linked against the same libgit2 (starting a process that loads it), the same with one dlopen of libssl (what
# libgit2's initialisation spends loading OpenSSL for its SHA-256) and cycle-floor's `open` (libgit2's
# initialisation and the repository open), each run twice per round like two commands; and hotfix's own floors:
# `hotfix --version` (the native runtime's start) and `hotfix policy validate` in the repository (start + loading
# and validating its hotfix.json), twice per round too.
#
# Every contender runs its cycle from the same state (reset.sh): start (timed), the one-line fix committed with git
# (not timed), finish (timed). Rounds interleave the contenders, the order turning each round, so a load that moves
# moves all of them; CPU is user + system of the whole process tree (perf stat task-clock), medians over the rounds.
# gitflow-avh is slow (≈ 2 s wall a cycle) and runs in GITFLOW_ROUNDS of the rounds only. Before timing, the probe's
# merge is proven equal to libgit2's on commit pairs of the benchmark and of a scratch repository, and one cycle of
# each contender must end in the same state (run-small.sh's comparison), and every timed cycle is checked against it.
# Then instructions (callgrind, load-independent) of the probe's and hotfix's start and finish.
#
# Needs: cc, perf, valgrind, python3, git, git-flow (installed with apt-get if missing), a native publish of hotfix
# (HOTFIX_BINARY, default artifacts/native/hotfix) with its libgit2-*.so beside it.
# Usage: floor-small.sh [WORK_DIR] [ROUNDS]    (default /tmp/hotfix-bench-small, 20 rounds)
#        GITFLOW_ROUNDS=N (default 10), CALLGRIND=0 skips the instruction counts.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${1:-/tmp/hotfix-bench-small}
rounds=${2:-20}
gitflow_rounds=${GITFLOW_ROUNDS:-10}
repo=$work/small
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_MERGE_AUTOEDIT=no

binary=${HOTFIX_BINARY:-$root/artifacts/native/hotfix}
[ -x "$binary" ] || { echo "floor-small.sh: no hotfix binary at $binary; publish it (see benchmarks/README.md) or set HOTFIX_BINARY" >&2; exit 2; }
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
libgit2=$(find "$(dirname "$binary")" -maxdepth 1 -name 'libgit2-*.so' | head -1)
[ -n "$libgit2" ] || { echo "floor-small.sh: no libgit2-*.so beside $binary" >&2; exit 2; }
git flow version >/dev/null 2>&1 || apt-get install -y git-flow >/dev/null
mkdir -p "$work"
[ -d "$repo" ] || "$here/make-small-repo.sh" "$repo" >/dev/null

# The probe and the empty program, linked against hotfix's libgit2 through a link named as its soname.
bin=$work/floor-bin
mkdir -p "$bin/lib"
soname=$(readelf -d "$libgit2" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
ln -sf "$libgit2" "$bin/lib/${soname:-$(basename "$libgit2")}"
link=(-L "$(dirname "$libgit2")" -Wl,--no-as-needed -l:"$(basename "$libgit2")" -Wl,-rpath,"$bin/lib")
cc -O2 -Wall -o "$bin/cycle-floor" "$here/cycle-floor.c" "${link[@]}"
echo 'int main(void) { return 0; }' > "$bin/empty.c"
cc -O2 -o "$bin/empty" "$bin/empty.c" "${link[@]}"
# What libgit2's initialisation spends loading OpenSSL (its SHA-256 set-up dlopens libssl, which brings libcrypto):
# the empty program plus that dlopen, trying the names libgit2 1.8 tries, in its order.
cat > "$bin/openssl.c" <<'C'
#include <dlfcn.h>
int main(void)
{
    const char *names[] = { "libssl.so.1.1", "libssl.1.1.dylib", "libssl.so.1.0.0", "libssl.1.0.0.dylib", "libssl.so.10",
                            "libssl.so.3" };
    for (unsigned i = 0; i < sizeof names / sizeof *names; i++)
        if (dlopen(names[i], RTLD_NOW)) return 0;
    return 1;
}
C
cc -O2 -o "$bin/openssl" "$bin/openssl.c" "${link[@]}" -ldl
floor=$bin/cycle-floor

safe=$(sed -n 's/^safe_path=//p' "$repo.info")
name=INC-2026-0901-fix-benchmark
branch=hotfix/$name
stat=$(mktemp)
err=$(mktemp)
out=$(mktemp)
trap 'rm -f "$stat" "$err" "$out"; "$here/reset.sh" "$repo"' EXIT

# CPU of one command run in the repository: "task-clock-ms page-faults"; a failing command stops the benchmark.
cpu() {
  if ! (cd "$repo" && perf stat -x, -e task-clock,page-faults -o "$stat" -- "$@" >/dev/null 2>"$err"); then
    echo "floor-small.sh: failed: $*" >&2
    cat "$err" >&2
    exit 1
  fi
  awk -F, '/task-clock/ { ms = $1 } /page-faults/ { pf = $1 } END { print ms, pf }' "$stat"
}
# The sum of several commands' "ms faults" pairs.
add() { awk '{ ms += $1; pf += $2 } END { print ms, pf }'; }
commit() { (cd "$repo" && echo 'benchmark fix' >> "$safe" && git commit --quiet --all --message 'Fix the benchmark path (INC-2026-0901)'); }

start_of() {
  case $1 in
    hotfix) cpu "$binary" start INC-2026-0901 fix-benchmark --no-fetch ;;
    floor) cpu "$floor" start "$repo" "$name" ;;
    floor-full) CYCLE_FLOOR_MERGE=full cpu "$floor" start "$repo" "$name" ;;
    git) cpu git checkout --quiet -b "$branch" main ;;
    gitflow) cpu git flow hotfix start "$name" ;;
  esac
}
finish_of() {
  case $1 in
    hotfix) cpu "$binary" finish ;;
    floor) cpu "$floor" finish "$repo" "$name" ;;
    floor-full) CYCLE_FLOOR_MERGE=full cpu "$floor" finish "$repo" "$name" ;;
    git) { cpu git checkout --quiet main
           cpu git merge --quiet --no-ff --no-edit "$branch"
           cpu git checkout --quiet develop
           cpu git merge --quiet --no-ff --no-edit "$branch"
           cpu git branch --quiet -d "$branch"; } | add ;;
    gitflow) cpu git flow hotfix finish -n "$name" ;;
  esac
}

# The end state every tool must reach (end-state.sh).
source "$here/end-state.sh"

expected=""
# One cycle of a contender from the reset state: "start-ms start-faults finish-ms finish-faults", its end state checked.
cycle() {
  local s f state
  "$here/reset.sh" "$repo"
  s=$(start_of "$1")
  commit
  f=$(finish_of "$1")
  state=$(end_state "$repo" "$branch")
  if [ -z "$expected" ]; then
    expected=$state
  elif [ "$state" != "$expected" ]; then
    echo "floor-small.sh: $1 ends in another state than hotfix:" >&2
    echo "  $state" >&2
    echo "  expected: $expected" >&2
    exit 1
  fi
  echo "$s $f"
}

# The probe's merge (hotfix's: no libgit2 merge for disjoint changes) proven against git_merge_commits: on commit pairs
# of the benchmark repository (every fifth commit against every fifth), and on every pair of branches of a scratch
# repository whose branches change one file alike, differently, delete a file, put a folder where a file was, and
# touch disjoint files — so that both of the probe's ways are taken.
scratch_repo=$(mktemp -d)
(
  cd "$scratch_repo" && git init --quiet --initial-branch base . && git config user.name probe && git config user.email probe@example.com
  mkdir a b && echo 1 > a/x && echo 1 > b/y && echo 1 > c && git add . && git commit --quiet -m base
  change() { git checkout --quiet -b "$1" base && eval "$2" && git add -A . && git commit --quiet -m "$1"; }
  change same1 'echo 2 > a/x'
  change same2 'echo 2 > a/x'
  change other 'echo 3 > a/x'
  change gone 'git rm --quiet b/y'
  change folder 'rm c && mkdir c && echo 1 > c/z'
  change apart 'echo 2 > b/y'
  change new 'echo 1 > a/w'
) >/dev/null
for ours in $(git -C "$scratch_repo" for-each-ref --format='%(objectname)' refs/heads); do
  for theirs in $(git -C "$scratch_repo" for-each-ref --format='%(objectname)' refs/heads); do echo "$ours $theirs"; done
done | "$floor" merges "$scratch_repo"
rm -rf "$scratch_repo"
sample=$(git -C "$repo" rev-list --all | awk 'NR % 5 == 0')
for ours in $sample; do for theirs in $sample; do echo "$ours $theirs"; done; done | "$floor" merges "$repo"

for tool in hotfix floor floor-full git gitflow; do
  cycle "$tool" >/dev/null
  echo "$tool: $(end_state "$repo" "$branch")"
done

echo "before: $(uptime)"
step=$(( rounds / (gitflow_rounds > 0 ? gitflow_rounds : 1) ))
[ "$step" -ge 1 ] || step=1
for round in $(seq "$rounds"); do
  contenders=(hotfix floor floor-full git empty openssl open version validate)
  if [ "$gitflow_rounds" -gt 0 ] && [ $(( (round - 1) % step )) -eq 0 ] && [ $(( (round - 1) / step )) -lt "$gitflow_rounds" ]; then
    contenders+=(gitflow)
  fi
  # Turn the order each round, so no contender always runs right after another's writes.
  count=${#contenders[@]}
  for i in $(seq 0 $(( count - 1 ))); do
    tool=${contenders[$(( (i + round) % count ))]}
    # Assigned first: a failure inside $(…) stops the script only in an assignment.
    case $tool in
      empty) first=$(cpu "$bin/empty"); second=$(cpu "$bin/empty"); result="$first $second" ;;
      open) first=$(cpu "$floor" open "$repo"); second=$(cpu "$floor" open "$repo"); result="$first $second" ;;
      openssl) first=$(cpu "$bin/openssl"); second=$(cpu "$bin/openssl"); result="$first $second" ;;
      version) first=$(cpu "$binary" --version); second=$(cpu "$binary" --version); result="$first $second" ;;
      validate) first=$(cpu "$binary" policy validate); second=$(cpu "$binary" policy validate); result="$first $second" ;;
      *) result=$(cycle "$tool") ;;
    esac
    echo "$tool $round $result" >> "$out"
  done
done
echo "after: $(uptime)"

python3 - "$out" "$rounds" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
names = {
    "hotfix": "hotfix (native AOT)",
    "floor": "libgit2 floor (cycle-floor.c)",
    "floor-full": "libgit2 floor, libgit2's merge",
    "git": "plain git commands",
    "gitflow": "gitflow-avh",
    "open": "libgit2 init + open, twice",
    "empty": "empty C program (libgit2 linked), twice",
    "openssl": "empty C program + dlopen of libssl, twice",
    "version": "hotfix --version, twice",
    "validate": "hotfix policy validate, twice",
}
med = {}
print(f"\nCPU (user + sys, perf stat task-clock), medians of interleaved rounds ({sys.argv[2]} rounds):\n")
print("| contender | runs | start / 1st | finish / 2nd | start + finish | page faults (both) |")
print("|---|---:|---:|---:|---:|---:|")
for key in ("hotfix", "floor", "floor-full", "git", "gitflow", "open", "openssl", "empty", "version", "validate"):
    r = [[float(x) for x in row[2:]] for row in rows if row[0] == key]
    if not r:
        continue
    s = statistics.median(x[0] for x in r)
    f = statistics.median(x[2] for x in r)
    both = statistics.median(x[0] + x[2] for x in r)
    faults = statistics.median(x[1] + x[3] for x in r)
    med[key] = both
    print(f"| {names[key]} | {len(r)} | {s:.1f} ms | {f:.1f} ms | {both:.1f} ms | {faults:.0f} |")
print()
def ratio(a, b, text):
    if a in med and b in med:
        print(f"{text}: {med[a] / med[b]:.1f}×")
ratio("gitflow", "hotfix", "gitflow-avh / hotfix")
ratio("gitflow", "floor", "gitflow-avh / libgit2 floor")
ratio("hotfix", "floor", "hotfix / libgit2 floor")
ratio("git", "floor", "plain git / libgit2 floor")
ratio("hotfix", "git", "hotfix / plain git")
# The same ratios taken within each round that ran gitflow-avh, then their median: a load that drifts between rounds
# moves both sides of each ratio alike.
cycle = {(row[0], row[1]): float(row[2]) + float(row[4]) for row in rows}
gitflow_rounds = [rnd for (tool, rnd) in cycle if tool == "gitflow"]
for other, label in (("hotfix", "hotfix"), ("floor", "libgit2 floor"), ("git", "plain git")):
    paired = [cycle["gitflow", rnd] / cycle[other, rnd] for rnd in gitflow_rounds if (other, rnd) in cycle]
    if paired:
        print(f"gitflow-avh / {label}, within the same rounds: median {statistics.median(paired):.1f}× "
              f"(from {min(paired):.1f}× to {max(paired):.1f}×, {len(paired)} rounds)")
if "openssl" in med and "empty" in med:
    print(f"loading OpenSSL in libgit2's initialisation: {med['openssl'] - med['empty']:.1f} ms of CPU for two processes; "
          f"the floor less that: {med['floor'] - (med['openssl'] - med['empty']):.1f} ms")
if {"version", "validate", "open", "hotfix", "floor"} <= med.keys():
    print(f"hotfix above the floor: {med['hotfix'] - med['floor']:.1f} ms, of which the two commands' runtime start "
          f"(--version less the empty program) {med['version'] - med['empty']:.1f} ms and loading hotfix.json "
          f"(policy validate less --version) {med['validate'] - med['version']:.1f} ms")
if "gitflow" in med:
    print(f"20× gitflow-avh would be {med['gitflow'] / 20:.1f} ms for start + finish; the libgit2 floor takes {med['floor']:.1f} ms, "
          f"of which {med.get('open', 0):.1f} ms is two processes initialising libgit2 and opening the repository")
PY

if [ "${CALLGRIND:-1}" != 0 ]; then
  # Valgrind gives up on the separate debug file (.dbg) of the publish: hotfix runs as a copy without it.
  scratch=$(mktemp -d)
  cp "$binary" "$scratch/"
  cp "$(dirname "$binary")"/*.so "$scratch/"
  count() {
    (cd "$repo" && valgrind --tool=callgrind --callgrind-out-file="$scratch/out" "$@" >/dev/null 2>&1) \
      || { echo "floor-small.sh: failed under callgrind: $*" >&2; exit 1; }
    grep -m1 '^summary:' "$scratch/out" | awk '{ print $2 }'
  }
  echo
  echo "Instructions (callgrind), load average $(cut -d' ' -f1-3 /proc/loadavg):"
  printf '%-36s %14s %14s %14s\n' contender start finish "start + finish"
  for tool in hotfix floor floor-full; do
    "$here/reset.sh" "$repo"
    if [ "$tool" = hotfix ]; then
      s=$(count "$scratch/$(basename "$binary")" start INC-2026-0901 fix-benchmark --no-fetch)
      commit
      f=$(count "$scratch/$(basename "$binary")" finish)
    else
      merge=trivial; [ "$tool" = floor-full ] && merge=full
      s=$(CYCLE_FLOOR_MERGE=$merge count "$floor" start "$repo" "$name")
      commit
      f=$(CYCLE_FLOOR_MERGE=$merge count "$floor" finish "$repo" "$name")
    fi
    [ "$(end_state "$repo" "$branch")" = "$expected" ] || { echo "floor-small.sh: $tool under callgrind ends in another state" >&2; exit 1; }
    printf '%-36s %14s %14s %14s\n' "$tool" "$s" "$f" "$((s + f))"
  done
  o=$(count "$floor" open "$repo")
  e=$(count "$bin/empty")
  l=$(count "$bin/openssl")
  printf '%-36s %14s %14s %14s\n' "libgit2 init + open" "$o" "$o" "$((2 * o))"
  printf '%-36s %14s %14s %14s\n' "empty C program + dlopen of libssl" "$l" "$l" "$((2 * l))"
  printf '%-36s %14s %14s %14s\n' "empty C program (libgit2 linked)" "$e" "$e" "$((2 * e))"
  rm -rf "$scratch"
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
fi
