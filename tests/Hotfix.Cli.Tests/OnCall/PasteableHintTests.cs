using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests.OnCall;

/// <summary>
/// Hints are filled in from what the tool knows and can be pasted as printed: decide's rollback line carries the reason
/// and the incident, verify names the incident, the checklist names the policy's workload and ticks what hotfix verified.
/// </summary>
public class PasteableHintTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 24, 10, 0, 0, TimeSpan.FromHours(1));

    private static CliResult At(string directory, params string[] args) =>
        CliRun.Run(directory, new Dictionary<string, string>(HotfixCli.Identity) { ["HOTFIX_USER"] = "sandro" }, new FixedTimeProvider(Now), null, args);

    /// <summary>The words a POSIX shell makes of a printed command line, as a person pasting it would run it.</summary>
    private static string[] AsTheShellReadsIt(string line)
    {
        var words = ProcessRunner.Run("bash", ["-c", "printf '%s\\0' " + line], Environment.CurrentDirectory);
        Assert.True(words.ExitCode == 0, words.ToString());
        return words.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    private static TestRepository HotfixBranch(string? policy = null)
    {
        var repo = HotfixRepositories.MainAndDevelop();
        if (policy is not null)
        {
            repo.Commit("Policy", ("hotfix.json", policy));
        }

        repo.Switch("hotfix/INC-2026-0042-fix-rounding", create: true);
        repo.Commit("Round to cents", ("src/orders.txt", HotfixRepositories.Orders.Replace("round", "round to cents", StringComparison.Ordinal)));
        return repo;
    }

    [Fact]
    public void Decide_s_rollback_line_carries_the_reason_and_the_incident_and_runs_as_pasted()
    {
        using var repo = HotfixBranch("""{ "deployment": { "namespace": "shop" }, "components": [ { "name": "orders", "paths": ["src/**"], "workload": "deployment/orders-api" } ] }""");

        var decide = At(repo.Path, "decide", "--root-cause", "unknown", "--impact", "ongoing");

        Assert.True(decide.ExitCode == 0, decide.ToString());
        const string Line = "hotfix rollback deployment/orders-api -n shop --reason \"INC-2026-0042: root cause unknown and impact ongoing (hotfix decide: rollback, rule unknown-root-cause-ongoing-impact)\" --incident INC-2026-0042";
        Assert.Contains("\n    $ " + Line + "\n", decide.Out);

        var words = AsTheShellReadsIt(Line);
        Assert.Equal(["hotfix", "rollback", "deployment/orders-api", "-n", "shop", "--reason", "INC-2026-0042: root cause unknown and impact ongoing (hotfix decide: rollback, rule unknown-root-cause-ongoing-impact)", "--incident", "INC-2026-0042"], words);
        var plan = At(repo.Path, [.. words[1..], "--dry-run"]);
        Assert.True(plan.ExitCode == 0, plan.ToString());
    }

    [Fact]
    public void Off_a_hotfix_branch_the_rollback_line_still_has_its_reason_but_no_incident()
    {
        using var dir = new TempDirectory();

        var decide = At(dir.Path, "decide", "--root-cause", "known", "--impact", "ongoing", "--fix-eta", "45");

        Assert.True(decide.ExitCode == 0, decide.ToString());
        Assert.Contains(
            "\n    $ hotfix rollback deployment/<name> -n <namespace> --reason \"no runbook row matched and impact ongoing (hotfix decide: rollback, rule runbook-silent-ongoing-impact)\"\n",
            decide.Out);
        Assert.DoesNotContain("--incident", decide.Out);
    }

    [Fact]
    public void Verify_names_the_incident_in_every_hint()
    {
        using var dir = FileRecords.Workspace();
        Assert.Equal(0, At(dir.Path, "record", "INC-2026-0042", "--note", "checkout errors").ExitCode);

        var window = At(dir.Path, "verify", "INC-2026-0042");

        Assert.True(window.ExitCode == 0, window.ToString());
        Assert.Contains("  Deployed:    not recorded (hotfix verify INC-2026-0042 --deployed)\n", window.Out);
        Assert.Contains("  - no deploy is recorded: the stability window has not started (hotfix verify INC-2026-0042 --deployed)\n", window.Out);
        Assert.DoesNotContain("INC-…", window.Out);

        Assert.Equal(0, At(dir.Path, "verify", "INC-2026-0042", "--deployed").ExitCode);
        var close = At(dir.Path, "verify", "INC-2026-0042", "--close");
        Assert.Equal(1, close.ExitCode);
        Assert.Contains("the hotfix has not been declared stable (hotfix verify INC-2026-0042 --declare-stable)", close.Error);
        Assert.Contains("no post-mortem is scheduled or done (hotfix verify INC-2026-0042 --post-mortem scheduled)", close.Error);
        Assert.Contains("no incident status is recorded, not resolved (hotfix record INC-2026-0042 --status resolved)", close.Error);
    }

    [Fact]
    public void The_checklist_names_the_policy_s_only_workload_where_the_change_touched_no_component()
    {
        using var repo = HotfixBranch("""{ "deployment": { "namespace": "shop" }, "components": [ { "name": "web", "paths": ["web/**"], "workload": "deployment/orders-api" } ] }""");

        var checklist = At(repo.Path, "checklist", "deploy", "--no-cluster");

        Assert.True(checklist.ExitCode == 0, checklist.ToString());
        Assert.Contains(
            "\n  [ ] Deploy to k8s: restart deployment/orders-api (deploy.restart) — deployment/orders-api is the policy's only workload (components[].workload); the change touches none of its component's paths, so check it is the one to deploy\n"
            + "        $ hotfix deploy deployment/orders-api -n shop --incident INC-2026-0042\n"
            + "        $ kubectl rollout restart deployment/orders-api -n shop\n",
            checklist.Out);
        Assert.Contains("\n        $ kubectl get pods -n shop -l app=orders-api\n", checklist.Out);
        Assert.DoesNotContain("<name>", checklist.Out);
        Assert.Contains("\n        $ kubectl rollout history deployment/orders-api -n shop\n", At(repo.Path, "checklist", "pre", "--no-cluster").Out);
    }

    [Fact]
    public void With_several_workloads_the_placeholder_stays_and_the_note_names_them()
    {
        using var repo = HotfixBranch("""{ "components": [ { "name": "web", "paths": ["web/**"], "workload": "deployment/web" }, { "name": "api", "paths": ["api/**"], "workload": "deployment/api" } ] }""");

        var checklist = At(repo.Path, "checklist", "deploy", "--no-cluster");

        Assert.Contains(
            "\n  [ ] Deploy to k8s: restart deployment/<name> (deploy.restart) — fill in the workload: the change touches none of the components' paths; the policy's workloads are deployment/web, deployment/api\n",
            checklist.Out);
    }

    [Fact]
    public void The_checklist_ticks_the_branch_origin_and_a_recorded_review_saying_how_it_knows()
    {
        using var repo = HotfixBranch();
        var main = repo.Git("merge-base", "main", "HEAD").Trim()[..7];

        var before = At(repo.Path, "checklist", "pre", "--no-cluster");
        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.Contains(
            $"\n  [x] Hotfix branch created from main (pre.branch-from-main) — hotfix/INC-2026-0042-fix-rounding: merge base with main is {main}; done by hotfix at 2026-03-24 10:00 +01:00: verified: HF0102 passes — hotfix/INC-2026-0042-fix-rounding starts from main at {main} and has no commit from develop\n",
            before.Out);
        Assert.Contains("\n  [ ] Expedited code review passed (pre.review)", before.Out);

        Assert.Equal(0, At(repo.Path, "review", "--severity", "SEV3", "--reviewer", "bob", "--checked", "M1,M2,M3,M4,M5").ExitCode);
        var after = At(repo.Path, "checklist", "pre", "--no-cluster", "--severity", "SEV3");
        Assert.Contains(
            "\n  [x] Code review passed (normal review process) (pre.review) — SEV3: normal review process; recorded: SEV3 review by bob",
            after.Out);
        Assert.Contains("; done by bob at 2026-03-24 10:00 +01:00: verified: review recorded in the incident record, and HF5001–HF5005 find nothing in it\n", after.Out);
        Assert.Contains("PRE_DEPLOY (2/7 done)", after.Out);
    }

    [Fact]
    public void A_branch_with_develop_s_commits_is_not_ticked()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        repo.Switch("develop");
        repo.Switch("hotfix/INC-2026-0042-fix-rounding", create: true);
        repo.Commit("Round to cents", ("src/orders.txt", "round to cents\n"));

        var checklist = At(repo.Path, "checklist", "pre", "--no-cluster");

        Assert.Contains("\n  [ ] Hotfix branch created from main (pre.branch-from-main)", checklist.Out);
        Assert.Contains("HF0102", CliRun.Run(repo.Path, "check").Out);
    }
}
