#!/usr/bin/env bash
# Puts the benchmark repository back to its generated state between runs: develop and main at their original
# commits, HEAD on develop with a clean working tree, no benchmark hotfix branch, no gitflow leftovers.
# Usage: reset.sh REPO
set -euo pipefail
repo=${1:?usage: reset.sh REPO}
source <(grep -E '^(main|develop)=' "$repo.info")
cd "$repo"
git checkout --quiet --force develop
git reset --quiet --hard "$develop"
git update-ref refs/heads/main "$main"
git branch --quiet -D hotfix/INC-2026-0901-fix-benchmark 2>/dev/null || true
git config --remove-section "gitflow.branch.hotfix/INC-2026-0901-fix-benchmark" 2>/dev/null || true
