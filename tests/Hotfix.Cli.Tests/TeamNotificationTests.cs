using System.Text.Json;
using Hotfix.TestSupport;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests;

/// <summary>
/// "notify team of rollback and next steps": deploy, rollback, decide and verify post to the policy's incoming
/// webhooks (a real HTTP server on loopback); a webhook that fails or hangs only warns, and no URL is ever printed.
/// </summary>
public class TeamNotificationTests
{
    private static string WritePolicy(TempDirectory dir, string url, string events = "\"deploy\", \"rollback\", \"decide\", \"verify\"")
    {
        var path = dir.Combine("team-policy.json");
        File.WriteAllText(path, $$"""{ "notifications": { "webhooks": [ { "url": "{{url}}", "events": [{{events}}] } ] } }""");
        return path;
    }

    private static Dictionary<string, string> With(ClusterFixture c, string url) => new(c.Variables) { ["TEAM_WEBHOOK"] = url };

    private static Task<CliResult> Run(ClusterFixture c, string url, params string[] args) =>
        Task.Run(() => CliRun.Run(c.Dir.Path, With(c, url), args));

    private static string Text(WebhookReceiver receiver) =>
        JsonDocument.Parse(Assert.Single(receiver.Requests).Body).RootElement.GetProperty("text").GetString()!;

    private static void AssertNoSecret(CliResult result, WebhookReceiver receiver)
    {
        Assert.DoesNotContain("SECRET", result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(receiver.Url, result.Out + result.Error, StringComparison.Ordinal);
    }

    private static async Task<List<JsonElement>> Notified(ClusterFixture c, string incident = "INC-2026-0042")
    {
        var record = await c.RunAsync("record", incident, "--format", "json");
        return JsonDocument.Parse(record.Out).RootElement.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "team-notified").ToList();
    }

