using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Tests.Policies;

public class MetricsPolicyValidationTests
{
    private const string H24 = "\"h24\": [{ \"id\": \"sustained-fix\", \"check\": \"monitoring confirms sustained fix\" }]";

    private static PolicyLoadResult WithCheck(string check) =>
        PolicyParser.Parse($"{{ \"stabilityWindow\": {{ \"checkpoints\": {{ \"h1\": [{{ \"id\": \"error-rate\", \"check\": \"error rate returned to baseline\", {check} }}], {H24} }} }} }}", "hotfix.json");

    [Fact]
    public void A_measured_check_and_a_prometheus_source_are_read()
    {
        var result = PolicyParser.Parse(
            $"{{ \"metrics\": {{ \"prometheus\": {{ \"url\": \"http://prometheus:9090\", \"bearerToken\": \"env:PROM_TOKEN\" }} }}, \"stabilityWindow\": {{ \"checkpoints\": {{ \"h1\": [{{ \"id\": \"error-rate\", \"check\": \"back to baseline\", \"query\": \"sum(x)\", \"baselineRatio\": 1.2, \"max\": 0.05 }}], {H24} }} }} }}",
            "hotfix.json");
        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        var check = result.Policy!.StabilityWindow.Checkpoints["h1"][0];
        Assert.Equal(("sum(x)", 1.2, 0.05, (double?)null), (check.Query, check.BaselineRatio, check.Max, check.Min));
        Assert.Equal(("http://prometheus:9090", "env:PROM_TOKEN", (int?)null), (result.Policy.Metrics.Prometheus!.Url, result.Policy.Metrics.Prometheus.BearerToken, result.Policy.Metrics.Prometheus.TimeoutSeconds));
        Assert.Null(PolicyParser.Parse("{}", "hotfix.json").Policy!.Metrics.Prometheus);
    }

    [Theory]
    [InlineData("\"query\": \"sum(x)\"", "$.stabilityWindow.checkpoints.h1[0]", "a query with no threshold")]
    [InlineData("\"max\": 0.1", "$.stabilityWindow.checkpoints.h1[0].max", "0.1")]
    [InlineData("\"query\": \" \", \"max\": 1", "$.stabilityWindow.checkpoints.h1[0].query", "\" \"")]
    [InlineData("\"query\": \"x\", \"baselineRatio\": 0", "$.stabilityWindow.checkpoints.h1[0].baselineRatio", "0")]
    [InlineData("\"query\": \"x\", \"min\": 2, \"max\": 1", "$.stabilityWindow.checkpoints.h1[0].min", "2")]
    public void A_check_that_could_never_be_measured_or_never_fail_is_refused(string check, string path, string found)
    {
        var result = WithCheck(check);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((path, found), (problem.Path, problem.Found));
    }

    [Theory]
    [InlineData("\"url\": \"prometheus:9090\"", "$.metrics.prometheus.url")]
    [InlineData("\"url\": \"http://user:pw@prometheus:9090\"", "$.metrics.prometheus.url")]
    [InlineData("\"url\": \"http://p:9090\", \"timeoutSeconds\": 0", "$.metrics.prometheus.timeoutSeconds")]
    [InlineData("\"url\": \"http://p:9090\", \"bearerToken\": \"env:1X\"", "$.metrics.prometheus.bearerToken")]
    public void A_prometheus_source_must_be_reachable_by_url_and_keep_its_token_out_of_the_file(string prometheus, string path)
    {
        var result = PolicyParser.Parse($"{{ \"metrics\": {{ \"prometheus\": {{ {prometheus} }} }} }}", "hotfix.json");
        Assert.Equal(path, Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void A_pasted_token_is_refused_without_being_echoed()
    {
        var result = PolicyParser.Parse("{ \"metrics\": { \"prometheus\": { \"url\": \"http://p:9090\", \"bearerToken\": \"glsa_s3cr3t\" } } }", "hotfix.json");
        var problem = Assert.Single(result.Problems);
        Assert.DoesNotContain("s3cr3t", problem.ToString());
        Assert.Contains("env:NAME", problem.Expected);
    }
}
