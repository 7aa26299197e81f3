#!/usr/bin/env bash
# `hotfix audit` where every hotfix is squashed and found by patch id (make-squash-history.py: 5,000 develop commits,
# 200 hotfixes, no release merged to main) — CPU of each binary given, against `git cherry develop main` and
# audit-git.sh answering the same question. The reports of all binaries must be the same.
# Usage: audit-squash.sh HOTFIX [OTHER_HOTFIX...]     (WORK_DIR from $WORK, default /tmp/hotfix-bench-audit)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 1 ] || { echo "usage: audit-squash.sh HOTFIX [OTHER_HOTFIX...]" >&2; exit 2; }
work=${WORK:-/tmp/hotfix-bench-audit}
repo=$work/squash
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
if [ ! -d "$repo/.git" ]; then
  mkdir -p "$work"
  git init -q "$repo"
  python3 "$here/make-squash-history.py" 5000 200 | git -C "$repo" fast-import --done --quiet
  git -C "$repo" checkout -q main
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
first=""
for binary in "$@"; do
  /usr/bin/time -f "$binary: %U s user, %S s system" "$binary" audit --repo "$repo" --format json > "$work/report.json" || true
  grep -v '"version"' "$work/report.json" > "$work/report.cmp"
  if [ -z "$first" ]; then first=$(md5sum < "$work/report.cmp"); elif [ "$first" != "$(md5sum < "$work/report.cmp")" ]; then echo "$binary: another report" >&2; exit 1; fi
done
/usr/bin/time -f "git cherry develop main: %U s user, %S s system" git -C "$repo" cherry develop main > /dev/null
/usr/bin/time -f "audit-git.sh: %U s user, %S s system" bash "$here/audit-git.sh" "$repo" > /dev/null
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
