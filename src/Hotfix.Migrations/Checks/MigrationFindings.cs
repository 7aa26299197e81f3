using Hotfix.Migrations;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Rules;

namespace Hotfix.Migrations.Checks;

/// <summary>
/// Creates a rule's findings for one migration and applies the migration's own <c>hotfix: allow HFxxxx reason="…"</c>
/// comments: each comment waives the next finding of its rule at or below its line (findings without a line take any
/// unused comment), so one comment accepts one finding. The waiver carries the reason into every report; a comment
/// without a reason waives nothing and the finding says why.
/// </summary>
internal sealed class MigrationFindings(RuleDescriptor rule, DetectedMigration migration)
{
    private readonly List<(string Message, string Path, int? Line, FindingSeverity Severity)> pending = [];

    public void Add(string message, string path, int? line, FindingSeverity? severity = null) =>
        pending.Add((message, path, line, severity ?? rule.DefaultSeverity));

    public IEnumerable<Finding> Build()
    {
        var comments = migration.Waivers.Where(w => w.RuleId == rule.Id).OrderBy(w => w.Line).ToList();
        var used = new HashSet<MigrationWaiverComment>();
        foreach (var item in pending.OrderBy(p => p.Line ?? 0))
        {
            var comment = comments
                .Where(c => !used.Contains(c) && (item.Line is null || c.Path != item.Path || c.Line <= item.Line))
                .OrderByDescending(c => c.Path == item.Path ? c.Line : 0)
                .FirstOrDefault();
            var message = item.Message;
            Waiver? waiver = null;
            if (comment is not null)
            {
                used.Add(comment);
                if (comment.Reason is null)
                {
                    message += $" (The 'hotfix: allow {rule.Id}' comment at {comment.Path}:{comment.Line} has no reason=\"…\", so it waives nothing.)";
                }
                else
                {
                    waiver = new Waiver(comment.Reason, $"comment in {comment.Path}:{comment.Line}", item.Severity);
                }
            }

            yield return new Finding(rule.Id, item.Severity, message)
            {
                Path = item.Path,
                Line = item.Line,
                HelpLink = rule.HelpLink,
                Waiver = waiver,
            };
        }
    }
}
