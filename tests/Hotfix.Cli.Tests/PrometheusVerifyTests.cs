using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Records;
using Hotfix.Records;
using Hotfix.TestSupport;
using Hotfix.TestSupport.Prometheus;

namespace Hotfix.Cli.Tests;

/// <summary>
/// One real Prometheus server over a backfilled history of two services with the same incident: "orders", whose
/// hotfix worked (errors and latency back to what they were), and "payments", whose did not. Started once for the class.
/// </summary>
public sealed class PrometheusHistoryFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Opened = new(2026, 3, 24, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Deployed = Opened.AddHours(1);

    public static readonly ServicePhase Before = new(Opened.AddHours(-3), Opened, ErrorsPerMinute: 1, P99Seconds: 0.2);
    public static readonly ServicePhase Incident = new(Opened, Deployed, ErrorsPerMinute: 20, P99Seconds: 2.0);
    public static readonly ServicePhase Fixed = new(Deployed, Deployed.AddHours(5), ErrorsPerMinute: 1, P99Seconds: 0.2);
    public static readonly ServicePhase StillSick = new(Deployed, Deployed.AddHours(5), ErrorsPerMinute: 5, P99Seconds: 0.8);

    public PrometheusServer? Server { get; private set; }

    public async Task InitializeAsync()
    {
        if (PrometheusServer.Binary is not null && PrometheusServer.Promtool is not null)
        {
            Server = await PrometheusServer.StartAsync(ServiceHistory.OpenMetrics(
                new ServiceHistory("orders", [Before, Incident, Fixed]),
                new ServiceHistory("payments", [Before, Incident, StillSick])));
        }
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}

public class PrometheusVerifyTests(PrometheusHistoryFixture prometheus) : IClassFixture<PrometheusHistoryFixture>
{
    private const string Incident = "INC-2026-0042";
    private static readonly Dictionary<string, string> Sandro = new() { ["HOTFIX_USER"] = "sandro" };
    private static readonly DateTimeOffset Opened = PrometheusHistoryFixture.Opened;
    private static readonly DateTimeOffset H1 = PrometheusHistoryFixture.Deployed.AddHours(1);

    private static double ErrorRatio(ServicePhase phase) => (double)phase.ErrorsPerMinute / ServiceHistory.RequestsPerMinute;

    private static string ErrorRateQuery(string service) =>
        $"sum(rate(http_requests_total{{service=\"{service}\",code=~\"5..\"}}[5m])) / sum(rate(http_requests_total{{service=\"{service}\"}}[5m]))";

    /// <summary>A policy measuring h1's error rate (back to baseline, within 50 %) and response times (p99 at most 0.5 s).</summary>
    private static string Policy(string url, string service, string? errorQuery = null, string? extra = null) => new JsonObject
    {
        ["metrics"] = new JsonObject { ["prometheus"] = JsonNode.Parse($"{{ \"url\": \"{url}\" {extra} }}") },
        ["stabilityWindow"] = new JsonObject
        {
            ["checkpoints"] = new JsonObject
            {
                ["h1"] = new JsonArray(
                    new JsonObject { ["id"] = "error-rate", ["check"] = "error rate returned to baseline", ["query"] = errorQuery ?? ErrorRateQuery(service), ["baselineRatio"] = 1.5 },
                    new JsonObject { ["id"] = "response-times", ["check"] = "response times returned to baseline", ["query"] = $"max(http_request_duration_p99_seconds{{service=\"{service}\"}})", ["max"] = 0.5 },
                    new JsonObject { ["id"] = "error-patterns", ["check"] = "no new error patterns in logs" },
                    new JsonObject { ["id"] = "clients", ["check"] = "affected clients can use the system normally" }),
                ["h24"] = new JsonArray(new JsonObject { ["id"] = "sustained-fix", ["check"] = "monitoring confirms sustained fix" }),
            },
        },
    }.ToJsonString();

    private static CliResult Run(TempDirectory dir, DateTimeOffset at, params string[] args) =>
        CliRun.Run(dir.Path, Sandro, new FixedTimeProvider(at), null, args);

    /// <summary>A folder with the policy and an incident opened at <see cref="Opened"/> and deployed an hour later.</summary>
    private TempDirectory Incident_with(string policy)
    {
        var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("hotfix.json"), policy);
        Assert.Equal(0, Run(dir, Opened, "record", Incident, "--note", "checkout errors").ExitCode);
        var deployed = Run(dir, PrometheusHistoryFixture.Deployed, "verify", Incident, "--deployed");
        Assert.True(deployed.ExitCode == 0, deployed.ToString());
        return dir;
    }

    private static List<JsonElement> Verifications(TempDirectory dir) =>
        File.ReadAllLines(dir.Combine(".hotfix", "incidents", Incident + ".jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("kind").GetString() == IncidentEventKinds.Verification)
            .ToList();

    private string Url => prometheus.Server!.Url.ToString();

    [PrometheusFact]
    public void At_h1_alone_measures_every_check_with_a_query_and_lists_what_a_person_attests()
    {
        using var dir = Incident_with(Policy(Url, "orders"));

        var result = Run(dir, H1.AddMinutes(7), "verify", Incident, "--at", "h1", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString() + prometheus.Server!.Log);
        Assert.Contains("recorded 2 h1 check(s)", result.Error);
        Assert.Contains($"a person attests them: hotfix verify {Incident} --at h1 --check error-patterns=pass|fail:note --check clients=pass|fail:note", result.Error);
        var recorded = Verifications(dir).ToDictionary(e => e.GetProperty("details").GetProperty("check").GetString()!, e => e.GetProperty("details"));
        Assert.Equal(["error-rate", "response-times"], recorded.Keys.Order());

        var errors = recorded["error-rate"];
        var expected = ErrorRatio(PrometheusHistoryFixture.Fixed);
        Assert.Equal(("pass", "prometheus"), (errors.GetProperty("result").GetString(), errors.GetProperty("source").GetString()));
        Assert.Equal(expected, errors.GetProperty("value").GetDouble(), 9);
        Assert.Equal(ErrorRatio(PrometheusHistoryFixture.Before), errors.GetProperty("baseline").GetDouble(), 9);
        Assert.StartsWith("baseline 0.01 × 1.5 = 0.015", errors.GetProperty("threshold").GetString());

        var latency = recorded["response-times"];
        Assert.Equal("pass", latency.GetProperty("result").GetString());
        Assert.Equal(PrometheusHistoryFixture.Fixed.P99Seconds, latency.GetProperty("value").GetDouble());
        Assert.Equal("max 0.5", latency.GetProperty("threshold").GetString());

        var checks = JsonDocument.Parse(result.Out).RootElement.GetProperty("checkpoints")[0].GetProperty("checks");
        Assert.Equal(["pass", "pass", "pending", "pending"], checks.EnumerateArray().Select(c => c.GetProperty("state").GetString()));
        Assert.Equal("0.2 meets max 0.5", checks[1].GetProperty("note").GetString());
    }

    [PrometheusFact]
    public void A_service_not_back_to_baseline_fails_its_checks_with_the_values_observed()
    {
        using var dir = Incident_with(Policy(Url, "payments"));

        var result = Run(dir, H1, "verify", Incident, "--at", "h1", "--check", "error-rate", "--check", "response-times", "--check", "clients=pass:ACME confirmed");

        Assert.True(result.ExitCode == 0, result.ToString());
        var recorded = Verifications(dir).Select(e => e.GetProperty("details")).ToList();
        Assert.Equal(["fail", "fail", "pass"], recorded.Select(d => d.GetProperty("result").GetString()));
        Assert.Equal(["prometheus", "prometheus", "attested"], recorded.Select(d => d.GetProperty("source").GetString()));
        var ratio = ErrorRatio(PrometheusHistoryFixture.StillSick);
        Assert.Equal(ratio, recorded[0].GetProperty("value").GetDouble(), 9);
        Assert.Equal($"{ratio.ToString(CultureInfo.InvariantCulture)} breaks baseline 0.01 × 1.5 = 0.015", recorded[0].GetProperty("note").GetString());
        Assert.Equal("0.8 breaks max 0.5", recorded[1].GetProperty("note").GetString());
        Assert.Contains("h1 — due 2026-03-24 11:00 +00:00 (failed)", Run(dir, H1, "verify", Incident).Out);
    }

    [PrometheusFact]
    public void The_checkpoint_is_measured_as_of_its_own_time_whenever_it_is_recorded()
    {
        // Recorded at h4, the h1 check still measures h1: the incident's hour (2.0 s) is not what it reads.
        using var dir = Incident_with(Policy(Url, "orders"));
        Assert.Equal(0, Run(dir, H1.AddHours(3), "verify", Incident, "--at", "h1", "--check", "response-times").ExitCode);
        Assert.Equal(PrometheusHistoryFixture.Fixed.P99Seconds, Verifications(dir).Single().GetProperty("details").GetProperty("value").GetDouble());
    }

    [PrometheusFact]
    public void An_empty_result_is_an_operation_failure_never_a_pass()
    {
        using var dir = Incident_with(Policy(Url, "inventory"));

        var result = Run(dir, H1, "verify", Incident, "--at", "h1", "--check", "response-times");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("h1 check 'response-times': the value from Prometheus at", result.Error);
        Assert.Contains("the query returned no data", result.Error);
        Assert.Contains("State: nothing was recorded", result.Error);
        Assert.Empty(Verifications(dir));
    }

    [PrometheusFact]
    public void No_traffic_at_all_divides_zero_by_zero_and_is_not_a_number_to_pass_on()
    {
        using var dir = Incident_with(Policy(Url, "orders", errorQuery: "sum(rate(http_requests_total{service=\"orders\",code=\"418\"}[5m]) or vector(0)) / (sum(rate(http_requests_total{service=\"orders\",code=\"418\"}[5m])) or vector(0))"));

        var result = Run(dir, H1, "verify", Incident, "--at", "h1", "--check", "error-rate");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("the query returned NaN, not a number", result.Error);
        Assert.Empty(Verifications(dir));
    }

    [PrometheusFact]
    public void A_query_Prometheus_rejects_or_one_returning_many_series_is_a_policy_error()
    {
        using var broken = Incident_with(Policy(Url, "orders", errorQuery: "sum(rate(http_requests_total[5m]"));
        var parse = Run(broken, H1, "verify", Incident, "--at", "h1", "--check", "error-rate");
        Assert.True(parse.ExitCode == 2, parse.ToString());
        Assert.Contains("Prometheus refused the query: bad_data", parse.Error);
        Assert.Contains("expected policy stabilityWindow.checkpoints.h1 check 'error-rate' to have a PromQL query", parse.Error);

        using var many = Incident_with(Policy(Url, "orders", errorQuery: "rate(http_requests_total[5m])"));
        var series = Run(many, H1, "verify", Incident, "--at", "h1", "--check", "error-rate");
        Assert.True(series.ExitCode == 2, series.ToString());
        Assert.Contains("the query returned 4 series", series.Error);
        Assert.Empty(Verifications(broken).Concat(Verifications(many)));
    }

    [Fact]
    public void Prometheus_unreachable_exits_3_and_records_nothing()
    {
        using var dir = Incident_with(Policy($"http://127.0.0.1:{PrometheusServer.FreePort()}", "orders"));

        var result = Run(dir, H1, "verify", Incident, "--at", "h1");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("the server cannot be reached", result.Error);
        Assert.Contains($"State: nothing was recorded; rerun hotfix verify {Incident} --at h1 --check error-rate when Prometheus answers", result.Error);
        Assert.Empty(Verifications(dir));
    }

    [Fact]
    public void A_bearer_token_variable_that_is_not_set_is_named_and_the_token_never_printed()
    {
        using var dir = Incident_with(Policy($"http://127.0.0.1:{PrometheusServer.FreePort()}", "orders", extra: ", \"bearerToken\": \"env:PROM_TOKEN\""));

        var missing = Run(dir, H1, "verify", Incident, "--at", "h1", "--check", "error-rate");
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.StartsWith("hotfix: error: metrics.prometheus.bearerToken 'env:PROM_TOKEN': the environment variable PROM_TOKEN is not set", missing.Error);

        // Attesting needs no metrics source, so no token either.
        Assert.Equal(0, Run(dir, H1, "verify", Incident, "--at", "h1", "--check", "clients=pass").ExitCode);

        File.WriteAllText(dir.Combine("hotfix.json"), Policy("http://127.0.0.1:9090", "orders", extra: ", \"bearerToken\": \"s3cr3t-token\""));
        var pasted = Run(dir, H1, "policy", "validate", "hotfix.json");
        Assert.Equal(2, pasted.ExitCode);
        Assert.Contains("$.metrics.prometheus.bearerToken", pasted.Out + pasted.Error);
        Assert.DoesNotContain("s3cr3t-token", pasted.Out + pasted.Error);
    }

    [PrometheusFact]
    public async Task A_bearer_token_reaches_a_server_that_requires_it_and_a_refusal_names_where_the_token_comes_from()
    {
        // A gate in front of the real Prometheus, as an authenticating proxy runs it: the right token or 401.
        using var http = new HttpClient();
        await using var gate = new WebhookReceiver(async (authorization, path, body) =>
        {
            if (authorization != "Bearer s3cr3t-token")
            {
                return (401, """{"error":"unauthorized"}""");
            }

            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
            using var answer = await http.PostAsync(new Uri(prometheus.Server!.Url, path), content);
            return ((int)answer.StatusCode, await answer.Content.ReadAsStringAsync());
        });
        using var dir = Incident_with(Policy(gate.BaseUrl, "orders", extra: ", \"bearerToken\": \"env:PROM_TOKEN\""));
        CliResult Verify(string token) => CliRun.Run(
            dir.Path, new Dictionary<string, string>(Sandro) { ["PROM_TOKEN"] = token }, new FixedTimeProvider(H1.AddMinutes(7)), null, "verify", Incident, "--at", "h1", "--check", "error-rate");

        var refused = Verify("wrong-token");
        Assert.True(refused.ExitCode == 3, refused.ToString());
        Assert.Contains("HTTP 401", refused.Error);
        Assert.Contains("(policy metrics.prometheus.bearerToken names the variable holding the token)", refused.Error);
        Assert.DoesNotContain("wrong-token", refused.Out + refused.Error);
        Assert.Empty(Verifications(dir));

        var measured = Verify("s3cr3t-token");
        Assert.True(measured.ExitCode == 0, measured.ToString());
        Assert.DoesNotContain("s3cr3t-token", measured.Out + measured.Error);
        var check = Assert.Single(Verifications(dir)).GetProperty("details");
        Assert.Equal(("error-rate", "pass", "prometheus"), (check.GetProperty("check").GetString(), check.GetProperty("result").GetString(), check.GetProperty("source").GetString()));
    }

    [PrometheusFact]
    public async Task A_host_registers_the_adapter_on_the_builder_and_records_the_same_measurements()
    {
        using var dir = new TempDirectory();
        var store = new JsonLinesIncidentRecordStore(dir.Combine("records"));
        using var metrics = new PrometheusMetrics(prometheus.Server!.Url, bearerToken: null, TimeSpan.FromSeconds(10));
        var incident = IncidentId.Parse(Incident);
        HotfixEngine Engine(DateTimeOffset now) => HotfixEngine.CreateBuilder()
            .UsePolicyJson(Policy(Url, "payments"), "host")
            .UseIncidentRecords(store)
            .UseStabilityMetrics(metrics)
            .UseTimeProvider(new FixedTimeProvider(now))
            .Build();
        Engine(Opened).Note(incident, "checkout errors", "bot");
        store.Record(new IncidentEvent { Incident = incident, Kind = IncidentEventKinds.Deployed, At = PrometheusHistoryFixture.Deployed, By = "bot", Summary = "deployed" });

        using var engine = Engine(H1);
        var verification = await engine.VerifyCheckpointAsync(incident, "h1", by: "bot");

        Assert.True(verification.Accepted, verification.Message);
        Assert.Equal(["error-rate", "response-times"], verification.Recorded.Select(e => e.Details!["check"]!.GetValue<string>()));
        Assert.Equal(["error-patterns", "clients"], verification.ToAttest.Select(c => c.Id));
        Assert.All(verification.Status.Checkpoints[0].Checks.Take(2), c => Assert.Equal(("prometheus", false), (c.Latest!.Source, c.Latest.Passed)));
    }
}
