using Hotfix.Policy.Checks;
using Hotfix.Policy.Findings;

namespace Hotfix.Policy.Reporting;

/// <summary>The result of <c>hotfix check</c>: findings in a stable order plus the sections the modules added.</summary>
public sealed class CheckReport
{
    internal CheckReport(
    ToolInfo tool,
    CheckSubject subject,
    IReadOnlyList<Finding> findings,
    IReadOnlyList<ReportSection> sections,
    string helpBaseUri,
    string command = "check")
    {
        Tool = tool;
        Subject = subject;
        Findings = findings;
        Sections = sections;
        HelpBaseUri = helpBaseUri;
        Counts = FindingCounts.Of(findings);
        Command = command;
    }

    /// <summary>The tool that produced the report.</summary>
    public ToolInfo Tool { get; }

    /// <summary>The branch and commit that were checked.</summary>
    public CheckSubject Subject { get; }

    /// <summary>Every finding: most severe first, then by rule id, path and line.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    internal IReadOnlyList<ReportSection> Sections { get; }

    /// <summary>
    /// The file findings without a path (about the whole branch) are shown on where a format needs a file (SARIF);
    /// null when no finding needs one or the commit has no file. See <see cref="Checks.BranchFindingFile"/>.
    /// </summary>
    internal string? BranchFindingFile { get; init; }

    /// <summary>Where rule pages live for this report (policy <c>helpBaseUri</c> or the published docs).</summary>
    public string HelpBaseUri { get; }

    /// <summary>How many errors, warnings, infos and waived findings.</summary>
    public FindingCounts Counts { get; }

    /// <summary>The command that produced the report (<c>check</c>, <c>audit</c>), for report headings.</summary>
    public string Command { get; }

    /// <summary>True when at least one finding blocks (an error nobody waived): <c>hotfix check</c> exits 1.</summary>
    public bool IsBlocking => Findings.Any(f => f.IsBlocking);

    internal T? Section<T>()
        where T : ReportSection => Sections.OfType<T>().FirstOrDefault();
}

/// <summary>The tool that produced a report, as reports and SARIF name it.</summary>
/// <param name="Name">The tool's name (<c>hotfix</c>).</param>
/// <param name="Version">The tool's version, as the package gives it.</param>
public sealed record ToolInfo(string Name, string Version);

/// <summary>How many findings a report holds, by severity after waivers.</summary>
/// <param name="Errors">Findings at error severity (waived ones are info by then).</param>
/// <param name="Warnings">Findings at warning severity.</param>
/// <param name="Infos">Findings at info severity, waived findings included.</param>
/// <param name="Waived">Findings a person accepted with a reason.</param>
public sealed record FindingCounts(int Errors, int Warnings, int Infos, int Waived)
{
    /// <summary>Counts the findings; an empty sequence gives all zeros.</summary>
    public static FindingCounts Of(IEnumerable<Finding> findings)
    {
        int errors = 0, warnings = 0, infos = 0, waived = 0;
        foreach (var f in findings)
        {
            _ = f.Severity switch
            {
                FindingSeverity.Error => errors++,
                FindingSeverity.Warning => warnings++,
                _ => infos++,
            };
            waived += f.Waiver is null ? 0 : 1;
        }

        return new FindingCounts(errors, warnings, infos, waived);
    }

    /// <summary>The counts for a summary line, e.g. "1 error, 2 warnings, 0 info (1 waived)".</summary>
    public override string ToString() =>
        $"{Plural(Errors, "error")}, {Plural(Warnings, "warning")}, {Infos} info" + (Waived > 0 ? $" ({Waived} waived)" : string.Empty);

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
