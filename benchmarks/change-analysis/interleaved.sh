#!/usr/bin/env bash
# CPU of `hotfix check` against the git CLI's three commands, measured interleaved: ROUNDS rounds of BATCH runs of each
# command in turn, CPU (user + sys) from /usr/bin/time, so that the VM's speed drifting between phases reaches every
# command alike (one hyperfine benchmark after another can put two binaries 20 M instructions apart at the same time).
#
# Usage: benchmarks/change-analysis/interleaved.sh [REPO=artifacts/bench/large-repo] HOTFIX [OTHER_HOTFIX...]
#   ROUNDS=8 BATCH=20 by default. The repository is the one run.sh generates.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
repo=${1:-$root/artifacts/bench/large-repo}
shift || true
[ $# -gt 0 ] || { echo "usage: $0 REPO HOTFIX [OTHER_HOTFIX...]" >&2; exit 2; }
branch=hotfix/INC-2026-0042-bench-rounding
rounds=${ROUNDS:-8}
batch=${BATCH:-20}
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
out=$(mktemp)
trap 'rm -f "$out"' EXIT

echo "load before: $(uptime)"
for _ in $(seq "$rounds"); do
  for binary in "$@"; do
    /usr/bin/time -a -o "$out" -f "$binary %U %S" bash -c "for _ in \$(seq $batch); do '$binary' check --repo '$repo' --branch $branch --severity SEV2 --format json >/dev/null || true; done"
  done
  /usr/bin/time -a -o "$out" -f "git %U %S" bash -c "for _ in \$(seq $batch); do git -C '$repo' merge-base main $branch >/dev/null && git -C '$repo' diff --numstat main...$branch >/dev/null && git -C '$repo' diff -w --numstat main...$branch >/dev/null; done"
done
echo "load after: $(uptime)"
awk -v batch="$batch" '
  { cpu[$1] += $2 + $3; n[$1]++ }
  END {
    git = cpu["git"] / n["git"] / batch * 1000
    for (k in cpu) { ms = cpu[k] / n[k] / batch * 1000; printf "%-60s %7.1f ms CPU per run  %5.2fx git\n", k, ms, ms / git }
  }' "$out"
