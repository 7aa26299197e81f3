using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Hotfix.Migrations;
using Hotfix.Policy.Changes;

namespace Hotfix.Benchmarks.Migrations;

/// <summary>
/// Classifies a folder of 5,000 migration files as one change set: every file added, read from disk, recognised,
/// paired, parsed and assessed (the risks of every operation). BenchmarkDotNet reports the time per file
/// (OperationsPerInvoke = file count); files/second = 1 s / that time.
/// </summary>
[MemoryDiagnoser]
public class MigrationClassificationBenchmark
{
    public const int Files = 5_000;
    private string folder = string.Empty;
    private List<(string Path, byte[] Bytes)> files = [];

    [GlobalSetup]
    public void Setup()
    {
        folder = Path.Combine(Path.GetTempPath(), "hotfix-migration-benchmark");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        MigrationFolder.Generate(folder, Files);
        files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(p => (Path.GetRelativePath(folder, p).Replace('\\', '/'), File.ReadAllBytes(p)))
            .OrderBy(f => f.Item1, StringComparer.Ordinal)
            .ToList();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    [Benchmark(OperationsPerInvoke = Files)]
    public int ClassifyFolder() => Classify(files);

    public static int Classify(IReadOnlyList<(string Path, byte[] Bytes)> files)
    {
        var changes = new ChangeSet("main", "base", "head", files
            .Select(f => new FileChange(FileChangeKind.Added, f.Path, null, EntryMode.Missing, EntryMode.File, null, "blob", () => null, () => new FileContent(f.Bytes)))
            .ToList());
        var fact = MigrationFact.From(changes, reader: null);
        var risks = 0;
        foreach (var migration in fact.Migrations)
        {
            risks += migration.Risks.Sum(r => r.Count);
        }

        return fact.Migrations.Count * 1000 + risks % 1000;
    }
}

public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["once"])
        {
            var benchmark = new MigrationClassificationBenchmark();
            benchmark.Setup();
            var timer = Stopwatch.StartNew();
            var result = benchmark.ClassifyFolder();
            timer.Stop();
            Console.WriteLine($"{result / 1000} migrations from {MigrationClassificationBenchmark.Files} generated files in {timer.ElapsedMilliseconds} ms (cold, first pass)");
            benchmark.Cleanup();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
