#!/usr/bin/env bash
# Builds the benchmark repository: >= 50,000 commits and >= 20,000 files in a gitflow shape (see
# generate-history.py), written with git fast-import, packed and given a commit-graph by git gc like a real clone,
# with HEAD on develop and gitflow-avh configured (main/develop, hotfix/ prefix) so both tools run on it as is.
#
# Usage: make-large-repo.sh TARGET [DEVELOP_COMMITS]     (default 50000; writes TARGET.info next to it)
# HISTORY_OPTIONS (words) go to generate-history.py: make-small-repo.sh builds the small repository this way.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target=${1:?usage: make-large-repo.sh TARGET [DEVELOP_COMMITS]}
commits=${2:-50000}

rm -rf "$target" "$target.info"
git init --quiet --initial-branch main "$target"
# shellcheck disable=SC2086 # HISTORY_OPTIONS is a list of words
python3 "$here/generate-history.py" --develop-commits "$commits" --info "$target.info" ${HISTORY_OPTIONS:-} | git -C "$target" fast-import --quiet
git -C "$target" update-ref -d refs/heads/tmp-hotfix
git -C "$target" checkout --quiet --force develop
git -C "$target" gc --quiet
git -C "$target" config user.name "Bench Mark"
git -C "$target" config user.email bench@example.com
git -C "$target" config gitflow.branch.master main
git -C "$target" config gitflow.branch.develop develop
for prefix in feature bugfix release hotfix support; do git -C "$target" config "gitflow.prefix.$prefix" "$prefix/"; done
git -C "$target" config gitflow.prefix.versiontag ""
git -C "$target" config gitflow.path.hooks "$target/.git/hooks"
{
  echo "main=$(git -C "$target" rev-parse main)"
  echo "develop=$(git -C "$target" rev-parse develop)"
  echo "total_commits=$(git -C "$target" rev-list --count --all)"
  echo "tracked_files=$(git -C "$target" ls-files | wc -l)"
  echo "develop_ahead_of_main=$(git -C "$target" rev-list --count main..develop)"
} >> "$target.info"
cat "$target.info"
