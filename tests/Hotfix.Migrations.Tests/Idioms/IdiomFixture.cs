using System.Diagnostics.CodeAnalysis;
using Hotfix.Migrations;
using Hotfix.Migrations.Checks;
using Hotfix.Policy.Changes;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Tests.Scope;

namespace Hotfix.Migrations.Tests.Idioms;

/// <summary>
/// One idiom fixture: a folder with <c>base/</c> (the repository on main, unchanged by the hotfix unless
/// <c>change/</c> has the same path), <c>change/</c> (what the hotfix adds or edits) and <c>expected.txt</c> (what
/// Hotfix must report). Fixtures of one framework that start from the same repository name it in <c>base.from</c>
/// (a folder relative to the fixture, e.g. <c>../_shared/blog-initial</c>) instead of copying it. The fixture runs through the migration scanner and the HF20xx rules exactly as
/// <c>hotfix check</c> runs them, and <see cref="Describe"/> prints the outcome in the expected file's form.
/// </summary>
internal sealed class IdiomFixture
{
    private readonly Dictionary<string, string> baseFiles;
    private readonly Dictionary<string, string> changedFiles;

    private IdiomFixture(string directory)
    {
        Directory = directory;
        var shared = Path.Combine(directory, "base.from");
        baseFiles = File.Exists(shared) ? Read(Path.GetFullPath(Path.Combine(directory, File.ReadAllText(shared).Trim()))) : [];
        foreach (var (path, text) in Read(Path.Combine(directory, "base")))
        {
            baseFiles[path] = text;
        }

        changedFiles = Read(Path.Combine(directory, "change"));
    }

    public string Directory { get; }

    public static string Root => Path.Combine(AppContext.BaseDirectory, "Idioms");

    /// <summary>Every fixture, as "framework/idiom".</summary>
    public static IEnumerable<string> All() =>
        System.IO.Directory.EnumerateFiles(Root, "expected.txt", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, Path.GetDirectoryName(f)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static IdiomFixture Load(string name) => new(Path.Combine(Root, name));

    /// <summary>The expected lines, without comments (#) and blank lines.</summary>
    public IReadOnlyList<string> Expected() =>
        File.ReadAllLines(Path.Combine(Directory, "expected.txt"))
            .Select(l => l.TrimEnd())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();

    /// <summary>What Hotfix reports: each migration with its down status and risks, then the HF20xx and HF4004 findings.</summary>
    public IReadOnlyList<string> Describe()
    {
        var changes = ChangeSet();
        var reader = new Reader(changes, Head());
        var lines = new List<string>();
        foreach (var migration in MigrationFact.From(changes, reader).Migrations)
        {
            lines.Add($"migration {migration.DisplayName} {migration.Framework.Id()} down={migration.Down.Status.Name()}");
            for (var k = 0; k < migration.Up.Count; k++)
            {
                lines.AddRange(migration.Risks[k].Select(r => $"  risk {r.RuleId} {r.RowId}: {r.Reason}"));
            }
        }

        var context = new CheckContext(HotfixPolicy.Runbook, new CheckSubject("hotfix/INC-2026-0042-idiom", new string('b', 40)), new CheckOptions(),
            new PortSet().Add<IChangeSetReader>(reader));
        var report = CheckRunner.Run(context, [new MigrationsModule()], new ToolInfo("hotfix", "test"));
        lines.AddRange(report.Findings.Where(f => f.RuleId.StartsWith("HF20", StringComparison.Ordinal) && f.RuleId != "HF2001" || f.RuleId == "HF4004")
            .Select(f => $"finding {f.RuleId} {f.Path}:{f.Line}")
            .Order(StringComparer.Ordinal));
        return lines;
    }

    private Dictionary<string, string> Head()
    {
        var head = new Dictionary<string, string>(baseFiles, StringComparer.Ordinal);
        foreach (var (path, text) in changedFiles)
        {
            head[path] = text;
        }

        return head;
    }

    private ChangeSet ChangeSet() => new("main", new string('a', 40), new string('b', 40), changedFiles
        .Select(f => baseFiles.TryGetValue(f.Key, out var old)
            ? InMemoryChanges.Modified(f.Key, old, f.Value)
            : InMemoryChanges.Added(f.Key, f.Value))
        .OrderBy(c => c.Path, StringComparer.Ordinal)
        .ToList());

    private static Dictionary<string, string> Read(string directory) =>
        !System.IO.Directory.Exists(directory)
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : System.IO.Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);

    private sealed class Reader(ChangeSet changes, IReadOnlyDictionary<string, string> head) : IChangeSetReader
    {
        public bool TryReadChangeSet(string baseBranch, string remote, string headCommit, [NotNullWhen(true)] out ChangeSet? changeSet, [NotNullWhen(false)] out string? unavailableReason)
        {
            changeSet = changes;
            unavailableReason = null;
            return true;
        }

        public FileContent? ReadFile(string commit, string path) =>
            commit == changes.Head && head.TryGetValue(path, out var text) ? FileContent.FromText(text)
            : commit == changes.MergeBase && changes.Find(path) is { OldContent: { } old } ? old
            : commit == changes.MergeBase && changes.Find(path) is null && head.TryGetValue(path, out var same) ? FileContent.FromText(same)
            : null;

        public IReadOnlyList<string> ListFiles(string commit) => head.Keys.Order(StringComparer.Ordinal).ToList();
    }
}
