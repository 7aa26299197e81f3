using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Checks.Scope;

/// <summary>The size of a change: what counts against the budget (reviewed files) and what is counted apart.</summary>
internal sealed record ScopeCounts(
    int Files,
    int AddedLines,
    int DeletedLines,
    int CountedFiles,
    int CountedLines,
    int GeneratedFiles,
    int VendoredFiles,
    int LockFiles,
    int UncountedLines,
    int BinaryFiles)
{
    public static ScopeCounts Of(ScopeAnalysis analysis)
    {
        var files = analysis.Files;
        var reviewed = files.Where(f => f.Role == FileRole.Reviewed).ToList();
        var apart = files.Where(f => f.Role != FileRole.Reviewed).ToList();
        return new ScopeCounts(
            files.Count,
            files.Sum(f => f.Change.AddedLines),
            files.Sum(f => f.Change.DeletedLines),
            reviewed.Count,
            reviewed.Sum(f => f.Change.ChangedLines),
            apart.Count(f => f.Role == FileRole.Generated),
            apart.Count(f => f.Role == FileRole.Vendored),
            apart.Count(f => f.Role == FileRole.LockFile),
            apart.Sum(f => f.Change.ChangedLines),
            files.Count(f => f.Change.IsBinary));
    }
}

/// <summary>The budget a change is held to: the incident's severity's, or — severity unknown — the loosest one.</summary>
/// <param name="Severity">The severity whose budget applies.</param>
/// <param name="Budget">Its limits.</param>
/// <param name="Assumed">True when the caller gave no severity and the loosest budget was used.</param>
internal sealed record EffectiveBudget(IncidentSeverity Severity, ScopeBudget Budget, bool Assumed)
{
    /// <summary>Null when the policy has no budget for the severity (then size is not limited).</summary>
    public static EffectiveBudget? For(CheckContext context)
    {
        var scope = context.Policy.Scope;
        if (context.Options.Severity is { } severity)
        {
            return scope.BudgetFor(severity) is { } budget ? new EffectiveBudget(severity, budget, false) : null;
        }

        // Without a severity, only a change too large for every severity is certainly too large.
        var loosest = IncidentSeverities.All
            .Select(s => (Severity: s, Budget: scope.BudgetFor(s)))
            .Where(b => b.Budget is not null)
            .OrderByDescending(b => b.Budget!.Files + b.Budget.Lines)
            .ThenByDescending(b => b.Severity)
            .FirstOrDefault();
        return loosest.Budget is null ? null : new EffectiveBudget(loosest.Severity, loosest.Budget, true);
    }

    public string Describe() =>
        $"{Budget.Files} files / {Budget.Lines} changed lines ({Severity.Name()}{(Assumed ? ", the loosest budget: no --severity given" : string.Empty)})";
}
