using System.Text.Json;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Reporting.Renderers;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Tests.Reporting;

/// <summary>Checks the SARIF 2.1.0 properties that the schema requires and that code-scanning consumers read.</summary>
public class SarifReportRendererTests
{
    private static JsonElement Render(CheckReport report, string? root = "/work/repo") =>
        JsonDocument.Parse(new SarifReportRenderer(new RenderOptions(RepositoryRoot: root)).RenderToString(report)).RootElement;

    [Fact]
    public void Log_has_the_required_top_level_properties()
    {
        var log = Render(SampleReports.Mixed());
        Assert.Equal("2.1.0", log.GetProperty("version").GetString());
        Assert.Contains("sarif-schema-2.1.0.json", log.GetProperty("$schema").GetString());
        var run = Assert.Single(log.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("hotfix", driver.GetProperty("name").GetString());
        Assert.Equal("9.9.9", driver.GetProperty("version").GetString());
        Assert.Equal("file:///work/repo/", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
        Assert.Equal(2, run.GetProperty("properties").GetProperty("hotfix").GetProperty("sample").GetProperty("count").GetInt32());
    }

    [Fact]
    public void Every_catalogued_rule_is_described_with_its_help_uri()
    {
        var rules = Render(SampleReports.Mixed()).GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(RuleCatalogue.All.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString()!;
            Assert.True(Uri.IsWellFormedUriString(rule.GetProperty("helpUri").GetString(), UriKind.Absolute));
            Assert.EndsWith(id + ".md", rule.GetProperty("helpUri").GetString());
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("help").GetProperty("text").GetString()));
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note" });
        }
    }

    [Fact]
    public void Results_reference_rules_and_carry_locations()
    {
        var run = Render(SampleReports.Mixed()).GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(4, results.Count);
        foreach (var result in results)
        {
            var index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[index].GetProperty("id").GetString());
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning", "note", "none" });
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            Assert.Single(result.GetProperty("locations").EnumerateArray());
        }

        // GitHub code scanning drops a whole upload for one result without a file: a branch-level finding names the
        // branch logically and sits on a file (the policy file when the report was built without a repository reader).
        var branchLevel = results[0].GetProperty("locations")[0];
        Assert.Equal("hotfix.json", branchLevel.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(1, branchLevel.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("refs/heads/hotfix/INC-2026-0042-fix-rounding", branchLevel.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
        Assert.EndsWith("(About branch 'hotfix/INC-2026-0042-fix-rounding' as a whole; shown on hotfix.json.)", results[0].GetProperty("message").GetProperty("text").GetString());

        var physical = results[1].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("src/Orders/Order%20Service.cs", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(12, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(14, physical.GetProperty("region").GetProperty("endLine").GetInt32());
        Assert.Equal("warning", results[1].GetProperty("level").GetString());
    }

    [Fact]
    public void A_waived_finding_is_an_accepted_suppression_with_its_justification()
    {
        var results = Render(SampleReports.Mixed()).GetProperty("runs")[0].GetProperty("results");
        var suppression = Assert.Single(results[3].GetProperty("suppressions").EnumerateArray());
        Assert.Equal("accepted", suppression.GetProperty("status").GetString());
        Assert.Equal("external", suppression.GetProperty("kind").GetString());
        Assert.Equal("vendor outage, see INC-2026-0042", suppression.GetProperty("justification").GetString());
        Assert.False(results[0].TryGetProperty("suppressions", out _));
    }

    [Fact]
    public void A_clean_report_is_still_a_complete_log()
    {
        var run = Render(SampleReports.Clean(), root: null).GetProperty("runs")[0];
        Assert.Empty(run.GetProperty("results").EnumerateArray());
        Assert.False(run.TryGetProperty("originalUriBaseIds", out _));
    }
}
