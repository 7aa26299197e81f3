using System.Text.RegularExpressions;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Findings;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Reporting.Renderers;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Tests.Reporting;

public class GitHubReportRendererTests
{
    private static readonly Regex Annotation = new(
        @"^::(?<level>error|warning|notice) (?:file=(?<file>[^,:]+),line=(?<line>\d+)(?:,endLine=(?<end>\d+))?,)?title=(?<title>[^:,]+)::(?<message>.+)$");

    private static string[] Lines() =>
        new GitHubReportRenderer().RenderToString(SampleReports.Mixed()).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public void One_annotation_per_finding_in_the_runner_syntax()
    {
        var annotations = Lines().Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, annotations.Count);
        Assert.All(annotations, a => Assert.Matches(Annotation, a));
        var levels = annotations.Select(a => Annotation.Match(a).Groups["level"].Value);
        Assert.Equal(["error", "warning", "notice", "notice"], levels);
    }

    [Fact]
    public void Files_lines_and_titles_are_passed_escaped()
    {
        var annotations = Lines().Where(l => l.StartsWith("::", StringComparison.Ordinal)).Select(a => Annotation.Match(a)).ToList();
        Assert.False(annotations[0].Groups["file"].Success);
        Assert.Equal("src/Orders/Order Service.cs", annotations[1].Groups["file"].Value);
        Assert.Equal("12", annotations[1].Groups["line"].Value);
        Assert.Equal("14", annotations[1].Groups["end"].Value);
        Assert.Equal("weird/pa%3Ath%2C1.cs", annotations[2].Groups["file"].Value);
        Assert.Equal("HF0101 Hotfix branch name", annotations[0].Groups["title"].Value);
    }

    [Fact]
    public void Messages_cannot_break_out_of_their_command()
    {
        var annotations = Lines().Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.Contains("100%25 wrong,%0Asecond line", annotations[0]);
        Assert.Contains("Waived (error → info) by --allow", annotations[3]);
        // The injected "::set-output" only appears inside an annotation's message, never at a line start.
        Assert.DoesNotContain(Lines(), l => l.TrimStart().StartsWith("::set-output", StringComparison.Ordinal));
    }

    [Fact]
    public void The_text_report_follows_for_the_log()
    {
        var lines = Lines();
        Assert.Contains(lines, l => l.StartsWith("Result: 1 error, 1 warning, 2 info (1 waived)", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains('\u001b'));
    }

    [Fact]
    public void Escaping_follows_the_runner_rules()
    {
        Assert.Equal("a%25b%0D%0Ac", GitHubReportRenderer.EscapeData("a%b\r\nc"));
        Assert.Equal("a%3Ab%2Cc%25", GitHubReportRenderer.EscapeProperty("a:b,c%"));
    }

    [Theory]
    [InlineData("src/evil\r::error file=x::forged.cs")]
    [InlineData("src/##[error]forged.cs")]
    [InlineData("src/evil\n::add-mask::secret.cs")]
    [InlineData("src/evil\r\n##[set-output name=x]y.cs")]
    public void A_hostile_file_name_or_message_cannot_start_a_workflow_command(string hostile)
    {
        var rule = RuleCatalogue.Get(RuleIds.BranchName);
        var report = new CheckReport(
            new ToolInfo("hotfix", "9.9.9"),
            new CheckSubject("hotfix/INC-2026-0042-x", "0123456789abcdef0123456789abcdef01234567"),
            [rule.CreateFinding(hostile, hostile, 3), rule.CreateFinding("see " + hostile)],
            [],
            RuleCatalogue.DefaultHelpBaseUri);

        var output = new GitHubReportRenderer().RenderToString(report);

        // The runner splits lines on CR as well as LF; every line it would see must be ours or inert.
        var lines = output.Split('\r', '\n');
        var commands = lines.Where(l => l.TrimStart().StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, commands.Count);
        Assert.All(commands, c => Assert.Matches(Annotation, c));
        Assert.DoesNotContain(lines, l => l.Contains("##[", StringComparison.Ordinal) && !l.StartsWith("::", StringComparison.Ordinal));
        Assert.Contains("file=src/", commands[0]);
        Assert.DoesNotContain(',', Annotation.Match(commands[0]).Groups["file"].Value);
    }

    [Theory]
    [InlineData("::warning::x", ": :warning::x")]
    [InlineData("   ::error::x", ": :error::x")]
    [InlineData("a ##[error]b", "a #\\#[error]b")]
    [InlineData("a\rb", "a\\x0db")]
    public void Log_lines_are_made_inert(string line, string expected)
    {
        Assert.Equal(expected, GitHubReportRenderer.LogLine(line));
    }
}
