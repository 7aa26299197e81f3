using System.Text.Json;
using Hotfix.Policy.Reporting.Renderers;

namespace Hotfix.Policy.Tests.Reporting;

public class JsonReportRendererTests
{
    private static JsonElement Render(Policy.Reporting.CheckReport report) =>
        JsonDocument.Parse(new JsonReportRenderer().RenderToString(report)).RootElement;

    [Fact]
    public void Has_the_documented_top_level_shape()
    {
        var root = Render(SampleReports.Mixed());
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("hotfix", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal("9.9.9", root.GetProperty("tool").GetProperty("version").GetString());
        var summary = root.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("errors").GetInt32());
        Assert.Equal(1, summary.GetProperty("warnings").GetInt32());
        Assert.Equal(2, summary.GetProperty("infos").GetInt32());
        Assert.Equal(1, summary.GetProperty("waived").GetInt32());
        Assert.True(summary.GetProperty("blocking").GetBoolean());
        Assert.Equal(2, root.GetProperty("sample").GetProperty("count").GetInt32());
    }

    [Fact]
    public void Findings_deserialise_with_every_key_present()
    {
        var findings = Render(SampleReports.Mixed()).GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(4, findings.Count);
        foreach (var f in findings)
        {
            foreach (var key in new[] { "ruleId", "severity", "message", "path", "line", "endLine", "title", "helpUri", "waiver" })
            {
                Assert.True(f.TryGetProperty(key, out _), $"finding lacks '{key}'");
            }
        }

        Assert.Equal(JsonValueKind.Null, findings[0].GetProperty("path").ValueKind);
        Assert.Equal("branch-level problem: 100% wrong,\nsecond line", findings[0].GetProperty("message").GetString());
        Assert.Equal("src/Orders/Order Service.cs", findings[1].GetProperty("path").GetString());
        Assert.Equal(12, findings[1].GetProperty("line").GetInt32());
        Assert.Equal(14, findings[1].GetProperty("endLine").GetInt32());
        Assert.Equal("warning", findings[1].GetProperty("severity").GetString());
        var waiver = findings[3].GetProperty("waiver");
        Assert.Equal("vendor outage, see INC-2026-0042", waiver.GetProperty("reason").GetString());
        Assert.Equal("error", waiver.GetProperty("originalSeverity").GetString());
        Assert.EndsWith("/HF0101.md", findings[0].GetProperty("helpUri").GetString());
    }

    [Fact]
    public void A_clean_report_has_an_empty_findings_array_and_is_not_blocking()
    {
        var root = Render(SampleReports.Clean());
        Assert.Empty(root.GetProperty("findings").EnumerateArray());
        Assert.False(root.GetProperty("summary").GetProperty("blocking").GetBoolean());
    }
}
