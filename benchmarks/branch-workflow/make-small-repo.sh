#!/usr/bin/env bash
# Builds the small repository of the start/finish benchmark (issue 15): the same gitflow shape as the large one
# (generate-history.py — releases merged into main, hotfixes merged and back-merged, squashed, cherry-picked, develop
# ahead of main) at the size of a small service: 300 files in 10 folders, about 200 commits, and the sample company
# policy committed as hotfix.json (samples/policies/hotfix.json with its branches spelled out), so start and finish
# load and apply a real policy. Deterministic (seed 42); HEAD on develop, gitflow-avh configured.
# Usage: make-small-repo.sh TARGET      (writes TARGET.info next to it)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target=${1:?usage: make-small-repo.sh TARGET}
HISTORY_OPTIONS="--dirs 10 --files-per-dir 30 --release-every 40 --unreleased 24 --policy $here/small-hotfix.json" \
  "$here/make-large-repo.sh" "$target" 162
