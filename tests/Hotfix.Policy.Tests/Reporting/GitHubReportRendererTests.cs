using System.Text.RegularExpressions;
using Hotfix.Policy.Reporting.Renderers;

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
}
