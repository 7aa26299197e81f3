namespace Hotfix.Policy.Changes.Dependencies;

/// <summary>
/// The package manifests and lock files Hotfix reads, and the package-level difference of one changed file. Formats
/// are matched on the file name (and pip's <c>requirements/</c> folder), so a manifest anywhere in the repository counts.
/// </summary>
internal static class DependencyFormats
{
    private static readonly RequirementsFormat Requirements = new();

    public static IReadOnlyList<IDependencyFormat> All { get; } =
    [
        new MsBuildFormat(), new NuGetLockFormat(),
        new PackageJsonFormat(), new PackageLockFormat(), new YarnLockFormat(), new PnpmLockFormat(),
        new GoModFormat(), new GoSumFormat(),
        new RequirementsFormat(), new PyprojectFormat(), new PipfileLockFormat(), TomlPackageLockFormat.Poetry, TomlPackageLockFormat.Cargo, TomlPackageLockFormat.Uv,
        new PomFormat(), new GradleFormat(), new GradleLockFormat(), new GradleCatalogFormat(),
        new ComposerLockFormat(), new GemfileLockFormat(),
    ];

    public static IDependencyFormat? For(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return All.FirstOrDefault(f => f.Matches(name)) ?? (InRequirementsFolder(path) ? Requirements : null);
    }

    /// <summary>pip's split layout: <c>requirements/base.txt</c>, <c>requirements/production.txt</c>, in any folder.</summary>
    private static bool InRequirementsFolder(string path) =>
        path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
        && System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(path)) is { } folder
        && folder.Equals("requirements", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The package changes of <paramref name="change"/>, when it is a manifest or lock file: null when it is neither;
    /// <paramref name="unreadable"/> is set when one of its versions could not be parsed (then the list is empty).
    /// </summary>
    public static IReadOnlyList<DependencyChange>? Diff(FileChange change, out bool unreadable)
    {
        unreadable = false;
        if (For(change.Path) is not { } format || change.IsBinary || change.IsSubmodule || change.IsSymlink)
        {
            return null;
        }

        var before = Read(format, change.OldContent, ref unreadable);
        var after = Read(format, change.NewContent, ref unreadable);
        if (unreadable)
        {
            return [];
        }

        var changes = new List<DependencyChange>();
        foreach (var name in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var from = before.TryGetValue(name, out var f) ? f : null;
            var to = after.TryGetValue(name, out var t) ? t : null;
            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                changes.Add(new DependencyChange(change.Path, name, from, to));
            }
        }

        return changes;
    }

    private static IReadOnlyDictionary<string, string> Read(IDependencyFormat format, FileContent? content, ref bool unreadable)
    {
        if (content?.Text is not { } text)
        {
            return new Dictionary<string, string>();
        }

        var parsed = format.Parse(text);
        unreadable |= parsed is null;
        return parsed ?? new Dictionary<string, string>();
    }

    /// <summary>Adds a version, keeping every distinct version of a package (lock files often hold several).</summary>
    internal static void Add(Dictionary<string, string> packages, string name, string? version)
    {
        version ??= string.Empty;
        if (packages.TryGetValue(name, out var existing) && existing.Length > 0 && existing != version)
        {
            var versions = existing.Split(", ").Append(version).Where(v => v.Length > 0).Distinct().Order(StringComparer.Ordinal);
            packages[name] = string.Join(", ", versions);
        }
        else if (!packages.ContainsKey(name) || existing!.Length == 0)
        {
            packages[name] = version;
        }
    }
}
