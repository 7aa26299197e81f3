using Hotfix.Policy.Checks.Branching;
using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Checks.Audit;

/// <summary>
/// <c>hotfix audit</c> as a check module: run by <see cref="CheckRunner"/> with main as the subject, so findings,
/// policy overrides and every report format work exactly as for <c>hotfix check</c>.
/// </summary>
internal sealed class AuditModule : ICheckModule
{
    public AuditModule(DateTimeOffset? since = null)
    {
        Rules =
        [
            new MissingBackMergeRule(since),
            new ShallowHistoryRule(context => OpenQuestions(HotfixAudit.Of(context, since))),
        ];
        Sections = [new Provider(since)];
    }

    public string Name => "audit";

    public IReadOnlyList<ICheckRule> Rules { get; }

    public IReadOnlyList<IReportSectionProvider> Sections { get; }

    private static IEnumerable<string> OpenQuestions(HotfixAudit audit)
    {
        var develop = audit.BackMergeTarget.Name;
        foreach (var hotfix in audit.Hotfixes.Where(h => h.Status == BackMergeStatus.Unknown))
        {
            yield return $"whether {hotfix.Label} ({hotfix.MainCommit.ShortSha} on {audit.Main.Name}) reached {develop}";
        }

        if (audit.ShallowCutOff is { } cut)
        {
            yield return $"whether hotfixes older than {cut.ShortSha} ({AuditDates.Day(cut.CommitTime)}) reached {develop} — {audit.Main.Name}'s history ends there";
        }
    }

    private sealed class Provider(DateTimeOffset? since) : IReportSectionProvider
    {
        public ReportSection Build(CheckContext context) => new AuditSection(HotfixAudit.Of(context, since));
    }
}
