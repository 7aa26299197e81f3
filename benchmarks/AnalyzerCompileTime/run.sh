#!/usr/bin/env bash
# Compile-time cost of Hotfix.Analyzers on a generated service of >= 2,000 files; numbers in benchmarks/README.md.
#   bash benchmarks/AnalyzerCompileTime/run.sh [OUT_DIR]     (MODULES=500 -> 2,001 files; RUNS=3 per variant)
#   SHAPE=sink-dense bash benchmarks/AnalyzerCompileTime/run.sh   the data-access layer with two raw-SQL sinks per file
#   VARIANTS="none hotfix efcore" picks the variants; HOTFIX_ANALYZER_DLL=path times another build of the analyzers
#   instead of building src/Hotfix.Analyzers; BASELINE_DLL=path adds the variant "baseline" (e.g. a copy of the dll
#   from before a change), timed in the same interleaved runs as "hotfix".
#   VARIANTS="… floor-operation floor-syntax" add the floor (FloorProbe/): an analyzer with one empty IOperation action
#   (the driver binds every method body and builds its operation tree: what any operation-based analyzer pays) and
#   one with one empty syntax-node action (the driver's fixed price without binding); "floor-syntax10" ten such
#   analyzers registered like the HF rules (the driver's price per analyzer class). "floor-lookup" and
#   "floor-lookuplate" make HF3002's eleven type look-ups at compilation start or in the first syntax callback: what a
#   rule is charged for being the first to ask the compilation for a type. "floor-report" (sink-dense shape) reports
#   the 6,000 findings Hotfix.Analyzers reports there, at the same places, found from syntax alone without binding:
#   what the compiler charges any analyzer for reporting them; "floor-reportgenerated" the same, with the compiler's
#   generated-code test of each finding's file left out (GeneratedCodeAnalysisFlags.ReportDiagnostics);
#   "floor-reportbound" the same with each finding's call or assignment bound to its IOperation first (GetOperation):
#   the floor of an IOperation rule that reports them from syntax actions.
#
# 1. generates the service (generate.py) and builds it once with MSBuild to get the compiler's exact command line;
# 2. runs that same csc command directly, without the compiler server, for each variant — no analyzers,
#    Hotfix.Analyzers, Microsoft.EntityFrameworkCore.Analyzers, SonarAnalyzer.CSharp (every SDK / ASP.NET Core analyzer
#    and generator removed in all four) — with /reportanalyzer, interleaving the variants run by run;
# 3. prints per variant the median wall time, the median CPU time (user + sys, steadier on a shared machine) and the
#    analyzers' own execution time as the compiler reports it (the -p:ReportAnalyzer=true numbers), and the overhead
#    against the no-analyzer compile.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shape=${SHAPE:-service}
if [ "$shape" = service ]; then default_out=$root/artifacts/bench/analyzer-compile; else default_out=$root/artifacts/bench/analyzer-$shape; fi
out=${1:-$default_out}
modules=${MODULES:-500}
runs=${RUNS:-3}
packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}

if [ -n "${HOTFIX_ANALYZER_DLL:-}" ]; then
  hotfix=$(cd "$(dirname "$HOTFIX_ANALYZER_DLL")" && pwd)/$(basename "$HOTFIX_ANALYZER_DLL")
else
  dotnet build "$root/src/Hotfix.Analyzers/Hotfix.Analyzers.csproj" -c Release -nologo -clp:ErrorsOnly
  hotfix="$root/src/Hotfix.Analyzers/bin/Release/netstandard2.0/Hotfix.Analyzers.dll"
fi

rm -rf "$out"
mkdir -p "$out"
python3 "$here/generate.py" "$out" "$modules" "$shape"
# Stop MSBuild from importing this repository's build settings into the benchmark service.
echo '<Project />' >"$out/Directory.Build.props"
echo '<Project />' >"$out/Directory.Build.targets"
echo '<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>' >"$out/Directory.Packages.props"
cp "$here/Bench.csproj.template" "$out/Bench.csproj"
echo "files: $(find "$out/src" -name '*.cs' | wc -l), lines: $(cat "$out"/src/*.cs | wc -l)"

dotnet restore "$out/Bench.csproj" -nologo -v:q
dotnet build "$out/Bench.csproj" --no-restore -nologo -v:d -p:UseSharedCompilation=false >"$out/msbuild.log" 2>&1
cmdline=$(grep -m 1 -E '^\s+\S+/csc /noconfig ' "$out/msbuild.log" | sed -E 's/^\s+//')
csc=${cmdline%% *}
# The command without any analyzer: every variant adds only its own.
sed -E 's#^\S+ ##; s#/analyzer:("[^"]*"|\S+)##g' <<<"$cmdline" >"$out/none.rsp"
{ cat "$out/none.rsp"; echo "/analyzer:$hotfix"; } >"$out/hotfix.rsp"
if [ -n "${BASELINE_DLL:-}" ]; then
  { cat "$out/none.rsp"; echo "/analyzer:$(cd "$(dirname "$BASELINE_DLL")" && pwd)/$(basename "$BASELINE_DLL")"; } >"$out/baseline.rsp"