    [Fact]
    public async Task A_deploy_posts_the_incident_workload_namespace_outcome_who_and_next_steps_and_the_record_notes_it()
    {
        await using var receiver = new WebhookReceiver();
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        var policy = WritePolicy(c.Dir, "env:TEAM_WEBHOOK");

        var result = await Run(c, receiver.Url, "deploy", "deployment/web", "-n", "shop", "--incident", "INC-2026-0042", "--timeout", "30s", "--policy", policy);

        Assert.True(result.ExitCode == 0, result.ToString());
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        var text = Text(receiver);
        Assert.StartsWith("[INC-2026-0042] deploy of deployment/web in namespace shop: deployed", text, StringComparison.Ordinal);
        Assert.Contains("(by alice)", text);
        Assert.Contains("Next steps:", text);
        Assert.Contains("hotfix verify INC-2026-0042 --status", text);
        Assert.Contains("team notified via webhook 1 (env:TEAM_WEBHOOK)", result.Error);
        AssertNoSecret(result, receiver);

        var note = Assert.Single(await Notified(c));
        Assert.Equal("notified", note.GetProperty("outcome").GetString());
        Assert.DoesNotContain("SECRET", note.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rollback_notice_ticks_off_the_runbook_check_and_names_the_next_steps()
    {
        await using var receiver = new WebhookReceiver();
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        var policy = WritePolicy(c.Dir, receiver.Url, "\"rollback\"");

        var result = await Run(c, receiver.Url, "rollback", "deployment/web", "-n", "shop", "--reason", "v3 breaks checkout", "--incident", "INC-2026-0042", "--record-dir", c.RecordDir, "--timeout", "30s", "--policy", policy);

        Assert.True(result.ExitCode == 0, result.ToString());
        var text = Text(receiver);
        Assert.StartsWith("[INC-2026-0042] rollback of deployment/web in namespace shop: rolled-back", text, StringComparison.Ordinal);
        Assert.Contains("- verify the issue is resolved", text);
        Assert.Contains("- verify no data was lost or corrupted", text);
        Assert.Contains("[x] notify team that rollback was performed", result.Out);
        AssertNoSecret(result, receiver);
        Assert.Equal("notified", Assert.Single(await Notified(c)).GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Rollback_json_says_whether_the_team_was_told(bool told)
    {
        await using var receiver = new WebhookReceiver(told ? ReceiverBehaviour.Accept : ReceiverBehaviour.Fail);
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        var policy = WritePolicy(c.Dir, receiver.Url, "\"rollback\"");

        var result = await Run(c, receiver.Url, "rollback", "deployment/web", "-n", "shop", "--reason", "r", "--incident", "INC-2026-0042", "--record-dir", c.RecordDir, "--timeout", "30s", "--policy", policy, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("rolled-back", json.RootElement.GetProperty("outcome").GetProperty("result").GetString());
        Assert.Equal(told, json.RootElement.GetProperty("teamNotified").GetBoolean());
        AssertNoSecret(result, receiver);
    }

    [Fact]
    public async Task A_webhook_answering_500_only_warns_the_rollback_succeeds_and_the_record_says_the_team_was_not_told()
    {
        await using var receiver = new WebhookReceiver(ReceiverBehaviour.Fail);
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        var policy = WritePolicy(c.Dir, receiver.Url);

        var result = await Run(c, receiver.Url, "rollback", "deployment/web", "-n", "shop", "--reason", "r", "--incident", "INC-2026-0042", "--record-dir", c.RecordDir, "--timeout", "30s", "--policy", policy);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(receiver.Requests);
        Assert.Contains("hotfix: warning: the team was not notified via webhook 1: HTTP 500", result.Error);
        Assert.Contains("[ ] notify team that rollback was performed", result.Out);
        AssertNoSecret(result, receiver);
        Assert.Equal("failed", Assert.Single(await Notified(c)).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_webhook_that_never_answers_is_given_up_after_the_short_timeout_and_the_deploy_still_succeeds()
    {
        await using var receiver = new WebhookReceiver(ReceiverBehaviour.Hang);
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        var policy = WritePolicy(c.Dir, "env:TEAM_WEBHOOK");

        var result = await Run(c, receiver.Url, "deploy", "deployment/web", "-n", "shop", "--incident", "INC-2026-0042", "--timeout", "30s", "--policy", policy);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("the team was not notified via webhook 1 (env:TEAM_WEBHOOK): no answer within 5s", result.Error);
        AssertNoSecret(result, receiver);
    }

    [Fact]
    public async Task An_unset_variable_warns_by_its_name_and_nothing_is_sent()
    {
        await using var receiver = new WebhookReceiver();
        await using var c = await ClusterFixture.StartAsync();
        var policy = WritePolicy(c.Dir, "env:NOT_SET_WEBHOOK");

        var result = await Run(c, receiver.Url, "decide", "--root-cause", "unknown", "--impact", "ongoing", "--incident", "INC-2026-0042", "--policy", policy);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("webhook 1 (env:NOT_SET_WEBHOOK): the environment variable NOT_SET_WEBHOOK is not set", result.Error);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task Decide_and_verify_tell_the_team_only_about_their_own_events()
    {
        await using var receiver = new WebhookReceiver();
        await using var c = await ClusterFixture.StartAsync();
        var policy = WritePolicy(c.Dir, "env:TEAM_WEBHOOK", "\"decide\"");

        var decide = await Run(c, receiver.Url, "decide", "--root-cause", "unknown", "--impact", "ongoing", "--incident", "INC-2026-0042", "--policy", policy);
        var verify = await Run(c, receiver.Url, "verify", "INC-2026-0042", "--deployed", "--policy", policy);

        Assert.True(decide.ExitCode == 0, decide.ToString());
        Assert.True(verify.ExitCode == 0, verify.ToString());
        var text = Text(receiver);
        Assert.StartsWith("[INC-2026-0042] decide: decided rollback", text, StringComparison.Ordinal);
        Assert.Contains("Next steps:", text);
    }

    [Fact]
    public async Task Verify_posts_the_step_it_recorded()
    {
        await using var receiver = new WebhookReceiver();
        await using var c = await ClusterFixture.StartAsync();
        var policy = WritePolicy(c.Dir, "env:TEAM_WEBHOOK", "\"verify\"");

        var verify = await Run(c, receiver.Url, "verify", "INC-2026-0042", "--deployed", "--policy", policy);

        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.StartsWith("[INC-2026-0042] verify: hotfix deployed; 24-hour stability window starts", Text(receiver), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_event_is_refused_with_the_known_ones_and_a_bad_url_is_not_echoed()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("hotfix.json");
        File.WriteAllText(path, """{ "notifications": { "webhooks": [ { "url": "ftp://hooks.example/T0/SECRETPATH", "events": ["deploy", "status"] } ] } }""");

        var result = CliRun.Run(dir.Path, "policy", "validate", path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("$.notifications.webhooks[0].events[1]", result.Error);
        Assert.Contains("one of deploy, rollback, decide, verify", result.Error);
        Assert.Contains("$.notifications.webhooks[0].url", result.Error);
        Assert.DoesNotContain("SECRETPATH", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_show_hides_a_literal_webhook_url_and_keeps_env_names()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("hotfix.json");
        File.WriteAllText(path, """{ "notifications": { "webhooks": [ { "url": "https://hooks.example/T0/SECRETPATH" }, { "url": "env:TEAM_WEBHOOK", "events": ["rollback"] } ] } }""");

        var result = CliRun.Run(dir.Path, "policy", "show", "--policy", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("SECRETPATH", result.Out + result.Error, StringComparison.Ordinal);
        Assert.Contains("env:TEAM_WEBHOOK", result.Out);
        Assert.Contains("hidden: webhook URLs are secrets", result.Out);
    }
}
