using System.Text.Json;
using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Ports;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

public class ChecklistCommandTests
{
    private static readonly Dictionary<string, string> Sandro = new() { ["HOTFIX_USER"] = "sandro" };

    /// <summary>A company repository whose hotfix branch changed admin-ui and a doc.</summary>
    private static TestRepository AdminUiHotfix()
    {
        var repo = TestRepository.Create();
        repo.Commit("Policy", ("hotfix.json", File.ReadAllText(SourceTree.PathOf("samples", "policies", "hotfix.json"))), ("admin-ui/login.ts", "v1\n"), ("executor/run.go", "v1\n"));
        // With no back-merge target HF0102 cannot tell that nothing came from develop, and nothing is ticked for it.
        repo.Git("branch", "develop");
        repo.Switch("hotfix/INC-2026-0042-fix-login", create: true);
        repo.Commit("Fix login", ("admin-ui/login.ts", "v2\n"), ("docs/incident.md", "notes\n"));
        return repo;
    }

    [Fact]
    public void Markdown_is_a_PR_ready_task_list_tailored_to_the_changed_component()
    {
        using var repo = AdminUiHotfix();
        var result = CliRun.Run(repo.Path, "checklist", "--severity", "SEV1", "--format", "markdown");
        Assert.True(result.ExitCode == 0, result.ToString());
        var md = result.Out;
        Assert.StartsWith("## Deployment checklist", md);
        Assert.Contains("- [ ] Rebuild admin-ui image (admin-ui changed: admin-ui/login.ts) (deploy.rebuild.admin-ui)", md);
        Assert.Contains("  - `docker build -t admin-ui admin-ui`", md);
        Assert.Contains("  - `kubectl rollout restart deployment/admin-ui -n ge`", md);
        Assert.Contains("  - `kubectl rollout status deployment/admin-ui -n ge --timeout=120s`", md);
        Assert.Contains("  - `kubectl get pods -n ge -l app=admin-ui`", md);
        Assert.DoesNotContain("build-executor.sh", md);
        Assert.Contains("  - `git checkout develop && git merge --no-ff hotfix/INC-2026-0042-fix-login`", md);
        Assert.Contains("Incident commander (mira) approved deployment", md);
        Assert.Contains("deployment/admin-ui: fill in the revision it runs now (no cluster was asked)", md);
    }

