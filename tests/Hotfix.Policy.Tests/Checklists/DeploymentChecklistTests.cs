using Hotfix.Policy.Changes;
using Hotfix.Policy.Checklists;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Records;
using Hotfix.Policy.Reporting.Renderers;
using Hotfix.Policy.Reviews;
using Hotfix.TestSupport;

namespace Hotfix.Policy.Tests.Checklists;

public class DeploymentChecklistTests
{
    private static readonly IncidentId Incident = IncidentId.Parse("INC-2026-0042");
    private const string Branch = "hotfix/INC-2026-0042-fix-login";

    /// <summary>The sample company policy: executor, admin-ui and ge-orchestrator components in namespace ge.</summary>
    private static readonly HotfixPolicy Company = PolicyParser.Parse(File.ReadAllText(SourceTree.PathOf("samples", "policies", "hotfix.json")), "hotfix.json").Policy!;

    private static ChangeSet Changes(params (FileChangeKind Kind, string Path, string? OldPath)[] files) =>
        new("main", "1111111aaaaaaa", "2222222bbbbbbb", files.Select(f => new FileChange(
            f.Kind, f.Path, f.OldPath, EntryMode.File, EntryMode.File, "a", "b", () => null, () => null)).ToList());

    private static DeploymentChecklist Build(ChangeSet? changes, HotfixPolicy? policy = null, IReadOnlyDictionary<string, WorkloadRevisionLookup>? revisions = null, IReadOnlyList<IncidentEvent>? recorded = null) =>
        DeploymentChecklistBuilder.Build(new DeploymentChecklistRequest
        {
            Policy = policy ?? Company,
            Severity = IncidentSeverity.Sev1,
            Incident = Incident,
            Branch = Branch,
            Changes = changes,
            ChangesUnavailableReason = changes is null ? "the clone is shallow" : null,
            Revisions = revisions ?? new Dictionary<string, WorkloadRevisionLookup>(),
            Recorded = recorded ?? [],
        });

    [Fact]
    public void Only_the_changed_component_is_rebuilt_restarted_and_watched_with_the_policy_commands()
    {
        var checklist = Build(Changes((FileChangeKind.Modified, "admin-ui/src/login.ts", null), (FileChangeKind.Added, "docs/notes.md", null)));
        var deploy = checklist.In(ChecklistPhase.Deploy).ToList();
        Assert.Equal(
            ["deploy.build-image", "deploy.rebuild.admin-ui", "deploy.admin-ui.restart", "deploy.admin-ui.watch", "deploy.admin-ui.pods"],
            deploy.Select(e => e.Id));
        Assert.Equal("Rebuild admin-ui image (admin-ui changed: admin-ui/src/login.ts)", deploy[1].Text);
        Assert.Equal(["docker build -t admin-ui admin-ui"], deploy[1].Commands);
        Assert.Equal([$"hotfix deploy deployment/admin-ui -n ge --incident {Incident}", "kubectl rollout restart deployment/admin-ui -n ge"], deploy[2].Commands);
        Assert.Equal(["kubectl rollout status deployment/admin-ui -n ge --timeout=120s"], deploy[3].Commands);
        Assert.Equal(["kubectl get pods -n ge -l app=admin-ui"], deploy[4].Commands);
        Assert.Contains("unchanged: executor, ge-orchestrator", deploy[0].Note);
        Assert.Equal([false, true, false], checklist.Components.Select(c => c.Affected));
    }

    [Fact]
    public void A_component_folder_written_without_a_trailing_slash_is_rebuilt_when_a_file_under_it_changes()
    {
        const string json = """{ "components": [ { "name": "shared", "paths": ["packages/shared"] }, { "name": "ui", "paths": ["packages/shared-ui"] } ] }""";
        var checklist = Build(Changes((FileChangeKind.Modified, "packages/shared/src/money.ts", null)), PolicyParser.Parse(json, "hotfix.json").Policy!);
        Assert.Equal([true, false], checklist.Components.Select(c => c.Affected));
    }

