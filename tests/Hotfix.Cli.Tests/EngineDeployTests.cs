using Hotfix.Policy.Ports;
using Hotfix.Policy.Records;
using Hotfix.Policy.Workloads;
using Hotfix.TestSupport.Kubernetes;

namespace Hotfix.Cli.Tests;

/// <summary><c>HotfixEngine.DeployAsync</c>: the CLI's deploy for hosts, with the adapters UseKubernetes registers.</summary>
public class EngineDeployTests
{
    private static readonly WorkloadRef Web = new(WorkloadKind.Deployment, "web", "shop");
    private static readonly IncidentId Incident = IncidentId.Parse("INC-2026-0042");

    [Fact]
    public async Task A_host_deploys_through_the_engine_and_the_incident_record_starts_the_stability_window()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        var records = new InMemoryIncidentRecordStore();
        using var hotfix = HotfixEngine.CreateBuilder().UseKubernetes(c.Kubeconfig).UseIncidentRecords(records).Build();

        var record = await hotfix.DeployAsync(new DeployRequest(Web, TimeSpan.FromSeconds(30), "chatops-bot", "fix for checkout", Incident, DryRun: false));

        Assert.True(record.Outcome.Result == DeployResult.Deployed, record.Outcome.ToString());
        Assert.Equal(4, record.Revision);
        Assert.Equal(1, c.Server.Requests.Count(r => r.Method == "PATCH"));
        Assert.Equal(["deploy", "deployed"], records.Read(Incident).Events.Select(e => e.Kind));
        Assert.Equal("chatops-bot", hotfix.Verify(Incident).Deployed!.By);
    }

    [Fact]
    public async Task An_unrecorded_deploy_is_refused_before_anything_is_asked_of_a_cluster()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        using var hotfix = HotfixEngine.CreateBuilder().UseKubernetes(c.Kubeconfig).Build();

        await Assert.ThrowsAsync<HotfixConfigurationException>(() => hotfix.DeployAsync(new DeployRequest(Web, TimeSpan.FromSeconds(30), "bot", null, Incident, DryRun: false)));
        Assert.Empty(c.Server.Requests);
    }

    [Fact]
    public async Task A_registered_notifier_is_told_of_the_deploy_and_the_record_notes_it()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        var records = new InMemoryIncidentRecordStore();
        var chat = new ChatNotifier(fail: false);
        using var hotfix = HotfixEngine.CreateBuilder().UseKubernetes(c.Kubeconfig).UseIncidentRecords(records).UseTeamNotifier(chat).Build();

        var record = await hotfix.DeployAsync(new DeployRequest(Web, TimeSpan.FromSeconds(30), "chatops-bot", "fix for checkout", Incident, DryRun: false));

        Assert.True(record.Outcome.Result == DeployResult.Deployed, record.Outcome.ToString());
        var told = Assert.Single(chat.Told);
        Assert.Equal(("deploy", "chatops-bot", "deployment/web"), (told.Event, told.Who, told.Workload!.KindAndName));
        Assert.Contains(told.NextSteps, s => s.StartsWith("stability window: hotfix verify INC-2026-0042", StringComparison.Ordinal));
        Assert.Equal(["deploy", "deployed", "team-notified"], records.Read(Incident).Events.Select(e => e.Kind));
    }

    [Fact]
    public async Task A_notifier_that_throws_never_fails_the_deploy_and_a_dry_run_tells_nobody()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        var records = new InMemoryIncidentRecordStore();
        var chat = new ChatNotifier(fail: true);
        using var hotfix = HotfixEngine.CreateBuilder().UseKubernetes(c.Kubeconfig).UseIncidentRecords(records).UseTeamNotifier(chat).Build();

        var dryRun = await hotfix.DeployAsync(new DeployRequest(Web, TimeSpan.FromSeconds(30), "bot", null, Incident, DryRun: true));
        Assert.Empty(chat.Told);

        var record = await hotfix.DeployAsync(new DeployRequest(Web, TimeSpan.FromSeconds(30), "bot", null, Incident, DryRun: false));
        Assert.True(record.Outcome.Result == DeployResult.Deployed, record.Outcome.ToString());
        Assert.Single(chat.Told);
        var noted = records.Read(Incident).Events.Last();
        Assert.Equal("team-notified", noted.Kind);
        Assert.Equal("failed", noted.Outcome);
    }

    [Fact]
    public async Task A_failed_deploy_names_the_hosts_cluster_options_in_its_state_and_in_the_teams_next_steps()
    {
        await using var c = await ClusterFixture.StartAsync();
        c.Server.Cluster.ThreeRevisions();
        c.Server.AddFault(new Fault { Method = "PATCH", PathContains = "/deployments/web", Status = 500 });
        var records = new InMemoryIncidentRecordStore();
        var chat = new ChatNotifier(fail: false);
        using var hotfix = HotfixEngine.CreateBuilder().UseKubernetes(c.Kubeconfig).UseIncidentRecords(records).UseTeamNotifier(chat).Build();
        var cluster = new ClusterFlags("test", c.Kubeconfig);

        var record = await hotfix.DeployAsync(new DeployRequest(Web, TimeSpan.FromSeconds(30), "chatops-bot", "fix", Incident, DryRun: false) { Cluster = cluster });

        Assert.Equal(DeployResult.Unknown, record.Outcome.Result);
        Assert.Contains($"'hotfix status deployment/web -n shop --context test --kubeconfig {c.Kubeconfig}'", record.Outcome.State);
        Assert.Contains($"hotfix rollback deployment/web -n shop --context test --kubeconfig {c.Kubeconfig} --incident INC-2026-0042 --reason \"<why>\"", Assert.Single(chat.Told).NextSteps);
    }

    private sealed class ChatNotifier(bool fail) : ITeamNotifier
    {
        public List<TeamNotification> Told { get; } = [];

        public Task<TeamNotificationResult> NotifyAsync(TeamNotification notification, CancellationToken cancellationToken)
        {
            Told.Add(notification);
            return fail ? throw new HttpRequestException("chat is down") : Task.FromResult(new TeamNotificationResult(["chat"], []));
        }
    }
}