    [Fact]
    public void Markdown_of_a_change_to_hundreds_of_components_fits_in_a_github_comment_and_says_how_many_items_it_left_out()
    {
        const int Components = 300;
        var names = Enumerable.Range(1, Components).Select(i => $"service-{i:D3}").ToList();
        var components = string.Join(",\n", names.Select(n => $$"""{ "name": "{{n}}", "paths": ["{{n}}/"], "image": "{{n}}", "rebuild": "docker build -t {{n}} {{n}}", "workload": "deployment/{{n}}" }"""));
        using var repo = TestRepository.Create();
        repo.Commit("Policy", [("hotfix.json", $$"""{ "components": [{{components}}] }"""), .. names.Select(n => ($"{n}/app.txt", (string?)"v1\n"))]);
        repo.Git("branch", "develop");
        repo.Switch("hotfix/INC-2026-0042-everything", create: true);
        repo.Commit("Fix", [.. names.Select(n => ($"{n}/app.txt", (string?)"v2\n"))]);

        var result = CliRun.Run(repo.Path, "checklist", "--no-cluster", "--format", "markdown");
        Assert.True(result.ExitCode == 0, result.ToString());
        var markdown = result.Out;
        Assert.True(markdown.Length < 65_536, $"the comment is {markdown.Length} characters; GitHub refuses more than 65,536");
        var items = JsonDocument.Parse(CliRun.Run(repo.Path, "checklist", "--no-cluster", "--format", "json").Out).RootElement
            .GetProperty("phases").EnumerateArray().Sum(p => p.GetProperty("items").GetArrayLength());

        // Every part after the facts is a phase heading or an item: the note counts those it left out.
        var lines = markdown.Split('\n');
        var shown = lines.Count(l => l.StartsWith("- [ ] ", StringComparison.Ordinal) || l.StartsWith("- [x] ", StringComparison.Ordinal) || l.StartsWith("#### ", StringComparison.Ordinal));
        var note = System.Text.RegularExpressions.Regex.Match(markdown, @"\n\n_… (\d+) more items of this section left out to keep the comment under GitHub's 65,536-character limit — the full report: --format json\._\n");
        Assert.True(note.Success, markdown[^500..]);
        Assert.Equal(items + 3, shown + int.Parse(note.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_rollback_plan_names_the_revision_when_a_cluster_adapter_tells_it()
    {
        using var repo = AdminUiHotfix();
        var adapters = new CliAdapters { WorkloadRevisions = new Cluster() };
        var result = CliRun.Run(repo.Path, null, null, adapters, "checklist", "pre", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Out).RootElement;
        var phase = Assert.Single(json.GetProperty("phases").EnumerateArray());
        Assert.Equal("pre", phase.GetProperty("phase").GetString());
        var plan = phase.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "pre.rollback-plan");
        Assert.Equal("kubectl rollout undo deployment/admin-ui -n ge --to-revision=41", plan.GetProperty("commands")[0].GetString());
        Assert.Contains("revision 41 runs now (kind-test)", plan.GetProperty("note").GetString());
        var admin = json.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "admin-ui");
        Assert.Equal(41, admin.GetProperty("currentRevision").GetInt64());
        Assert.True(json.GetProperty("changes").GetProperty("available").GetBoolean());
    }

    [Fact]
    public void Done_items_go_to_the_incident_record_and_show_as_ticked()
    {
        using var repo = AdminUiHotfix();
        var result = CliRun.Run(repo.Path, Sandro, "checklist", "deploy", "--incident", "INC-2026-0042", "--done", "deploy.rebuild.admin-ui,deploy.build-image", "--note", "admin-ui:1.4.2");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("DEPLOY (2/5 done)", result.Out);
        Assert.Contains("[x] Rebuild admin-ui image", result.Out);
        Assert.Contains("done by sandro at", result.Out);
        var events = JsonDocument.Parse(CliRun.Run(repo.Path, "record", "INC-2026-0042", "--format", "json").Out).RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal("deploy-step", e.GetProperty("kind").GetString()));

        var again = CliRun.Run(repo.Path, "checklist", "--incident", "INC-2026-0042", "--format", "json");
        var items = JsonDocument.Parse(again.Out).RootElement.GetProperty("phases").EnumerateArray().SelectMany(p => p.GetProperty("items").EnumerateArray());
        Assert.Equal(["pre.branch-from-main", "deploy.build-image", "deploy.rebuild.admin-ui"], items.Where(i => i.GetProperty("done").GetBoolean()).Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public void An_empty_done_is_bad_input_and_ticks_nothing()
    {
        using var repo = AdminUiHotfix();
        foreach (var empty in new[] { "", " ", "," })
        {
            var result = CliRun.Run(repo.Path, Sandro, "checklist", "--done", empty);
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains($"--done '{empty}': names no item; expected an item id as the checklist prints it, e.g. --done pre.smoke", result.Error);
        }

        var after = CliRun.Run(repo.Path, "checklist", "--format", "json");
        var items = JsonDocument.Parse(after.Out).RootElement.GetProperty("phases").EnumerateArray().SelectMany(p => p.GetProperty("items").EnumerateArray());
        Assert.Equal(["pre.branch-from-main"], items.Where(i => i.GetProperty("done").GetBoolean()).Select(i => i.GetProperty("id").GetString()));

        // Its twin, a real id, still ticks the item off.
        var ticked = CliRun.Run(repo.Path, Sandro, "checklist", "--done", "pre.smoke");
        Assert.True(ticked.ExitCode == 0, ticked.ToString());
    }

    [Fact]
    public void Without_a_repository_the_checklist_keeps_its_conditions_and_says_why()
    {
        using var dir = new TempDirectory();
        File.Copy(SourceTree.PathOf("samples", "policies", "hotfix.json"), dir.Combine("hotfix.json"));
        var result = CliRun.Run(dir.Path, "checklist", "deploy");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Change:     unknown — not inside a git repository", result.Out);
        Assert.Contains("IF: executor change THEN: rebuild executor image", result.Out);
    }

    [Fact]
    public void On_the_hotfix_branch_done_goes_to_the_branchs_incident()
    {
        using var repo = AdminUiHotfix();
        var result = CliRun.Run(repo.Path, Sandro, "checklist", "pre", "--done", "pre.smoke");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ticked off in", result.Error);
        Assert.Equal("refs/hotfix/incidents/INC-2026-0042", repo.Git("for-each-ref", "--format=%(refname)", "refs/hotfix/"));
    }

    [Fact]
    public void Off_a_hotfix_branch_done_needs_the_incident()
    {
        using var repo = AdminUiHotfix();
        repo.Git("switch", "main");
        var result = CliRun.Run(repo.Path, Sandro, "checklist", "pre", "--done", "pre.smoke");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("hotfix: error: --done: needs the incident whose record it goes to", result.Error);
    }

    [Theory]
    [InlineData("checklist later", "phase 'later': expected one of pre, deploy, post")]
    [InlineData("checklist --incident INC-2026-0042 --done pre.smok", "--done 'pre.smok': not an item of this checklist; expected one of pre.branch-from-main")]
    public void Bad_checklist_input_exits_2(string args, string message)
    {
        using var repo = AdminUiHotfix();
        var result = CliRun.Run(repo.Path, Sandro, args.Split(' '));
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"hotfix: error: {message}", result.Error);
        Assert.False(Directory.Exists(Path.Combine(repo.Path, ".hotfix")));
    }

    private sealed class Cluster : IWorkloadRevisionReader
    {
        public string Target => "kind-test";

        public Task<WorkloadRevisionLookup> GetCurrentRevisionAsync(string workload, string? @namespace, CancellationToken cancellationToken) =>
            Task.FromResult(workload == "deployment/admin-ui" && @namespace == "ge" ? WorkloadRevisionLookup.Found(41) : WorkloadRevisionLookup.NotKnown("not found"));
    }
}
