#!/usr/bin/env bash
# CPU time of Hotfix.Analyzers' own callbacks inside a real csc compile, per rule, from perf samples — the measure that
# holds under load, where /reportanalyzer adds up the wall time of callbacks (time spent waiting for a core included).
#   bash benchmarks/AnalyzerProfile/callback-cpu.sh BENCH_DIR DLL [DLL…]
# BENCH_DIR is a project prepared by benchmarks/AnalyzerCompileTime/run.sh (it holds none.rsp), e.g.
# artifacts/bench/analyzer-compile; each DLL is a build of Hotfix.Analyzers. One csc run per DLL (compiler server off,
# JIT perf map on), sampled at 499 Hz with call stacks; prints the seconds of samples whose stack holds each frame, and
# the compiler's own /reportanalyzer figure for the same run (wall time of the callbacks) beside them. The environment
# reaches csc: DOTNET_TC_QuickJit=0 runs the same compile with every method the JIT compiles optimized from the start
# (benchmarks/README.md, "Analyzers, ninth pass"); DOTNET_ReadyToRun=0 gives Roslyn's own frames names, for the
# executor's row ("Analyzers, tenth pass").
set -euo pipefail
bench=$(cd "${1:?usage: callback-cpu.sh BENCH_DIR DLL [DLL…]}" && pwd)
shift
csc=$(grep -m 1 -E '^\s+\S+/csc /noconfig ' "$bench/msbuild.log" | sed -E 's/^\s+//; s/ .*//')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for dll in "$@"; do
  dll=$(cd "$(dirname "$dll")" && pwd)/$(basename "$dll")
  { cat "$bench/none.rsp"; echo "/analyzer:$dll"; echo "/out:$work/out.dll"; echo "/refout:$work/out.ref.dll"; echo "/reportanalyzer"; } >"$work/run.rsp"
  (cd "$bench" && DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -q -F 499 -g -o "$work/perf.data" \
    "$csc" "@$work/run.rsp" >"$work/csc.log" 2>&1) || { cat "$work/csc.log" >&2; exit 1; }
  perf script -i "$work/perf.data" -F ip,sym,dso 2>/dev/null >"$work/stacks.txt"
  echo "$dll ($(uptime | sed -E 's/.*load average: //') load)"
  # The compiler's own figure for the same run: the wall time of the callbacks, time spent waiting for a core included.
  echo "  $(grep -oE 'Total analyzer execution time: [0-9.]+ seconds' "$work/csc.log" || echo 'no analyzer time reported') (/reportanalyzer, this run)"
  python3 - "$work/stacks.txt" <<'PY'
import re, sys
frames = {
    "all Hotfix.Analyzers callbacks": r"\[Hotfix\.Analyzers\]",
    "compilation start (all rules)": r"HotfixAnalyzer::<Initialize>",
    "HF3002 AuthorizationBypassAnalyzer": r"AuthorizationBypassAnalyzer",
    "  of which its compilation start": r"AuthorizationBypassAnalyzer::Start",
    "  of which the endpoint search": r"AuthorizationBypassAnalyzer::EndpointsIn",
    "SQL sink actions (HF3001 + HF2009, binding included)": r"SqlSinkActions",
    "  HF3001 SqlInjectionAnalyzer": r"SqlInjectionAnalyzer",
    "  of which allow-list tables": r"SqlText::IsAllowListTable",
    "HF2009 UnboundedBulkWriteAnalyzer": r"UnboundedBulkWriteAnalyzer",
    "  HF2009's syntax test (SqlSyntax.MayWriteEveryRow)": r"SqlSyntax::MayWriteEveryRow",
    "HF4001 QueryInLoopAnalyzer": r"QueryInLoopAnalyzer",
    "HF4003 SyncOverAsyncAnalyzer": r"SyncOverAsyncAnalyzer",
    # Roslyn's own frames have names only with DOTNET_ReadyToRun=0 (its precompiled code is not in the perf map).
    # The driver's executor: what calls the callbacks, and checks each node, symbol and finding, per analyzer. (Not the
    # driver as a whole: the compiler's own emit runs under AnalyzerDriver frames in csc.)
    "the driver's executor, callbacks included (DOTNET_ReadyToRun=0)": r"Microsoft\.CodeAnalysis\.Diagnostics\.AnalyzerExecutor",
}
samples, current = [], []
for line in open(sys.argv[1], errors="replace"):
    if line.strip():
        current.append(line)
    elif current:
        samples.append("".join(current)); current = []
if current:
    samples.append("".join(current))
print(f"  {len(samples) / 499:7.2f} s  the whole compile")
for name, pattern in frames.items():
    rx = re.compile(pattern)
    print(f"  {sum(1 for s in samples if rx.search(s)) / 499:7.2f} s  {name}")
    if name == "all Hotfix.Analyzers callbacks":
        # Compiling methods on first call (the package's own, and the generic code they instantiate) inside callbacks.
        jitting = sum(1 for s in samples if rx.search(s) and "libclrjit" in s)
        print(f"  {jitting / 499:7.2f} s    of which the JIT compiling code")
PY
done
