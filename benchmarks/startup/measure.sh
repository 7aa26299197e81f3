#!/usr/bin/env bash
# Start-up cost of the native CLI against the floor, an AOT hello world (benchmarks/startup/hello) built with the same
# SDK: instructions executed (callgrind), minor page faults, CPU time and peak RSS (/usr/bin/time), for commands that do
# almost nothing but start: `--version`, `--help`, and a bad option (parse error, exit 2), then `status --help` and a
# `check` of a one-commit hotfix branch in a scratch repository; then wall time of `--version`
# (hyperfine, all binaries in one run) with the load average printed before and after.
#   bash benchmarks/startup/measure.sh [BINARY...]       (default: artifacts/native/hotfix; RUNS=50)
# Several binaries (e.g. a publish from before a change and one after) are measured in the same run. The hello world is
# published to artifacts/hello when it is not there yet.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${RUNS:-50}
binaries=("$@")
[ ${#binaries[@]} -gt 0 ] || binaries=("$root/artifacts/native/hotfix")
hello="$root/artifacts/hello/hello"
if [ ! -x "$hello" ]; then
  dotnet publish "$root/benchmarks/startup/hello/Hello.csproj" -c Release -r linux-x64 -o "$root/artifacts/hello" -nologo -clp:ErrorsOnly >&2
fi
binaries=("$hello" "${binaries[@]}")
commands=("--version" "--help" "--no-such-option")

# Every command pays the same start; two more show it beside their own work: a command's help, and `check` on a
# one-commit hotfix branch (loads libgit2). The hello world is measured for the first three only.
repo=$(mktemp -d)
git init -q -b main "$repo"
echo "hello" > "$repo/README.md"
git -C "$repo" -c user.name=bench -c user.email=bench@example.com add README.md
git -C "$repo" -c user.name=bench -c user.email=bench@example.com commit -q -m initial
git -C "$repo" checkout -q -b hotfix/INC-2026-0001-fix
echo "fix" >> "$repo/README.md"
git -C "$repo" -c user.name=bench -c user.email=bench@example.com commit -q -am "INC-2026-0001: fix"
commands+=("status --help" "check --repo $repo")

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Valgrind gives up on the separate debug file (.dbg) that the publish puts beside the binary: count instructions on a
# copy without it (the libgit2 library is copied along for `check`).
scratch=$(mktemp -d)
trap 'rm -rf "$scratch" "$repo"' EXIT
instructions() {
  local dir
  dir="$scratch/$(echo "$1" | md5sum | cut -c1-8)"
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir"
    cp "$1" "$dir/"
    cp "$(dirname "$1")"/*.so "$dir/" 2>/dev/null || true
  fi
  valgrind --tool=callgrind --callgrind-out-file="$scratch/out" "$dir/$(basename "$1")" $2 >/dev/null 2>&1 || true
  grep -m1 '^summary:' "$scratch/out" | awk '{ print $2 }'
}

label() { echo "$(basename "$(dirname "$1")")/$(basename "$1")"; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
printf '%-28s %-18s %14s %12s %10s %12s\n' binary command instructions "minor faults" "cpu ms" "max RSS KB"
for command in "${commands[@]}"; do
  for binary in "${binaries[@]}"; do
    if [ "$binary" = "$hello" ] && [[ "$command" == status* || "$command" == check* ]]; then continue; fi
    ir="-"
    if command -v valgrind >/dev/null; then
      ir=$(instructions "$binary" "$command")
    fi
    faults=() cpu=() rss=()
    for _ in $(seq 1 "$runs"); do
      /usr/bin/time -f '%R %U %S %M' -o "$scratch/time" "$binary" $command >/dev/null 2>&1 || true
      # (a non-zero exit adds a "Command exited with non-zero status" line first)
      read -r f u s m < <(tail -n1 "$scratch/time")
      faults+=("$f") cpu+=("$(awk -v u="$u" -v s="$s" 'BEGIN { print 1000 * (u + s) }')") rss+=("$m")
    done
    printf '%-28s %-18s %14s %12s %10s %12s\n' "$(label "$binary")" "$command" "$ir" \
      "$(printf '%s\n' "${faults[@]}" | median)" "$(printf '%s\n' "${cpu[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | median)"
  done
done
if command -v hyperfine >/dev/null; then
  args=()
  for binary in "${binaries[@]}"; do args+=(-n "$(label "$binary") --version" "$binary --version"); done
  hyperfine -N --warmup 5 --runs "$runs" "${args[@]}" 2>&1 | grep -vE '^\s*$|Warning|consider using|caches' || true
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
