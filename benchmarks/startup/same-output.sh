#!/usr/bin/env bash
# Start-up changes must not change what any command prints: runs two builds of the native CLI (e.g. a publish from
# before a change and one after) on the same command lines — help, completion, did-you-mean, parse errors, --version,
# and a check on a small repository — and compares stdout, stderr and the exit code byte for byte.
#   bash benchmarks/startup/same-output.sh BEFORE_BINARY AFTER_BINARY
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 BEFORE_BINARY AFTER_BINARY" >&2; exit 2; }
before=$(realpath "$1") after=$(realpath "$2")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# A small repository on a hotfix branch for the commands that read one (fixed identity and dates: same output twice).
repo="$scratch/repo"
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
export GIT_AUTHOR_DATE=2026-01-01T00:00:00Z GIT_COMMITTER_DATE=2026-01-01T00:00:00Z GIT_CONFIG_GLOBAL=/dev/null NO_COLOR=1
git init -q -b main "$repo"
echo "hello" > "$repo/README.md"
git -C "$repo" add README.md && git -C "$repo" commit -q -m "initial"
git -C "$repo" checkout -q -b hotfix/INC-2026-0001-fix
echo "fix" >> "$repo/README.md"
git -C "$repo" commit -q -am "INC-2026-0001: fix"

lines=(
  ""
  "--help" "-h" "help" "help check" "check --help" "status --help" "start --help" "rollback --help"
  "completion bash" "completion zsh" "completion fish"
  "chek" "strat --help" "--no-such-option" "check --format nope" "check --severity" "start"
  "--version" "--version check" "check --version"
  "check" "check --format json" "status" "policy validate"
)
differences=0
for line in "${lines[@]}"; do
  for side in before after; do
    binary=$before; [ $side = after ] && binary=$after
    # shellcheck disable=SC2086 # the command line is split on purpose
    (cd "$repo" && "$binary" $line >"$scratch/$side.out" 2>"$scratch/$side.err"; echo $? >"$scratch/$side.code") || true
  done
  if cmp -s "$scratch/before.out" "$scratch/after.out" && cmp -s "$scratch/before.err" "$scratch/after.err" \
     && cmp -s "$scratch/before.code" "$scratch/after.code"; then
    printf 'same       exit %-3s hotfix %s\n' "$(cat "$scratch/after.code")" "$line"
  else
    printf 'DIFFERENT  hotfix %s\n' "$line"
    diff <(cat "$scratch/before.code" "$scratch/before.out" "$scratch/before.err") \
         <(cat "$scratch/after.code" "$scratch/after.out" "$scratch/after.err") | head -20 || true
    differences=$((differences + 1))
  fi
done
echo "$differences command line(s) differ"
[ "$differences" -eq 0 ]
