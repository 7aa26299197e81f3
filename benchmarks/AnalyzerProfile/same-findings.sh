#!/usr/bin/env bash
# Proves that a change to Hotfix.Analyzers leaves its findings exactly as they were: runs the analyzers of BASE (a git
# revision, or a folder holding an AnalyzerProfile build made from it) and of this working tree over both generated
# benchmark projects — the service (2,051 files) and the sink-dense data-access layer (2,001 files) — and compares
# every finding: file, line, column, id, severity, message and properties. Exit 0 when all are equal, 1 otherwise.
#   bash benchmarks/AnalyzerProfile/same-findings.sh BASE [WORK_DIR]      (MODULES=500 modules per project)
# e.g. `same-findings.sh main` before merging a performance change of the analyzers.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
base=${1:?usage: same-findings.sh BASE_REVISION_OR_BUILD_FOLDER [WORK_DIR]}
work=${2:-$root/artifacts/bench/same-findings}
modules=${MODULES:-500}
mkdir -p "$work"

if [ -f "$base/AnalyzerProfile.dll" ]; then
  before=$(cd "$base" && pwd)
else
  # The base revision's sources, built on their own: nothing of this working tree leaks into them.
  rm -rf "$work/base-src"
  mkdir -p "$work/base-src"
  git -C "$root" archive "$base" | tar -x -C "$work/base-src"
  # The base may predate PROFILE_FINDINGS: give it this tree's profiler, keep its analyzers.
  cp "$here/Program.cs" "$work/base-src/benchmarks/AnalyzerProfile/Program.cs"
  dotnet build "$work/base-src/benchmarks/AnalyzerProfile" -c Release -nologo -clp:ErrorsOnly -o "$work/base-bin"
  before=$work/base-bin
fi

dotnet build "$here" -c Release -nologo -clp:ErrorsOnly -o "$work/head-bin"
after=$work/head-bin

status=0
for shape in service sink-dense; do
  [ -d "$work/$shape/src" ] || python3 "$root/benchmarks/AnalyzerCompileTime/generate.py" "$work/$shape" "$modules" "$shape"
  for side in before after; do
    bin=$before
    [ "$side" = after ] && bin=$after
    PROFILE_ONLY=Hotfix.Analyzers PROFILE_FINDINGS="$work/$shape.$side.txt" dotnet "$bin/AnalyzerProfile.dll" "$work/$shape/src" 1 >"$work/$shape.$side.log"
  done
  count=$(wc -l <"$work/$shape.after.txt")
  if cmp -s "$work/$shape.before.txt" "$work/$shape.after.txt"; then
    echo "$shape: the same $count findings ($(cut -d' ' -f2 "$work/$shape.after.txt" | sort | uniq -c | awk '{ printf "%s %s, ", $2, $1 }' | sed 's/, $//'))"
  else
    echo "$shape: findings differ (before $(wc -l <"$work/$shape.before.txt"), after $count):"
    diff "$work/$shape.before.txt" "$work/$shape.after.txt" | head -40
    status=1
  fi
done
exit $status
