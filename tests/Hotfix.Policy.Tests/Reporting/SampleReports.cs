using System.Text.Json;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Tests.Reporting;

/// <summary>A report with one of everything a renderer must handle.</summary>
internal static class SampleReports
{
    public static CheckReport Mixed()
    {
        var rule = RuleCatalogue.Get(RuleIds.BranchName);
        Finding[] findings =
        [
            rule.CreateFinding("branch-level problem: 100% wrong,\nsecond line"),
            rule.CreateFinding("a file problem | with a pipe", "src/Orders/Order Service.cs", 12, 14) with { Severity = FindingSeverity.Warning },
            rule.CreateFinding("::set-output name=x::injected", "weird/pa:th,1.cs", 3) with { Severity = FindingSeverity.Info },
            rule.CreateFinding("accepted risk", "db/0042.sql", 1) with
            {
                Severity = FindingSeverity.Info,
                Waiver = new Waiver("vendor outage, see INC-2026-0042", "--allow", FindingSeverity.Error),
            },
        ];
        return new CheckReport(
            new ToolInfo("hotfix", "9.9.9"),
            new CheckSubject("hotfix/INC-2026-0042-fix-rounding", "0123456789abcdef0123456789abcdef01234567"),
            findings,
            [new SampleSection()],
            RuleCatalogue.DefaultHelpBaseUri);
    }

    public static CheckReport Clean() => new(
        new ToolInfo("hotfix", "9.9.9"),
        new CheckSubject("hotfix/INC-2026-0042-fix-rounding", "0123456789abcdef0123456789abcdef01234567"),
        [],
        [],
        RuleCatalogue.DefaultHelpBaseUri);

    private sealed class SampleSection : ReportSection
    {
        public override string Key => "sample";

        public override string Title => "Sample | section";

        public override void WriteJson(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteNumber("count", 2);
            writer.WriteEndObject();
        }

        public override void Describe(ReportDocumentBuilder document) =>
            document.Facts(("Count", "2"))
                .Table(["File", "Lines"], [["a|b.cs", "3"]])
                .Checklist([new ChecklistItem("smoke test", Done: true), new ChecklistItem("regression")])
                .Commands(["git merge --no-ff hotfix/INC-2026-0042-fix-rounding"])
                .List(["one *bold*"])
                .Paragraph("text");
    }
}
