#!/usr/bin/env bash
# Whole-process comparison: `hotfix check` (native AOT) on the hotfix branch of a large generated repository versus
# the git CLI plumbing that answers the same questions (merge base, per-file line counts, whitespace-insensitive
# counts). Needs hyperfine (apt-get install hyperfine) and python3.
#
# Usage: benchmarks/change-analysis/run.sh [REPO=artifacts/bench/large-repo] [FILES] [COMMITS] [HOTFIX_FILES]
#   HOTFIX=path/to/hotfix overrides the binary (default: artifacts/native/hotfix, as ./test.sh publishes it).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
repo=${1:-$root/artifacts/bench/large-repo}
hotfix=${HOTFIX:-$root/artifacts/native/hotfix}
branch=hotfix/INC-2026-0042-bench-rounding

if [ ! -x "$hotfix" ]; then
  rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
  dotnet publish "$root/src/Hotfix.Cli/Hotfix.Cli.csproj" -c Release -r "$rid" -p:PublishAot=true -o "$root/artifacts/native" -nologo -clp:ErrorsOnly
fi
if [ ! -d "$repo/.git" ]; then
  "$root/benchmarks/change-analysis/make-large-repo.sh" "$repo" "${2:-20000}" "${3:-50000}" "${4:-200}"
fi

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
git_plumbing="git -C $repo merge-base main $branch >/dev/null && git -C $repo diff --numstat main...$branch >/dev/null && git -C $repo diff -w --numstat main...$branch >/dev/null"
"$hotfix" check --repo "$repo" --branch "$branch" --severity SEV2 --format json > "$root/artifacts/bench/check.json" || true
hyperfine --warmup 3 --runs "${RUNS:-20}" --export-markdown "$root/artifacts/bench/change-analysis.md" \
  --command-name "hotfix check (native AOT)" "$hotfix check --repo $repo --branch $branch --severity SEV2 --format json > /dev/null; true" \
  --command-name "git merge-base + diff --numstat + diff -w --numstat" "$git_plumbing"
