#!/usr/bin/env bash
# The floor: the same cycle typed by hand as the runbook's commands, with no tool around them
# (git checkout -b …; commit; git checkout main && git merge --no-ff …; git checkout develop && git merge --no-ff …;
# git branch -d …). Neither tool can be faster than the git work both have to do.
# Usage: cycle-git.sh REPO
set -euo pipefail
repo=${1:?usage: cycle-git.sh REPO}
safe=$(sed -n 's/^safe_path=//p' "$repo.info")
branch=hotfix/INC-2026-0901-fix-benchmark
cd "$repo"
git checkout --quiet -b "$branch" main
echo "benchmark fix" >> "$safe"
git commit --quiet --all --message "Fix the benchmark path (INC-2026-0901)"
git checkout --quiet main && git merge --quiet --no-ff --no-edit "$branch"
git checkout --quiet develop && git merge --quiet --no-ff --no-edit "$branch"
git branch --quiet -d "$branch"
