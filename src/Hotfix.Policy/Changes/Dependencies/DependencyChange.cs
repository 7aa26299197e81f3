namespace Hotfix.Policy.Changes.Dependencies;

/// <summary>One package whose version a change adds, removes or changes, in one manifest or lock file.</summary>
/// <param name="File">The manifest or lock file.</param>
/// <param name="Package">The package as the file names it (npm name, NuGet id, group:artifact, Go module …).</param>
/// <param name="From">The version (or range) at the merge base; null when the package is new.</param>
/// <param name="To">The version (or range) on the branch; null when the package was removed.</param>
internal sealed record DependencyChange(string File, string Package, string? From, string? To)
{
    public string Describe() => (From, To) switch
    {
        (null, _) => $"added {Package} {Show(To)}",
        (_, null) => $"removed {Package} {Show(From)}",
        _ => $"{Package} {Show(From)} → {Show(To)}",
    };

    private static string Show(string? version) => string.IsNullOrEmpty(version) ? "(no version)" : version;
}

/// <summary>A file format that declares or locks package versions.</summary>
internal interface IDependencyFormat
{
    /// <summary>Short name for messages, e.g. "MSBuild project", "npm lock file".</summary>
    string Name { get; }

    bool Matches(string fileName);

    /// <summary>Package → version (several versions of one package joined by ", "); null when the text cannot be read.</summary>
    IReadOnlyDictionary<string, string>? Parse(string text);
}
