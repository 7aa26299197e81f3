// Per-analyzer execution time of Hotfix.Analyzers over a folder of C# files (the generated benchmark service).
using System.Collections.Immutable;
using System.Diagnostics;
using Hotfix.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

var folder = args.Length > 0 ? args[0] : throw new ArgumentException("usage: AnalyzerProfile SOURCE_FOLDER [RUNS]");
var runs = args.Length > 1 ? int.Parse(args[1]) : 3;
var references = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "profile-references.txt"))
    .Where(p => !p.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal) && !p.Contains("Hotfix.Analyzers", StringComparison.Ordinal))
    .Select(p => MetadataReference.CreateFromFile(p)).ToArray();
var parse = new CSharpParseOptions(LanguageVersion.Preview);
var trees = Directory.GetFiles(folder, "*.cs").Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f)).ToList();
trees.Add(CSharpSyntaxTree.ParseText("global using System; global using System.Linq; global using System.Collections.Generic; global using System.Threading; global using System.Threading.Tasks;", parse, "usings.cs"));
var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
var hotfix = typeof(SqlInjectionAnalyzer).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
    // PROFILE_SKIP=AuthorizationBypassAnalyzer,… leaves rules out: what one rule's registrations cost the whole pass.
    .Where(t => !(Environment.GetEnvironmentVariable("PROFILE_SKIP") ?? string.Empty).Split(',').Contains(t.Name))
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

// The comparison packages, loaded from the NuGet cache where the benchmark service's restore put them.
var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
var suites = new List<(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)> { ("Hotfix.Analyzers", hotfix) };
foreach (var (name, pattern) in new[]
{
    ("Microsoft.EntityFrameworkCore.Analyzers", Path.Combine(packages, "microsoft.entityframeworkcore.analyzers", "10.0.15", "analyzers", "dotnet", "cs")),
    ("SonarAnalyzer.CSharp", Path.Combine(packages, "sonaranalyzer.csharp", "9.32.0.97167", "analyzers")),
})
{
    if (!Directory.Exists(pattern))
    {
        Console.WriteLine($"{name}: not restored ({pattern}); run benchmarks/AnalyzerCompileTime/run.sh first");
        continue;
    }

    var loaded = Directory.GetFiles(pattern, "*.dll")
        .SelectMany(dll => new AnalyzerFileReference(dll, Loader.Instance).GetAnalyzers(LanguageNames.CSharp))
        .ToImmutableArray();
    if (loaded.IsEmpty)
    {
        Console.WriteLine($"{name}: no analyzer loads against Roslyn {typeof(Compilation).Assembly.GetName().Version} in-process; compare it in benchmarks/AnalyzerCompileTime/run.sh");
        continue;
    }

    suites.Add((name, loaded));
}

suites.Add(("probe: empty operation action", ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationProbe())));
suites.Add(("probe: empty syntax action", ImmutableArray.Create<DiagnosticAnalyzer>(new EmptySyntaxProbe())));
// The registrations of the HF rules without their work: ten analyzers (one per HF analyzer class) with empty actions
// on the node kinds the rules subscribe to — the driver dispatches and keeps state per analyzer.
suites.Add(("probe: 10 empty rule-shaped analyzers", Enumerable.Range(0, 10).Select(_ => (DiagnosticAnalyzer)new RuleShapedProbe()).ToImmutableArray()));
var only = Environment.GetEnvironmentVariable("PROFILE_ONLY");
if (!string.IsNullOrEmpty(only))
{
    // A comma-separated list of name parts: PROFILE_ONLY=Hotfix,EntityFramework,probe
    var parts = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    suites = suites.Where(s => parts.Any(p => s.Name.Contains(p, StringComparison.OrdinalIgnoreCase))).ToList();
}

Console.WriteLine($"{trees.Count} files, {references.Length} references");
var passes = new Dictionary<string, List<double>>();
var bindings = new List<double>();
for (var run = 1; run <= runs; run++)
{
    var compilation = CSharpCompilation.Create("Bench", trees, references, options);
    var cpu = Cpu();
    var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
    var bindCpu = (Cpu() - cpu).TotalMilliseconds;
    bindings.Add(bindCpu);
    Console.WriteLine($"run {run}: binding the whole compilation: cpu {bindCpu:F0} ms ({errors} errors)");
    foreach (var (name, analyzers) in suites)
    {
        // A fresh compilation per suite, so no suite finds another's bound members in the cache.
        var withAnalyzers = CSharpCompilation.Create("Bench", trees, references, options).WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        var before = Cpu();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var passCpu = (Cpu() - before).TotalMilliseconds;
        (passes.TryGetValue(name, out var list) ? list : passes[name] = new List<double>()).Add(passCpu);
        var times = new List<(TimeSpan Time, string Analyzer)>();
        foreach (var analyzer in analyzers)
        {
            times.Add(((await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime, analyzer.GetType().Name));
        }

        var findingsFile = Environment.GetEnvironmentVariable("PROFILE_FINDINGS");
        if (!string.IsNullOrEmpty(findingsFile) && name == "Hotfix.Analyzers")
        {
            // Every finding as the compiler would print it, sorted: before/after files of an optimisation must be equal.
            File.WriteAllLines(findingsFile, diagnostics
                .Select(d => $"{Path.GetFileName(d.Location.SourceTree?.FilePath)}:{d.Location.GetLineSpan().StartLinePosition} {d.Id} {d.Severity} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} {string.Join(",", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value))}")
                .OrderBy(line => line, StringComparer.Ordinal));
        }

        var total = times.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Time);
        Console.WriteLine($"  {name}: analysis pass cpu {passCpu:F0} ms, callbacks {total.TotalMilliseconds:F0} ms, {diagnostics.Length} findings");
        foreach (var (time, analyzer) in times.OrderByDescending(t => t.Time).Take(12).Where(_ => analyzers.Length > 1))
        {
            Console.WriteLine($"    {time.TotalMilliseconds,8:F0} ms  {analyzer}");
        }
    }
}

static double Median(List<double> values)
{
    var sorted = values.OrderBy(v => v).ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

var binding = Median(bindings);
Console.WriteLine();
Console.WriteLine($"median cpu of binding the whole compilation: {binding:F0} ms");
if (passes.TryGetValue("probe: empty syntax action", out var floor))
{
    foreach (var (name, values) in passes)
    {
        var extra = Median(values) - Median(floor);
        Console.WriteLine($"  {name,-32} pass {Median(values),8:F0} ms; above an empty syntax analyzer: {extra,7:F0} ms = {100 * extra / binding,5:F1} % of binding");
    }
}

static TimeSpan Cpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

/// <summary>Loads analyzer assemblies into the default context, next to the Roslyn this tool runs.</summary>
internal sealed class Loader : IAnalyzerAssemblyLoader
{
    public static Loader Instance { get; } = new();

    public void AddDependencyLocation(string fullPath)
    {
    }

    public System.Reflection.Assembly LoadFromPath(string fullPath) =>
        System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
}
