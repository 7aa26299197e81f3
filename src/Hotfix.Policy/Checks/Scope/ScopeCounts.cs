using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Checks.Scope;

/// <summary>The size of a change: what counts against the budget (reviewed code) and what is counted apart (tests, generated, vendored and lock files).</summary>
internal sealed record ScopeCounts(
    int Files,
    int AddedLines,
    int DeletedLines,
    int CountedFiles,
    int CountedLines,
    int GeneratedFiles,
    int VendoredFiles,
    int LockFiles,
    int TestFiles,
    int TestLines,
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
            apart.Count(f => f.Role == FileRole.Test),
            apart.Where(f => f.Role == FileRole.Test).Sum(f => f.Change.ChangedLines),
            apart.Sum(f => f.Change.ChangedLines),
            files.Count(f => f.Change.IsBinary));
    }

    /// <summary>Files counted apart from the budget.</summary>
    public int ApartFiles => GeneratedFiles + VendoredFiles + LockFiles + TestFiles;

    /// <summary>What was counted apart, for messages: "1 test (120 lines), 2 generated, 1 lock file (340 lines)".</summary>
    public string ApartText()
    {
        var others = GeneratedFiles + VendoredFiles + LockFiles;
        var kinds = string.Join(", ", new[]
        {
            GeneratedFiles > 0 ? $"{GeneratedFiles} generated" : null,
            VendoredFiles > 0 ? $"{VendoredFiles} vendored" : null,
            LockFiles > 0 ? $"{LockFiles} lock {(LockFiles == 1 ? "file" : "files")}" : null,
        }.OfType<string>());
        return string.Join(", ", new[]
        {
            TestFiles > 0 ? $"{TestFiles} test {(TestFiles == 1 ? "file" : "files")} ({TestLines} lines)" : null,
            others > 0 ? $"{kinds} ({UncountedLines - TestLines} lines)" : null,
        }.OfType<string>());
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
