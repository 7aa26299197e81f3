#!/usr/bin/env bash
# Reproduces the branch-workflow benchmark (not part of ./test.sh or CI):
#   1. publishes the native AOT hotfix binary (unless HOTFIX_BINARY points at one);
#   2. builds the large repository with make-large-repo.sh (unless it exists);
#   3. times one start -> commit -> finish cycle, hotfix vs gitflow-avh, in alternating rounds (each round runs each
#      tool once, the starting tool taking turns), every run from the same reset state, with hyperfine; the same
#      cycle as plain runbook git commands (cycle-git.sh) runs in each round too, as the floor both tools stand on;
#   4. times hotfix audit vs the git CLI commands that answer the same question (audit-git.sh), alternating too,
#      after checking both find the same missing back-merges;
#   5. prints medians and ratios, and writes the raw timings to results/.
# Needs: python3, git, hyperfine and git-flow (apt-get install hyperfine git-flow), the .NET SDK for step 1.
# Usage: run.sh [WORK_DIR] [ROUNDS]      (default /tmp/hotfix-bench, 15 rounds)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${1:-/tmp/hotfix-bench}
rounds=${2:-15}
repo=$work/large
results=$here/results
mkdir -p "$work" "$results"

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null

binary=${HOTFIX_BINARY:-$root/artifacts/native/hotfix}
if [ -z "${HOTFIX_BINARY:-}" ]; then
  rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
  dotnet publish "$root/src/Hotfix.Cli/Hotfix.Cli.csproj" -c Release -r "$rid" -p:PublishAot=true -o "$root/artifacts/native" -nologo -clp:ErrorsOnly
fi
[ -d "$repo" ] || "$here/make-large-repo.sh" "$repo"

# Sanity: both cycles work and end in the same shape (main and develop each gain one --no-ff merge, branch deleted).
cycle() {
  case $1 in
    hotfix) echo "$here/cycle-hotfix.sh $repo $binary" ;;
    gitflow) echo "$here/cycle-gitflow.sh $repo" ;;
    git) echo "$here/cycle-git.sh $repo" ;;
  esac
}
for tool in hotfix gitflow git; do
  "$here/reset.sh" "$repo"
  $(cycle "$tool") >/dev/null 2>&1
  parents=$(git -C "$repo" rev-list --parents -n 1 main | wc -w)
  [ "$parents" -eq 3 ] || { echo "$tool: main did not get a merge commit" >&2; exit 1; }
  git -C "$repo" merge-base --is-ancestor main^2 develop || { echo "$tool: develop lacks the hotfix" >&2; exit 1; }
  ! git -C "$repo" rev-parse --verify --quiet refs/heads/hotfix/INC-2026-0901-fix-benchmark >/dev/null || { echo "$tool: branch not deleted" >&2; exit 1; }
done
"$here/reset.sh" "$repo"

ours=$("$binary" audit --repo "$repo" --format json | python3 -c 'import json,sys; print(sorted(h["mainCommit"][:7] for h in json.load(sys.stdin)["audit"]["hotfixes"] if h["backMerge"]=="missing"))' || true)
theirs=$("$here/audit-git.sh" "$repo" | awk '{print $2}' | sort | python3 -c 'import sys; print(sorted(l.strip() for l in sys.stdin if l.strip()))')
echo "missing back-merges: hotfix audit $ours, git CLI $theirs"
[ "$ours" = "$theirs" ] || { echo "hotfix audit and the git CLI disagree" >&2; exit 1; }

stamp=$(date -u +%Y%m%dT%H%M%SZ)
rm -f "$results"/round-*.json
for round in $(seq 1 "$rounds"); do
  # Alternate which tool goes first so neither always runs on a warmer cache.
  if [ $((round % 2)) -eq 1 ]; then order="hotfix gitflow"; else order="gitflow hotfix"; fi
  for tool in $order git; do
    hyperfine --style none --runs 1 --prepare "$here/reset.sh $repo" --command-name "cycle-$tool" "$(cycle "$tool")" \
      --export-json "$results/round-$round-cycle-$tool.json" >/dev/null
  done
  for tool in $order; do
    if [ "$tool" = hotfix ]; then name=audit-hotfix; command="$binary audit --repo $repo"; else name=audit-git; command="$here/audit-git.sh $repo"; fi
    hyperfine --style none --runs 1 --ignore-failure --command-name "$name" "$command" \
      --export-json "$results/round-$round-$name.json" >/dev/null
  done
done
"$here/reset.sh" "$repo"

python3 "$here/summarize.py" "$results" "$repo.info" | tee "$results/summary-$stamp.md"
