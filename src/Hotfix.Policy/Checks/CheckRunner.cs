using Hotfix.Policy.Findings;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Checks;

/// <summary>Runs modules over a context and assembles the report: policy overrides applied, findings in a stable order.</summary>
internal static class CheckRunner
{
    public static CheckReport Run(CheckContext context, IEnumerable<ICheckModule> modules, ToolInfo tool, string command = "check")
    {
        var ordered = modules.OrderBy(m => m.ReportOrder).ToList();
        context.Modules = ordered;
        var helpBase = context.Policy.HelpBaseUri ?? RuleCatalogue.DefaultHelpBaseUri;
        var waivers = WaiverRequests.For(context);
        var findings = new List<Finding>();
        var sections = new List<ReportSection>();
        foreach (var module in ordered)
        {
            foreach (var rule in module.Rules)
            {
                if (context.Policy.Rules.TryGetValue(rule.Rule.Id, out var level) && level == RuleLevels.Off)
                {
                    continue;
                }

                context.Cancellation.ThrowIfCancellationRequested();
                foreach (var finding in rule.Evaluate(context))
                {
                    if (!rule.Emits.Contains(finding.RuleId))
                    {
                        throw new InvalidOperationException($"{rule.GetType().Name} reported {finding.RuleId}, which it does not declare in Emits ({string.Join(", ", rule.Emits)}).");
                    }

                    var severity = context.Policy.EffectiveSeverity(finding.RuleId, finding.Severity);
                    if (severity is null)
                    {
                        continue;
                    }

                    // A waived finding stays info whatever the policy says; its original severity is on the waiver.
                    var waiver = finding.Waiver
                        ?? (waivers.TryGetValue(finding.RuleId, out var request) ? request.WaiverFor(finding with { Severity = severity.Value }) : null);
                    findings.Add(finding with
                    {
                        Severity = waiver is null ? severity.Value : FindingSeverity.Info,
                        Waiver = waiver,
                        HelpLink = RuleCatalogue.HelpLinkFor(finding.RuleId, helpBase),
                    });
                }
            }

            foreach (var provider in module.Sections)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                if (provider.Build(context) is { } section)
                {
                    sections.Add(section);
                }
            }
        }

        context.Cancellation.ThrowIfCancellationRequested();
        var sorted = findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Path ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Line ?? 0)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
        return new CheckReport(tool, context.Subject, sorted, sections, helpBase, command)
        {
            BranchFindingFile = context.LocatesBranchFindings && sorted.Any(f => f.Path is null) ? Checks.BranchFindingFile.Choose(context) : null,
        };
    }
}
