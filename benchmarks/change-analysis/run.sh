#!/usr/bin/env bash
# Whole-process comparison: `hotfix check` (native AOT) on the hotfix branch of a large generated repository versus
# the git CLI plumbing that answers the same questions (merge base, per-file line counts, whitespace-insensitive
# counts). Needs hyperfine (apt-get install hyperfine) and python3.
#
# Usage: benchmarks/change-analysis/run.sh [REPO=artifacts/bench/large-repo] [FILES] [COMMITS] [HOTFIX_FILES]
#   HOTFIX=path/to/hotfix   the binary (default: artifacts/native/hotfix, published here when missing)
#   BASELINE=path/to/hotfix another build (e.g. main's): its JSON report must be byte-identical, and it is timed too
#   FLOOR=1                 also time the floors: `hotfix --version` (process start) and libgit2 opening the
#                           repository and reading the change's blobs alone (blob-floor.c, needs cc)
#   RUNS=N                  hyperfine runs (default 20)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
repo=${1:-$root/artifacts/bench/large-repo}
hotfix=${HOTFIX:-$root/artifacts/native/hotfix}
branch=hotfix/INC-2026-0042-bench-rounding
out=$root/artifacts/bench

if [ ! -x "$hotfix" ]; then
  rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
  dotnet publish "$root/src/Hotfix.Cli/Hotfix.Cli.csproj" -c Release -r "$rid" -p:PublishAot=true -o "$root/artifacts/native" -nologo -clp:ErrorsOnly
fi
if [ ! -d "$repo/.git" ]; then
  "$root/benchmarks/change-analysis/make-large-repo.sh" "$repo" "${2:-20000}" "${3:-50000}" "${4:-200}"
fi
mkdir -p "$out"

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
check="check --repo $repo --branch $branch --severity SEV2 --format json"
git_plumbing="git -C $repo merge-base main $branch >/dev/null && git -C $repo diff --numstat main...$branch >/dev/null && git -C $repo diff -w --numstat main...$branch >/dev/null"
"$hotfix" $check > "$out/check.json" || true
commands=(--command-name "hotfix check (native AOT)" "$hotfix $check > /dev/null; true"
          --command-name "git merge-base + diff --numstat + diff -w --numstat" "$git_plumbing")

if [ -n "${BASELINE:-}" ]; then
  "$BASELINE" $check > "$out/check-baseline.json" || true
  if cmp -s "$out/check.json" "$out/check-baseline.json"; then
    echo "JSON report identical to BASELINE's ($(wc -c < "$out/check.json") bytes)"
  else
    echo "JSON report DIFFERS from BASELINE's: diff $out/check.json $out/check-baseline.json" >&2
    exit 1
  fi
  commands+=(--command-name "hotfix check, BASELINE" "$BASELINE $check > /dev/null; true")
fi

if [ -n "${FLOOR:-}" ]; then
  libgit2=$(find "${NUGET_PACKAGES:-$HOME/.nuget/packages}/libgit2sharp.nativebinaries" -path '*linux-x64/native/libgit2-*.so' | head -1)
  mkdir -p "$out/lib"
  ln -sf "$libgit2" "$out/lib/$(basename "$libgit2").1.8"
  cc -O2 -o "$out/blob-floor" "$root/benchmarks/change-analysis/blob-floor.c" -L "$(dirname "$libgit2")" -l:"$(basename "$libgit2")" -Wl,-rpath,"$out/lib"
  git -C "$repo" diff --raw --no-abbrev "main...$branch" | awk '{ print $3; print $4 }' | grep -v '^0*$' > "$out/blob-ids.txt"
  commands+=(--command-name "floor: hotfix --version (process start)" "$hotfix --version > /dev/null"
             --command-name "floor: libgit2 opens the repository, reads the $(wc -l < "$out/blob-ids.txt") blobs" "$out/blob-floor $repo < $out/blob-ids.txt > /dev/null")
fi

echo "load before: $(uptime)"
hyperfine --warmup 3 --runs "${RUNS:-20}" --export-markdown "$out/change-analysis.md" --export-json "$out/change-analysis.json" "${commands[@]}"
echo "load after: $(uptime)"
python3 - "$out/change-analysis.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
git = next(r for r in results if r["command"].startswith("git "))
cpu = lambda r: (r["user"] + r["system"]) * 1000
print(f"{'command':<62} {'wall mean':>10} {'wall min':>9} {'CPU u+s':>8} {'CPU / git':>9}")
for r in results:
    print(f"{r['command']:<62} {r['mean']*1000:8.1f}ms {r['min']*1000:7.1f}ms {cpu(r):6.1f}ms {cpu(r)/cpu(git):8.2f}x")
PY
