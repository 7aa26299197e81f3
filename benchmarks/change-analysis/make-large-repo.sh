#!/usr/bin/env bash
# Builds the benchmark repository with git fast-import: main with FILES files and COMMITS commits, a hotfix branch of
# HOTFIX_FILES changed files that starts BEHIND commits before main's tip. Then `git gc`, as a real clone would be.
#
# Usage: make-large-repo.sh TARGET [FILES=20000] [COMMITS=50000] [HOTFIX_FILES=200] [BEHIND=25]
set -euo pipefail
target=${1:?usage: make-large-repo.sh TARGET [FILES] [COMMITS] [HOTFIX_FILES] [BEHIND]}
files=${2:-20000}
commits=${3:-50000}
hotfix=${4:-200}
behind=${5:-25}
here=$(cd "$(dirname "$0")" && pwd)

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
rm -rf "$target"
git init --quiet --initial-branch main "$target"
python3 "$here/generate.py" "$files" "$commits" "$hotfix" "$behind" | git -C "$target" fast-import --quiet --done
git -C "$target" gc --quiet
git -C "$target" checkout --quiet hotfix/INC-2026-0042-bench-rounding
echo "$target: $(git -C "$target" rev-list --count main) commits on main, $(git -C "$target" ls-files | wc -l) files," \
  "$(git -C "$target" diff --name-only main...HEAD | wc -l) files changed on the hotfix branch"
