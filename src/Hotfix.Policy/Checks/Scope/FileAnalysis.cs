using Hotfix.Policy.Changes;
using Hotfix.Policy.Changes.Dependencies;
using Hotfix.Policy.Changes.Formatting;

namespace Hotfix.Policy.Checks.Scope;

/// <summary>
/// One changed file as the scope rules see it: how it is counted, which components it belongs to, and — computed on
/// first use — whether its change is formatting only and which package versions it changes.
/// </summary>
internal sealed class FileAnalysis
{
    private readonly Lazy<FormattingVerdict> formatting;
    private readonly Lazy<(IReadOnlyList<DependencyChange>? Changes, bool Unreadable)> dependencies;

    public FileAnalysis(FileChange change, FileRole role, string? roleReason, IReadOnlyList<string> components)
    {
        Change = change;
        Role = role;
        RoleReason = roleReason;
        Components = components;
        formatting = new Lazy<FormattingVerdict>(() => role.IsReadByReviewer() ? FormattingAnalysis.Analyze(change) : FormattingVerdict.None);
        dependencies = new Lazy<(IReadOnlyList<DependencyChange>?, bool)>(() =>
            role == FileRole.Vendored ? (null, false) : (DependencyFormats.Diff(change, out var unreadable), unreadable));
    }

    public FileChange Change { get; }

    public string Path => Change.Path;

    public FileRole Role { get; }

    /// <summary>Why the file is not <see cref="FileRole.Reviewed"/>: the glob or attribute that matched.</summary>
    public string? RoleReason { get; }

    /// <summary>Policy components whose paths match the file (old or new path), in policy order.</summary>
    public IReadOnlyList<string> Components { get; }

    /// <summary>Formatting verdict (code and test text files only; <see cref="FormattingVerdict.None"/> otherwise).</summary>
    public FormattingVerdict Formatting => formatting.Value;

    /// <summary>Package changes when the file is a manifest or lock file; null otherwise.</summary>
    public IReadOnlyList<DependencyChange>? Dependencies => dependencies.Value.Changes;

    /// <summary>The file is a manifest or lock file whose packages could not be read (malformed on one side).</summary>
    public bool DependenciesUnreadable => dependencies.Value.Unreadable;
}
