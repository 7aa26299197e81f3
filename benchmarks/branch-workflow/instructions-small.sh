#!/usr/bin/env bash
# Instructions executed (callgrind) by `hotfix start` and `hotfix finish` on the small repository of run-small.sh, and by
# `hotfix policy validate` there (start-up + loading and validating its hotfix.json) — counts that do not move with
# the load of a shared machine, for comparing binaries. Each binary is run from the same state (reset.sh); the commit
# between start and finish is made with git and not counted.
# Usage: instructions-small.sh BINARY [BINARY…]     (WORK_DIR from $WORK, default /tmp/hotfix-bench-small)
# REPO=PATH counts on another repository made by make-*-repo.sh instead, e.g. run.sh's 20,000-file one
# (REPO=/tmp/hotfix-bench/large); it must exist with its .info file beside it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 1 ] || { echo "usage: instructions-small.sh BINARY [BINARY…]" >&2; exit 2; }
work=${WORK:-/tmp/hotfix-bench-small}
repo=${REPO:-$work/small}
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
[ -d "$repo" ] || { mkdir -p "$work"; "$here/make-small-repo.sh" "$repo" >/dev/null; }
safe=$(sed -n 's/^safe_path=//p' "$repo.info")

# Valgrind gives up on the separate debug file (.dbg) the publish puts beside the binary: run a copy without it (the
# libgit2 library is copied along).
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"; "$here/reset.sh" "$repo"' EXIT
count() {
  valgrind --tool=callgrind --callgrind-out-file="$scratch/out" "$@" >/dev/null 2>&1 || true
  grep -m1 '^summary:' "$scratch/out" | awk '{ print $2 }'
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-40s %16s %16s %16s\n' binary "policy validate" start finish
for binary in "$@"; do
  dir="$scratch/$(echo "$binary" | md5sum | cut -c1-8)"
  mkdir -p "$dir"
  cp "$binary" "$dir/"
  cp "$(dirname "$binary")"/*.so "$dir/" 2>/dev/null || true
  copy="$dir/$(basename "$binary")"
  "$here/reset.sh" "$repo"
  validate=$(cd "$repo" && count "$copy" policy validate)
  start=$(cd "$repo" && count "$copy" start INC-2026-0901 fix-benchmark --no-fetch)
  git -C "$repo" rev-parse --verify --quiet refs/heads/hotfix/INC-2026-0901-fix-benchmark >/dev/null \
    || { echo "$binary: start did not create the branch" >&2; exit 1; }
  (cd "$repo" && echo 'benchmark fix' >> "$safe" && git commit --quiet --all --message 'Fix the benchmark path (INC-2026-0901)')
  finish=$(cd "$repo" && count "$copy" finish)
  [ "$(git -C "$repo" symbolic-ref --short HEAD)" = develop ] || { echo "$binary: finish did not end on develop" >&2; exit 1; }
  printf '%-40s %16s %16s %16s\n' "$(basename "$(dirname "$binary")")/$(basename "$binary")" "$validate" "$start" "$finish"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
