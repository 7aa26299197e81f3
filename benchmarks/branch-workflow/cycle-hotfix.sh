#!/usr/bin/env bash
# One hotfix cycle with hotfix: start from develop, commit a one-line fix, finish (both --no-ff merges, delete).
# Usage: cycle-hotfix.sh REPO HOTFIX_BINARY
set -euo pipefail
repo=${1:?usage: cycle-hotfix.sh REPO HOTFIX_BINARY}
hotfix=${2:?usage: cycle-hotfix.sh REPO HOTFIX_BINARY}
safe=$(sed -n 's/^safe_path=//p' "$repo.info")
cd "$repo"
"$hotfix" start INC-2026-0901 fix-benchmark --no-fetch >/dev/null
echo "benchmark fix" >> "$safe"
git commit --quiet --all --message "Fix the benchmark path (INC-2026-0901)"
"$hotfix" finish >/dev/null