    [Fact]
    public void The_executor_rebuild_uses_its_build_script_and_a_rename_out_of_a_component_counts()
    {
        var checklist = Build(Changes(
            (FileChangeKind.Modified, "executor/run.go", null),
            (FileChangeKind.Renamed, "shared/scheduler.go", "orchestrator/scheduler.go")));
        var rebuilds = checklist.Entries.Where(e => e.Id.StartsWith("deploy.rebuild.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["deploy.rebuild.executor", "deploy.rebuild.ge-orchestrator"], rebuilds.Select(e => e.Id));
        Assert.Equal(["bash ge-ops/infrastructure/local/k3s/executor/build-executor.sh"], rebuilds[0].Commands);
        Assert.Equal(["shared/scheduler.go"], checklist.Components.Single(c => c.Component.Name == "ge-orchestrator").ChangedPaths);
    }

    [Fact]
    public void Without_a_change_set_every_component_is_conditional_and_the_reason_is_given()
    {
        var checklist = Build(null);
        var rebuilds = checklist.Entries.Where(e => e.Id.StartsWith("deploy.rebuild.", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, rebuilds.Count);
        Assert.Equal("IF: admin-ui change THEN: rebuild admin-ui image", rebuilds[1].Text);
        Assert.Contains("change set unknown (the clone is shallow)", rebuilds[1].Note);
        Assert.StartsWith("IF: executor change — Deploy to k8s", checklist.Find("deploy.executor.restart")!.Text);
        Assert.Contains("not verified: the clone is shallow", checklist.Find("pre.branch-from-main")!.Note);
    }

    [Fact]
    public void Without_components_the_runbook_items_keep_their_placeholders_and_say_what_to_fill_in()
    {
        var checklist = Build(Changes((FileChangeKind.Modified, "src/Orders.cs", null)), HotfixPolicy.Runbook);
        Assert.Equal([$"hotfix deploy deployment/<name> -n <namespace> --incident {Incident}", "kubectl rollout restart deployment/<name> -n <namespace>"], checklist.Find("deploy.restart")!.Commands);
        Assert.Equal(["kubectl rollout status deployment/<name> -n <namespace> --timeout=120s"], checklist.Find("deploy.watch")!.Commands);
        Assert.Equal(["kubectl get pods -n <namespace> -l app=<name>"], checklist.Find("deploy.pods")!.Commands);
        Assert.Contains("fill in", checklist.Find("pre.rollback-plan")!.Note);
        Assert.Equal("Incident commander approved deployment", checklist.Find("pre.approval")!.Text);
    }

    [Fact]
    public async Task The_rollback_plan_names_the_revision_to_undo_to_when_the_cluster_tells_it()
    {
        var reader = new FakeRevisions(new Dictionary<string, WorkloadRevisionLookup>
        {
            ["deployment/admin-ui"] = WorkloadRevisionLookup.Found(41),
            ["deployment/executor"] = WorkloadRevisionLookup.NotKnown("deployment executor not found in namespace ge"),
        });
        var request = new DeploymentChecklistRequest
        {
            Policy = Company,
            Changes = Changes((FileChangeKind.Modified, "admin-ui/a.ts", null), (FileChangeKind.Modified, "executor/b.go", null)),
        };
        var revisions = await DeploymentChecklistBuilder.ReadRevisionsAsync(request, reader, CancellationToken.None);
        Assert.Equal(["deployment/executor", "deployment/admin-ui"], reader.Asked);
        Assert.Equal(["ge", "ge"], reader.Namespaces);

        var plan = DeploymentChecklistBuilder.Build(request with { Revisions = revisions, RevisionSource = reader.Target }).Find("pre.rollback-plan")!;
        Assert.Equal(["kubectl rollout history deployment/executor -n ge", "kubectl rollout undo deployment/admin-ui -n ge --to-revision=41"], plan.Commands);
        Assert.Contains("deployment/admin-ui: revision 41 runs now (test-cluster) — undo to it if the hotfix fails", plan.Note);
        Assert.Contains("deployment/executor: fill in the revision it runs now (deployment executor not found in namespace ge)", plan.Note);
    }

    [Fact]
    public void Items_ticked_off_in_the_record_are_done_and_the_review_follow_up_is_shown()
    {
        var t = new DateTimeOffset(2026, 3, 24, 23, 0, 0, TimeSpan.FromHours(1));
        var first = Build(Changes((FileChangeKind.Modified, "admin-ui/a.ts", null)));
        var review = ReviewEvents.ToEvent(Incident, new ReviewRecord
        {
            Severity = IncidentSeverity.Sev1,
            Reviewers = [new Reviewer { Name = "mira" }],
            When = t,
            Checked = ["M1", "M2", "M3", "M4", "M5"],
            Skipped = ["S3"],
            FollowUp = new FollowUpTicket { Ticket = "OPS-7", Due = new DateOnly(2026, 3, 30) },
        }, t);
        var recorded = new[]
        {
            review,
            ChecklistEvents.Done(Incident, first.Find("pre.smoke")!, "sandro", t.AddMinutes(5), "2 min, green"),
        };
        var checklist = Build(Changes((FileChangeKind.Modified, "admin-ui/a.ts", null)), recorded: recorded);
        var smoke = checklist.Find("pre.smoke")!;
        Assert.Equal(("sandro", "2 min, green"), (smoke.Done!.By, smoke.Done.Note));
        Assert.Null(checklist.Find("pre.regression")!.Done);
        Assert.Equal("review follow-up OPS-7 due 2026-03-30 (skipped: S3)", checklist.Find("post.follow-up")!.Note);
        Assert.Contains("recorded: SEV1 review by mira", checklist.Find("pre.review")!.Note);
    }

    [Fact]
    public void Markdown_is_a_PR_ready_task_list_with_the_commands_under_each_task()
    {
        var section = new ChecklistSection(Build(Changes((FileChangeKind.Modified, "admin-ui/a.ts", null))), ChecklistPhase.Deploy);
        using var writer = new StringWriter();
        MarkdownBlockWriter.Write(section.Blocks(), writer);
        var markdown = writer.ToString();
        Assert.Contains("- [ ] Deploy to k8s: restart deployment/admin-ui (deploy.admin-ui.restart)", markdown);
        Assert.Contains("  - `kubectl rollout restart deployment/admin-ui -n ge`", markdown);
        Assert.DoesNotContain("PRE_DEPLOY", markdown);
        Assert.Contains("#### DEPLOY (0/5 done)", markdown);
    }

    [Fact]
    public void Every_item_of_the_runbook_checklist_is_in_the_checklist_and_every_quoted_line_is_the_runbook()
    {
        var runbook = File.ReadAllLines(SourceTree.PathOf("docs", "runbook.txt"));
        var start = Array.IndexOf(runbook, "HOTFIX:DEPLOYMENT_CHECKLIST¶");
        var end = Array.IndexOf(runbook, "HOTFIX:POST_VERIFICATION¶");
        var items = runbook[start..end].Where(l => l.StartsWith("- [ ] ", StringComparison.Ordinal)).Select(l => l[6..]).ToList();
        var checklist = Build(Changes((FileChangeKind.Modified, "admin-ui/a.ts", null)), HotfixPolicy.Runbook);
        var quoted = checklist.Entries.Select(e => e.RunbookLine[(e.RunbookLine.IndexOf(": ", StringComparison.Ordinal) + 2)..]).ToHashSet();
        var conditional = items.Where(i => i.StartsWith("IF: ", StringComparison.Ordinal) && i.Contains(" change THEN: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, conditional.Count);
        Assert.All(items.Except(conditional).Except(["IF: all clear THEN: update incident status to \"mitigated\" or \"resolved\""]), i => Assert.Contains(i, quoted));
        Assert.Contains("IF: all clear THEN: update incident status to \"mitigated\" or \"resolved\"", quoted);
        Assert.All(checklist.Entries.Where(e => !e.RunbookLine.Contains('<', StringComparison.Ordinal) || e.RunbookLine.Contains("deployment/<name>", StringComparison.Ordinal)),
            e => Assert.Contains(runbook, l => l.Contains(e.RunbookLine[(e.RunbookLine.IndexOf(": ", StringComparison.Ordinal) + 2)..], StringComparison.Ordinal)));
    }

    private sealed class FakeRevisions(IReadOnlyDictionary<string, WorkloadRevisionLookup> answers) : IWorkloadRevisionReader
    {
        public List<string> Asked { get; } = [];

        public List<string?> Namespaces { get; } = [];

        public string Target => "test-cluster";

        public Task<WorkloadRevisionLookup> GetCurrentRevisionAsync(string workload, string? @namespace, CancellationToken cancellationToken)
        {
            Asked.Add(workload);
            Namespaces.Add(@namespace);
            return Task.FromResult(answers.TryGetValue(workload, out var a) ? a : WorkloadRevisionLookup.NotKnown("unknown"));
        }
    }
}