fi
read -r -a variants <<<"${VARIANTS:-none hotfix efcore sonar}"
for kind in Operation Syntax Syntax10 Lookup LookupLate Report ReportGenerated ReportBound; do
  lower=$(tr '[:upper:]' '[:lower:]' <<<"$kind")
  if [[ " ${variants[*]} " == *" floor-$lower "* ]]; then
    dotnet build "$here/FloorProbe/FloorProbe.csproj" -c Release -nologo -clp:ErrorsOnly -p:ProbeKind="$kind" \
      -p:BaseIntermediateOutputPath="$root/artifacts/floor-probe/obj-$lower/" -o "$root/artifacts/floor-probe/$kind"
    { cat "$out/none.rsp"; echo "/analyzer:$root/artifacts/floor-probe/$kind/FloorProbe.$kind.dll"; } >"$out/floor-$lower.rsp"
  fi
done
{ cat "$out/none.rsp"; echo "/analyzer:$packages/microsoft.entityframeworkcore.analyzers/10.0.15/analyzers/dotnet/cs/Microsoft.EntityFrameworkCore.Analyzers.dll"; } >"$out/efcore.rsp"
{ cat "$out/none.rsp"; for dll in "$packages"/sonaranalyzer.csharp/9.32.0.97167/analyzers/*.dll; do echo "/analyzer:$dll"; done; } >"$out/sonar.rsp"

for variant in "${variants[@]}"; do : >"$out/$variant.times"; done
for run in $(seq 1 "$runs"); do
  for variant in "${variants[@]}"; do
    log="$out/$variant.$run.log"
    (cd "$out" && /usr/bin/time -f "%e %U %S" -o "$out/time.txt" "$csc" "@$variant.rsp" /reportanalyzer >"$log" 2>&1) || true
    grep -q "error CS" "$log" && { echo "compile failed: $log" >&2; exit 1; }
    analyzers=$(grep -oE 'Total analyzer execution time: [0-9.]+' "$log" | grep -oE '[0-9.]+$' || echo 0)
    read -r wall user sys <"$out/time.txt"
    echo "$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') $analyzers" >>"$out/$variant.times"
    echo "run $run $variant: wall $wall s, cpu $(tail -n 1 "$out/$variant.times" | cut -d' ' -f2) s, analyzers ${analyzers} s"
  done
done

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
base_cpu=$(cut -d' ' -f2 "$out/none.times" | median)
base_wall=$(cut -d' ' -f1 "$out/none.times" | median)
echo
# The issue's measure is the analyzer time against the no-analyzer compile's CPU; the share of its wall time is the one
# the issue 7 table also gave (on 2 cores the compile's wall is about half its CPU, so that share is about twice).
printf '%-8s %10s %10s %14s %18s %20s %20s\n' variant "wall (s)" "cpu (s)" "analyzers (s)" "cpu vs none" "analyzers / cpu" "analyzers / wall"
for variant in "${variants[@]}"; do
  wall=$(cut -d' ' -f1 "$out/$variant.times" | median)
  cpu=$(cut -d' ' -f2 "$out/$variant.times" | median)
  an=$(cut -d' ' -f3 "$out/$variant.times" | median)
  printf '%-8s %10.1f %10.1f %14.2f %17.1f%% %19.1f%% %19.1f%%\n' "$variant" "$wall" "$cpu" "$an" \
    "$(awk -v c="$cpu" -v b="$base_cpu" 'BEGIN { print 100 * (c - b) / b }')" \
    "$(awk -v a="$an" -v b="$base_cpu" 'BEGIN { print 100 * a / b }')" \
    "$(awk -v a="$an" -v b="$base_wall" 'BEGIN { print 100 * a / b }')"
done
echo
echo "Hotfix.Analyzers per analyzer (last run, compiler's /reportanalyzer):"
grep -E 'Hotfix\.Analyzers\.Rules\.' "$out/hotfix.$runs.log" | sed -E 's/^\s+/  /'
if [ -f "$out/baseline.$runs.log" ]; then
  echo "baseline per analyzer (last run):"
  grep -E 'Hotfix\.Analyzers\.Rules\.' "$out/baseline.$runs.log" | sed -E 's/^\s+/  /'
fi
