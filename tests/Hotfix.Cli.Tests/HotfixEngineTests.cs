using System.Text.Json;
using Hotfix.Policy.Checks.Review;
using Hotfix.Policy.Decisions;
using Hotfix.Policy.Workloads;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>
/// The embedding entry point on real repositories: the engine a host builds gives what the command line gives, and
/// refuses up front what would otherwise silently report less.
/// </summary>
public class HotfixEngineTests
{
    private static TestRepository HotfixWithMigration()
    {
        var repo = TestRepository.Create();
        repo.Git("branch", "develop");
        repo.Switch("hotfix/INC-2026-0042-fix-totals", create: true);
        repo.Commit("Drop the legacy column", ("db/migrate/20260324120000_drop_legacy.rb", "class DropLegacy < ActiveRecord::Migration[7.1]\n  def change\n    remove_column :orders, :legacy_total\n  end\nend\n"));
        return repo;
    }

    [Fact]
    public void A_host_check_reports_exactly_what_hotfix_check_reports()
    {
        using var repo = HotfixWithMigration();
        using var hotfix = HotfixEngine.CreateBuilder().UseGitRepository(repo.Path).AddCoreChecks().AddMigrations().Build();

        var report = hotfix.Check();
        var cli = JsonDocument.Parse(CliRun.Run(repo.Path, "check", "--format", "json").Out).RootElement;

        var cliIds = cli.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!).ToList();
        Assert.Equal(cliIds, report.Findings.Select(f => f.RuleId).ToList());
        Assert.Contains(report.Findings, f => f.RuleId == "HF2002");
        Assert.Equal("hotfix/INC-2026-0042-fix-totals", report.Subject.BranchName);
        Assert.Contains("\"ruleId\": \"HF2002\"", hotfix.Render(report, ReportFormat.Sarif).Replace("\"ruleId\":\"", "\"ruleId\": \"", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_migrations_package_no_migration_rule_runs()
    {
        using var repo = HotfixWithMigration();
        using var hotfix = HotfixEngine.CreateBuilder().UseGitRepository(repo.Path).AddCoreChecks().Build();
        Assert.DoesNotContain(hotfix.Check().Findings, f => f.RuleId.StartsWith("HF20", StringComparison.Ordinal));
    }

    [Fact]
    public void A_detached_head_is_reported_as_data_for_the_host_to_word()
    {
        using var repo = HotfixWithMigration();
        repo.Git("checkout", "--detach", "HEAD");
        using var hotfix = HotfixEngine.CreateBuilder().UseGitRepository(repo.Path).AddCoreChecks().Build();

        var e = Assert.Throws<HotfixSubjectException>(() => hotfix.Check());
        Assert.Equal(SubjectProblem.Detached, e.Problem);
        Assert.DoesNotContain("--branch", e.Message, StringComparison.Ordinal);
        Assert.Equal("hotfix/INC-2026-0042-fix-totals", hotfix.Check(new CheckRequest { Branch = "hotfix/INC-2026-0042-fix-totals" }).Subject.BranchName);
    }

    [Fact]
    public void A_module_whose_port_is_missing_is_refused_when_the_engine_is_built()
    {
        using var repo = HotfixWithMigration();
        var builder = HotfixEngine.CreateBuilder().UseGitRepository(repo.Path).AddCoreChecks().AddModule(new FinishReviewModule());

        var e = Assert.Throws<HotfixConfigurationException>(() => builder.Build());
        Assert.Equal("module 'finish-review' needs an adapter for IIncidentRecordStore", Assert.Single(e.Missing));
    }

    [Fact]
    public void A_policy_with_problems_is_refused_with_each_problem_named()
    {
        var unknownKey = Assert.Throws<HotfixPolicyException>(() => HotfixEngine.CreateBuilder().UsePolicyJson("""{ "nonsense": 1 }""", "team.json").Build());
        Assert.Contains("team.json", unknownKey.Message, StringComparison.Ordinal);
        Assert.Contains("nonsense", unknownKey.Message, StringComparison.Ordinal);

        var badValue = Assert.Throws<HotfixPolicyException>(() => HotfixEngine.CreateBuilder().UsePolicyJson("""{ "review": { "followUpDays": -3 } }""", "team.json").Build());
        Assert.Contains("followUpDays", badValue.Message, StringComparison.Ordinal);
        Assert.Contains("-3", badValue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_repositorys_policy_file_is_read_as_the_command_line_reads_it_never_hanging_on_a_fifo()
    {
        using var repo = HotfixWithMigration();
        var fifo = Path.Combine(repo.Path, "hotfix.json");
        Assert.Equal(0, ProcessRunner.Run("mkfifo", [fifo], repo.Path).ExitCode);

        var e = Assert.Throws<HotfixInputException>(() => HotfixEngine.CreateBuilder().UseGitRepository(repo.Path).AddCoreChecks().Build());
        Assert.Contains("not a regular file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_records_in_the_repositorys_git_record_that_hotfix_record_reads()
    {
        using var repo = TestRepository.Create();
        var incident = IncidentId.Parse("INC-2026-0042");
        using (var hotfix = HotfixEngine.CreateBuilder().UseGitRecords(repo.Path).Build())
        {
            hotfix.Decide(new RollbackDecisionRequest { RootCause = RootCause.Unknown, Impact = Impact.Ongoing }, incident, "chat-ops");
        }

        Assert.Equal("refs/hotfix/incidents/INC-2026-0042", repo.Git("for-each-ref", "--format=%(refname)", "refs/hotfix/"));
        var timeline = CliRun.Run(repo.Path, "record", "INC-2026-0042");
        Assert.True(timeline.ExitCode == 0, timeline.ToString());
        Assert.Contains("decision  chat-ops", timeline.Out);
        Assert.Equal(string.Empty, repo.Git("status", "--porcelain", "--untracked-files=all"));
    }

    [Fact]
    public void A_decision_for_an_incident_is_recorded_and_needs_a_record_to_be()
    {
        using var dir = new TempDirectory();
        var at = new DateTimeOffset(2026, 3, 24, 23, 30, 0, TimeSpan.FromHours(1));
        var request = new RollbackDecisionRequest { RootCause = RootCause.Unknown, Impact = Impact.Ongoing };
        var incident = IncidentId.Parse("INC-2026-0042");

        var withoutRecord = HotfixEngine.CreateBuilder().Build();
        Assert.Equal(RollbackDecisions.Rollback, withoutRecord.Decide(request).Decision);
        Assert.Throws<HotfixConfigurationException>(() => withoutRecord.Decide(request, incident, "sandro"));

        using var hotfix = HotfixEngine.CreateBuilder().UseJsonLinesRecords(dir.Path).UseTimeProvider(new FixedTimeProvider(at)).Build();
        hotfix.Decide(request, incident, "sandro");
        var recorded = Assert.Single(hotfix.Record(incident).Events);
        Assert.Equal(("decision", "sandro", at), (recorded.Kind, recorded.By, recorded.At));
        Assert.Equal(new DateOnly(2026, 3, 31), hotfix.Review(IncidentSeverity.Sev1).FollowUpDueBy);
    }

    [Fact]
    public void Missing_decision_inputs_name_the_request_properties_not_command_line_options()
    {
        var hotfix = HotfixEngine.CreateBuilder().Build();
        var decision = hotfix.Decide(new RollbackDecisionRequest { RootCause = RootCause.Known, Impact = Impact.Ongoing });
        Assert.Contains(decision.Undetermined.SelectMany(u => u.MissingInputs), i => i == nameof(RollbackDecisionRequest.FixEtaMinutes));
        Assert.DoesNotContain(decision.Undetermined.SelectMany(u => u.MissingInputs), i => i.StartsWith("--", StringComparison.Ordinal));

        // Hotfix's own operations are data for the host to word; only the runbook's commands are command text.
        Assert.DoesNotContain(decision.NextSteps.SelectMany(s => s.Commands), c => c.StartsWith("hotfix ", StringComparison.Ordinal));
        Assert.Contains(decision.NextSteps.SelectMany(s => s.Actions), a => a.Verb == "start");
        Assert.DoesNotContain("hotfix start", HotfixEngine.Render(decision, ReportFormat.Markdown), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undocumented_rollback_is_refused_before_anything_is_asked_of_a_cluster()
    {
        var hotfix = HotfixEngine.CreateBuilder().Build();
        var request = new RollbackRequest(new WorkloadRef(WorkloadKind.Deployment, "web", "shop"), 0, TimeSpan.FromSeconds(30), "sandro", "v3 breaks checkout", null, DryRun: false);
        var e = await Assert.ThrowsAsync<HotfixConfigurationException>(() => hotfix.RollbackAsync(request));
        Assert.Contains("must be documented", e.Message, StringComparison.Ordinal);
    }
}
