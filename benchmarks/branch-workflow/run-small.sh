#!/usr/bin/env bash
# start + finish on a small repository (issue 15): hotfix (native AOT) vs gitflow-avh vs the plain git commands, on
# the 300-file / 200-commit gitflow repository of make-small-repo.sh. Start and finish are timed separately with
# hyperfine, every run from the same state (reset.sh); the commit between them is made in finish's prepare step, with
# the same tool's start, so it is not counted. Before timing, one cycle per tool is checked to end in the same state:
# main and develop each gain a --no-ff merge of the same hotfix commit, with the same trees, the branch is deleted and
# HEAD is on develop.
#
# Needs: python3, git, hyperfine, git-flow (installed with apt-get if missing), the .NET SDK unless HOTFIX_BINARY is set.
# Usage: run-small.sh [WORK_DIR] [RUNS]      (default /tmp/hotfix-bench-small, 30 runs per command)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${1:-/tmp/hotfix-bench-small}
runs=${2:-30}
repo=$work/small
results=$here/results/small
mkdir -p "$work" "$results"

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_MERGE_AUTOEDIT=no

git flow version >/dev/null 2>&1 || apt-get install -y git-flow >/dev/null
binary=${HOTFIX_BINARY:-$root/artifacts/native/hotfix}
if [ -z "${HOTFIX_BINARY:-}" ]; then
  rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
  nice -n 10 dotnet publish "$root/src/Hotfix.Cli/Hotfix.Cli.csproj" -c Release -r "$rid" -p:PublishAot=true -o "$root/artifacts/native" -nologo -clp:ErrorsOnly
fi
[ -d "$repo" ] || "$here/make-small-repo.sh" "$repo" >/dev/null

safe=$(sed -n 's/^safe_path=//p' "$repo.info")
name=INC-2026-0901-fix-benchmark
branch=hotfix/$name
commit="cd $repo && echo 'benchmark fix' >> $safe && git commit --quiet --all --message 'Fix the benchmark path (INC-2026-0901)'"

start_command() {
  case $1 in
    hotfix) echo "cd $repo && $binary start INC-2026-0901 fix-benchmark --no-fetch >/dev/null" ;;
    gitflow) echo "cd $repo && git flow hotfix start $name >/dev/null" ;;
    git) echo "cd $repo && git checkout --quiet -b $branch main" ;;
  esac
}
finish_command() {
  case $1 in
    hotfix) echo "cd $repo && $binary finish >/dev/null" ;;
    gitflow) echo "cd $repo && git flow hotfix finish -n $name >/dev/null" ;;
    git) echo "cd $repo && git checkout --quiet main && git merge --quiet --no-ff --no-edit $branch && git checkout --quiet develop && git merge --quiet --no-ff --no-edit $branch && git branch --quiet -d $branch" ;;
  esac
}

# The end state every tool must reach (end-state.sh).
source "$here/end-state.sh"
expected=""
for tool in hotfix gitflow git; do
  "$here/reset.sh" "$repo"
  bash -c "$(start_command $tool) && $commit && $(finish_command $tool)" >/dev/null 2>&1 || { echo "$tool: the cycle failed" >&2; exit 1; }
  state=$(end_state "$repo" "$branch")
  echo "$tool: $state"
  [ -n "$expected" ] || expected=$state
  [ "$state" = "$expected" ] || { echo "$tool ends in another state than hotfix" >&2; exit 1; }
done
"$here/reset.sh" "$repo"

uptime
for tool in hotfix gitflow git; do
  hyperfine --style none --warmup 2 --runs "$runs" --prepare "$here/reset.sh $repo" \
    --command-name "start-$tool" "$(start_command "$tool")" --export-json "$results/start-$tool.json" >/dev/null
  hyperfine --style none --warmup 2 --runs "$runs" --prepare "$here/reset.sh $repo && $(start_command "$tool") && $commit" \
    --command-name "finish-$tool" "$(finish_command "$tool")" --export-json "$results/finish-$tool.json" >/dev/null
done
"$here/reset.sh" "$repo"
uptime

python3 - "$results" "$repo.info" <<'PY'
import json, os, statistics, sys
results, info = sys.argv[1], sys.argv[2]
facts = dict(line.strip().split("=", 1) for line in open(info) if "=" in line)
m = {}
for step in ("start", "finish"):
    for tool in ("hotfix", "gitflow", "git"):
        r = json.load(open(os.path.join(results, f"{step}-{tool}.json")))["results"][0]
        m[step, tool] = (statistics.median(r["times"]) * 1000, (r["user"] + r["system"]) * 1000)
print(f"Repository: {facts['total_commits']} commits, {facts['tracked_files']} tracked files; load average {os.getloadavg()[0]:.1f} at the end.\n")
print("| step | hotfix wall (median) | hotfix CPU | gitflow-avh wall | gitflow-avh CPU | plain git wall | plain git CPU |")
print("|---|---:|---:|---:|---:|---:|---:|")
total = {t: [0.0, 0.0] for t in ("hotfix", "gitflow", "git")}
for step in ("start", "finish"):
    cells = []
    for tool in ("hotfix", "gitflow", "git"):
        wall, cpu = m[step, tool]
        total[tool][0] += wall; total[tool][1] += cpu
        cells += [f"{wall:.1f} ms", f"{cpu:.1f} ms"]
    print(f"| {step} | " + " | ".join(cells) + " |")
print("| start + finish | " + " | ".join(f"{v:.1f} ms" for t in ("hotfix", "gitflow", "git") for v in total[t]) + " |")
print()
for other, label in (("gitflow", "gitflow-avh"), ("git", "plain git")):
    print(f"start + finish vs {label}: {total[other][0] / total['hotfix'][0]:.1f}× faster in wall time, "
          f"{total[other][1] / total['hotfix'][1]:.1f}× less CPU")
PY
