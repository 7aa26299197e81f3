using Hotfix.Policy.Checks;

namespace Hotfix;

/// <summary>What to check: a branch (default: the repository's HEAD) and the caller's options.</summary>
public sealed record CheckRequest
{
    /// <summary>The branch to check; null checks the branch HEAD is on.</summary>
    public string? Branch { get; init; }

    /// <summary>Severity, declared scope and kinds, waivers and justifications.</summary>
    public CheckOptions Options { get; init; } = new();

    /// <summary>
    /// False when the caller will not render the report as SARIF, the one format that shows findings about the whole
    /// branch on a file: the look-up for that file is skipped. Hosts keep it: they may render any format afterwards.
    /// </summary>
    internal bool LocatesBranchFindings { get; init; } = true;
}
