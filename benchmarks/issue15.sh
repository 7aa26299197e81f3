#!/usr/bin/env bash
# Every issue 15 target measured in one sitting, each side by side with its comparison, for a native binary AFTER
# (and optionally BEFORE, measured in the same runs). Run it on a quiet machine: it prints `uptime` around each step,
# and the numbers in benchmarks/README.md's "Where the issue 15 targets stand" come from one such run. ~40 minutes.
#
#   AFTER=artifacts/native/hotfix [BEFORE=artifacts/native-before/hotfix] \
#   [ANALYZERS_AFTER=path/Hotfix.Analyzers.dll ANALYZERS_BEFORE=path/Hotfix.Analyzers.dll] \
#   bash benchmarks/issue15.sh [LOG=artifacts/bench/issue15.log]
#
# Steps (each is its own script; see its header and its section in benchmarks/README.md):
#   1. start-up: `--version` against an AOT hello world           startup/measure.sh        (RUNS_STARTUP, 500)
#   2. check against git's three commands, interleaved             change-analysis/interleaved.sh (3 runs)
#   3. start + finish against gitflow-avh and plain git, 300 files branch-workflow/run-small.sh (RUNS_SMALL, 20)
#   4. the cycle on 20,000 files against plain git and gitflow-avh branch-workflow/run.sh     (ROUNDS_LARGE, 5)
#   5. analyzer time on the service and the sink-dense shapes      AnalyzerCompileTime/run.sh (RUNS_ANALYZERS, 2)
#   6. start + finish against their libgit2 floor (AFTER only)     branch-workflow/floor-small.sh (ROUNDS_FLOOR, 60)
# STEPS="1 2 3" runs a subset. At the end, issue15-summary.py prints each target measured, its ratio and whether it
# holds, read back from this run's part of the log. Needs hyperfine, valgrind, git-flow (installed with apt-get where missing), python3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
after=$(realpath "${AFTER:?AFTER=path to the native hotfix binary to measure}")
before=${BEFORE:+$(realpath "$BEFORE")}
log=${1:-$root/artifacts/bench/issue15.log}
steps=${STEPS:-1 2 3 4 5 6}
mkdir -p "$(dirname "$log")"
first_line=$(( $( [ -f "$log" ] && wc -l <"$log" || echo 0) + 1 ))
exec 3>&1 4>&2
exec > >(tee -a "$log") 2>&1
tee_pid=$!

for tool in hyperfine valgrind git-flow; do
  command -v "$tool" >/dev/null || apt-get install -y "$tool" >/dev/null
done

binaries=("$after")
[ -z "$before" ] || binaries+=("$before")
# The summary reads each target for this binary: the interleaved tools list the binaries in their own order.
echo "issue15: after=$after${before:+ before=$before}"
step() { echo; echo "=== $* — $(date -u +%H:%M:%S) — $(uptime)"; }

for s in $steps; do
  case $s in
    1)
      step "1. start-up (${binaries[*]})"
      RUNS=${RUNS_STARTUP:-500} bash "$here/startup/measure.sh" "${binaries[@]}"
      ;;
    2)
      step "2. check vs git (interleaved, 3 runs)"
      repo=$root/artifacts/bench/large-repo
      [ -d "$repo/.git" ] || "$here/change-analysis/make-large-repo.sh" "$repo" 20000 50000 200
      for _ in 1 2 3; do bash "$here/change-analysis/interleaved.sh" "$repo" "${binaries[@]}"; done
      ;;
    3)
      for binary in "${binaries[@]}"; do
        step "3. start + finish, 300-file repository ($binary)"
        HOTFIX_BINARY=$binary bash "$here/branch-workflow/run-small.sh" /dev/shm/hotfix-small "${RUNS_SMALL:-20}"
      done
      ;;
    4)
      for binary in "${binaries[@]}"; do
        step "4. the cycle on 20,000 files ($binary)"
        HOTFIX_BINARY=$binary bash "$here/branch-workflow/run.sh" /tmp/hotfix-bench "${ROUNDS_LARGE:-5}"
      done
      ;;
    5)
      for shape in service sink-dense; do
        step "5. analyzers, $shape shape"
        # On the sink-dense shape the floor of its findings runs beside them (see "Analyzers, eighth pass").
        variants="none hotfix efcore"
        [ "$shape" = service ] || variants="none floor-reportbound hotfix efcore"
        extra=()
        [ -z "${ANALYZERS_AFTER:-}" ] || extra+=(HOTFIX_ANALYZER_DLL="$ANALYZERS_AFTER")
        if [ -n "${ANALYZERS_BEFORE:-}" ]; then variants="$variants baseline"; extra+=(BASELINE_DLL="$ANALYZERS_BEFORE"); fi
        env "${extra[@]}" SHAPE=$shape VARIANTS="$variants" RUNS=${RUNS_ANALYZERS:-2} bash "$here/AnalyzerCompileTime/run.sh"
      done
      ;;
    6)
      step "6. start + finish against the libgit2 floor, 300-file repository ($after)"
      HOTFIX_BINARY=$after GITFLOW_ROUNDS=${GITFLOW_ROUNDS_FLOOR:-15} bash "$here/branch-workflow/floor-small.sh" /dev/shm/hotfix-small "${ROUNDS_FLOOR:-60}"
      ;;
    *) echo "unknown step '$s' (expected 1-6)" >&2; exit 2 ;;
  esac
done
step "done"

# Every target read back from what this run wrote, once tee has written all of it.
exec 1>&3 2>&4
wait "$tee_pid" 2>/dev/null || true
tail -n +"$first_line" "$log" | python3 "$here/issue15-summary.py" /dev/stdin | tee -a "$log"
