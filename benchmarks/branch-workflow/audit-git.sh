#!/usr/bin/env bash
# The git CLI commands that answer hotfix audit's question on the benchmark repository: which hotfixes on main's
# first-parent line (hotfix/* merges, commits carrying an incident id) never reached develop — by ancestry
# (git merge-base --is-ancestor) and, when not, by patch id (git cherry: '+' marks a commit develop has no copy of).
# Prints one "missing: <sha> <subject>" line per hotfix that never reached develop.
# Usage: audit-git.sh REPO
set -euo pipefail
cd "${1:?usage: audit-git.sh REPO}"
git log --first-parent --format='%H %P%x09%s' main | while IFS=$'\t' read -r shas subject; do
  read -r commit first second _ <<<"$shas"
  incident=$(grep -oE 'INC-[0-9]{4}-[0-9]{4}' <<<"$subject" || true)
  if [ -n "${second:-}" ]; then
    [[ "$subject" == *"'hotfix/"* || -n "$incident" ]] || continue
    [[ "$subject" == *"'develop'"* ]] && continue
    tip=$second
  else
    [ -n "$incident" ] || continue
    tip=$commit
  fi
  git merge-base --is-ancestor "$tip" develop && continue
  if git cherry develop "$tip" "$first" | grep -q '^+'; then
    echo "missing: ${commit:0:7} $subject"
  fi
done
