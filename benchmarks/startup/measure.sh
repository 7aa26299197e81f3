#!/usr/bin/env bash
# Start-up cost of the native CLI, in the measures a loaded machine does not blur: instructions executed (callgrind),
# minor page faults and CPU time (/usr/bin/time), for commands that do almost nothing but start: `--version`, `--help`,
# and a bad option (parse error, exit 2). Wall time (hyperfine) is printed too, with the load average beside it.
#   bash benchmarks/startup/measure.sh [BINARY...]       (default: artifacts/native/hotfix; RUNS=20)
# Several binaries (e.g. a publish from before a change and one after) are measured in the same run, interleaved.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${RUNS:-20}
binaries=("$@")
[ ${#binaries[@]} -gt 0 ] || binaries=("$root/artifacts/native/hotfix")
commands=("--version" "--help" "--no-such-option")

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
printf '%-40s %-18s %14s %12s %12s %12s\n' binary command instructions "minor faults" "cpu ms" "max RSS KB"
for command in "${commands[@]}"; do
  for binary in "${binaries[@]}"; do
    ir="-"
    if command -v valgrind >/dev/null; then
      out=$(mktemp)
      valgrind --tool=callgrind --callgrind-out-file="$out" "$binary" $command >/dev/null 2>&1 || true
      ir=$(grep -m1 '^summary:' "$out" | awk '{ print $2 }')
      rm -f "$out"
    fi
    faults=() cpu=() rss=()
    for _ in $(seq 1 "$runs"); do
      /usr/bin/time -f '%R %U %S %M' -o /tmp/hotfix-startup-time.$$ "$binary" $command >/dev/null 2>&1 || true
      read -r f u s m <"/tmp/hotfix-startup-time.$$"
      faults+=("$f") cpu+=("$(awk -v u="$u" -v s="$s" 'BEGIN { print 1000 * (u + s) }')") rss+=("$m")
    done
    rm -f "/tmp/hotfix-startup-time.$$"
    printf '%-40s %-18s %14s %12s %12s %12s\n' "$(basename "$(dirname "$binary")")/$(basename "$binary")" "$command" "$ir" \
      "$(printf '%s\n' "${faults[@]}" | median)" "$(printf '%s\n' "${cpu[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | median)"
  done
done
if command -v hyperfine >/dev/null; then
  args=()
  for binary in "${binaries[@]}"; do args+=("$binary --version"); done
  hyperfine -N --warmup 3 --runs "$runs" "${args[@]}" 2>&1 | grep -E 'Time|Range|--version' || true
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
