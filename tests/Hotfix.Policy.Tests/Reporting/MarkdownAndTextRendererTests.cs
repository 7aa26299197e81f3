using Hotfix.Policy.Reporting;
using Hotfix.Policy.Reporting.Renderers;

namespace Hotfix.Policy.Tests.Reporting;

public class MarkdownAndTextRendererTests
{
    [Fact]
    public void Markdown_is_a_pr_comment_with_a_findings_table()
    {
        var md = new MarkdownReportRenderer().RenderToString(SampleReports.Mixed());
        var lines = md.Split('\n');
        Assert.StartsWith("## ❌ Hotfix check: `hotfix/INC-2026-0042-fix-rounding`", lines[0]);
        var rows = lines.SkipWhile(l => !l.StartsWith("| Severity", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(4, System.Text.RegularExpressions.Regex.Split(r.Trim().Trim('|'), @"(?<!\\)\|").Length));
        Assert.Contains(@"a file problem \| with a pipe", md);
        Assert.Contains("[HF0101](https://", md);
        Assert.Contains("`src/Orders/Order Service.cs:12`", md);
        Assert.Contains("_waived (error → info) by --allow: vendor outage, see INC-2026-0042_", md);
    }

    [Fact]
    public void Markdown_renders_every_block_kind()
    {
        var md = new MarkdownReportRenderer().RenderToString(SampleReports.Mixed());
        Assert.Contains(@"### Sample \| section", md);
        Assert.Contains("- **Count:** 2", md);
        Assert.Contains(@"| a\|b.cs | 3 |", md);
        Assert.Contains("- [x] smoke test", md);
        Assert.Contains("- [ ] regression", md);
        Assert.Contains("```bash\ngit merge --no-ff hotfix/INC-2026-0042-fix-rounding\n```", md.Replace("\r", string.Empty));
        Assert.Contains(@"- one \*bold\*", md);
    }

    [Fact]
    public void Text_has_no_escape_codes_unless_colour_is_on()
    {
        var plain = new TextReportRenderer(new RenderOptions(Color: false)).RenderToString(SampleReports.Mixed());
        var coloured = new TextReportRenderer(new RenderOptions(Color: true)).RenderToString(SampleReports.Mixed());
        Assert.DoesNotContain('\u001b', plain);
        Assert.Contains("\u001b[31m", coloured);
        Assert.Contains("src/Orders/Order Service.cs:12", plain);
        Assert.Contains("waived (error → info) by --allow: vendor outage", plain);
        Assert.Contains("[x] smoke test", plain);
        Assert.Contains("$ git merge --no-ff", plain);
        Assert.EndsWith("Result: 1 error, 1 warning, 2 info (1 waived) — blocking: fix or waive the errors above (exit 1)", plain.TrimEnd());
    }

    [Fact]
    public void A_clean_report_says_so()
    {
        var text = new TextReportRenderer(new RenderOptions()).RenderToString(SampleReports.Clean());
        Assert.Contains("Result: 0 errors, 0 warnings, 0 info — no findings", text);
        Assert.StartsWith("## ✅", new MarkdownReportRenderer().RenderToString(SampleReports.Clean()));
    }

    [Theory]
    [InlineData("text", ReportFormat.Text)]
    [InlineData("JSON", ReportFormat.Json)]
    [InlineData("sarif", ReportFormat.Sarif)]
    [InlineData("github", ReportFormat.Github)]
    [InlineData("markdown", ReportFormat.Markdown)]
    public void Format_names_parse(string name, ReportFormat expected)
    {
        Assert.True(ReportFormats.TryParse(name, out var format));
        Assert.Equal(expected, format);
        Assert.False(ReportFormats.TryParse("xml", out _));
    }
}
