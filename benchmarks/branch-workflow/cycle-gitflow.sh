#!/usr/bin/env bash
# The same cycle with gitflow-avh (Debian package git-flow): git flow hotfix start, commit, git flow hotfix finish -n
# (no tag, as hotfix does not tag either). GIT_MERGE_AUTOEDIT=no keeps git merge from opening an editor.
# Usage: cycle-gitflow.sh REPO
set -euo pipefail
repo=${1:?usage: cycle-gitflow.sh REPO}
safe=$(sed -n 's/^safe_path=//p' "$repo.info")
cd "$repo"
git flow hotfix start INC-2026-0901-fix-benchmark >/dev/null
echo "benchmark fix" >> "$safe"
git commit --quiet --all --message "Fix the benchmark path (INC-2026-0901)"
GIT_MERGE_AUTOEDIT=no git flow hotfix finish -n INC-2026-0901-fix-benchmark >/dev/null
