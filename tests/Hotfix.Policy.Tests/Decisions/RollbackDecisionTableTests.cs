using Hotfix.Policy.Decisions;
using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Tests.Decisions;

public class RollbackDecisionTableTests
{
    private static readonly HotfixPolicy Runbook = HotfixPolicy.Runbook;

    /// <summary>
    /// The runbook's rows read top to bottom with the precedence the table documents, written as plain ifs: an
    /// independent statement of the expected answer that the data table must reproduce for every input.
    /// </summary>
    private static (string Decision, string? Detail) Expected(RollbackDecisionRequest r, RunbookSilencePolicy silent)
    {
        if (r.RollbackLosesData)
        {
            return (RollbackDecisions.ForwardFix, null);
        }

        if (r.ServicesAffected > 1 && r.Culprit == Culprit.Unknown)
        {
            return (RollbackDecisions.RollbackAll, null);
        }

        if (r.MigrationsApplied)
        {
            return (RollbackDecisions.ForwardFix, RollbackDecisions.ForwardFixWithMigrationFix);
        }

        if (r.RootCause == RootCause.Unknown && r.Impact == Impact.Ongoing)
        {
            return (RollbackDecisions.Rollback, null);
        }

        var inSight = r.FixInSight ?? (r.FixEtaMinutes is null ? null : true);
        if (r.IncidentAgeMinutes > 60 && inSight == false)
        {
            return (RollbackDecisions.Rollback, null);
        }

        if (r.RootCause == RootCause.Known && r.FixEtaMinutes < 30)
        {
            return (RollbackDecisions.ForwardFix, null);
        }

        return (r.Impact == Impact.Ongoing ? silent.OngoingImpact : silent.ContainedImpact, null);
    }

    [Fact]
    public void Every_combination_gets_exactly_one_decision_with_an_explanation_and_the_expected_answer()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var request in DecisionSpace.All().Where(DecisionSpace.IsComplete))
        {
            count++;
            var d = RollbackDecider.Decide(request, Runbook);
            var expected = Expected(request, Runbook.Decisions.WhenRunbookSilent);
            if ((d.Decision, d.Detail) != expected)
            {
                failures.Add($"{request}: got {d.Display}, expected {expected}");
            }

            if (d.Matched.Count(m => m.Won) != 1 || !d.Matched[0].Won || d.Matched[0].Row != d.Rule)
            {
                failures.Add($"{request}: not exactly one deciding row");
            }

            if (string.IsNullOrWhiteSpace(d.Decided.Why) || d.NextSteps.Count < 3)
            {
                failures.Add($"{request}: no explanation or next steps");
            }

            if (d.Matched.Any(m => m.Row.Precedence < d.Rule.Precedence))
            {
                failures.Add($"{request}: a row of higher precedence matched but did not decide");
            }

            foreach (var loser in d.Matched.Where(m => !m.Won))
            {
                if (loser.LostBecause is null || !loser.LostBecause.Contains(d.Rule.Id, StringComparison.Ordinal) || loser.Why.Length == 0)
                {
                    failures.Add($"{request}: {loser.Row.Id} lost without saying why");
                }
            }

            if (d.IsPolicyDefault == d.Matched.Any(m => m.Row.Source.Kind == DecisionSourceKind.Runbook))
            {
                failures.Add($"{request}: a policy default decided although a runbook row matched, or the reverse");
            }
        }

        Assert.Equal(2 * 2 * 5 * 2 * 2 * 3 * 3 * 3 + 2 * 2 * 5 * 2 * 2 * 2 * 3 * 3, count);
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} combinations failed:\n" + string.Join('\n', failures.Take(20)));
    }

    public static TheoryData<string, string> SilencePolicies()
    {
        var data = new TheoryData<string, string>();
        foreach (var ongoing in RollbackDecisions.All)
        {
            foreach (var contained in RollbackDecisions.All)
            {
                data.Add(ongoing, contained);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SilencePolicies))]
    public void The_invariants_hold_for_every_combination_whatever_the_policy_defaults(string ongoing, string contained)
    {
        var policy = new HotfixPolicy { Decisions = new DecisionPolicy { WhenRunbookSilent = new RunbookSilencePolicy { OngoingImpact = ongoing, ContainedImpact = contained } } };
        foreach (var request in DecisionSpace.All().Where(DecisionSpace.IsComplete))
        {
            var d = RollbackDecider.Decide(request, policy);
            Assert.Equal(Expected(request, policy.Decisions.WhenRunbookSilent), (d.Decision, d.Detail));
            if (request.RollbackLosesData)
            {
                Assert.False(RollbackDecisions.IsRollback(d.Decision), $"data loss got {d.Decision}: {request}");
            }

            if (request.MigrationsApplied)
            {
                Assert.NotEqual(RollbackDecisions.Rollback, d.Decision);
            }

            if (request.ServicesAffected > 1 && request.Culprit == Culprit.Unknown && !request.RollbackLosesData)
            {
                Assert.Equal(RollbackDecisions.RollbackAll, d.Decision);
            }
        }
    }

    [Fact]
    public void Never_lose_data_wins_over_unknown_root_cause_with_ongoing_impact_and_says_so()
    {
        var d = RollbackDecider.Decide(new RollbackDecisionRequest { RootCause = RootCause.Unknown, Impact = Impact.Ongoing, RollbackLosesData = true }, Runbook);
        Assert.Equal(RollbackDecisions.ForwardFix, d.Decision);
        Assert.Equal("rollback-loses-data", d.Rule.Id);
        var lost = Assert.Single(d.Matched, m => !m.Won);
        Assert.Equal("unknown-root-cause-ongoing-impact", lost.Row.Id);
        Assert.Equal(RollbackDecisions.Rollback, lost.Row.Decision);
        Assert.Equal("root cause unknown and impact ongoing", lost.Why);
        Assert.Contains("never lose data", lost.LostBecause);
        Assert.Contains(d.NextSteps, s => s.Text.Contains("Do not roll back: a rollback would lose data", StringComparison.Ordinal));
    }

    [Fact]
    public void Where_the_runbook_is_silent_the_policy_default_decides_and_is_marked_as_such()
    {
        var request = new RollbackDecisionRequest { RootCause = RootCause.Known, Impact = Impact.Ongoing, FixEtaMinutes = 45, IncidentAgeMinutes = 20 };
        var d = RollbackDecider.Decide(request, Runbook);
        Assert.Equal(RollbackDecisions.Rollback, d.Decision);
        Assert.True(d.IsPolicyDefault);
        Assert.Equal(DecisionSourceKind.PolicyDefault, d.Rule.Source.Kind);
        Assert.Equal("decisions.whenRunbookSilent.ongoingImpact", d.Rule.Source.Text);
        Assert.Equal("no runbook row matched and impact ongoing", d.Decided.Why);
        Assert.Contains("policy default decisions.whenRunbookSilent.ongoingImpact = rollback", d.NextSteps[0].Text);

        var changed = PolicyParser.Parse("""{ "decisions": { "whenRunbookSilent": { "ongoingImpact": "forward-fix" } } }""", "hotfix.json").Policy!;
        var fromPolicy = RollbackDecider.Decide(request, changed);
        Assert.Equal(RollbackDecisions.ForwardFix, fromPolicy.Decision);
        Assert.True(fromPolicy.IsPolicyDefault);
    }

    [Theory]
    [InlineData(29, RollbackDecisions.ForwardFix, "known-root-cause-quick-fix")]
    [InlineData(30, RollbackDecisions.Rollback, "runbook-silent-ongoing-impact")]
    public void A_fix_is_quick_only_below_the_threshold(int eta, string decision, string rule)
    {
        var d = RollbackDecider.Decide(new RollbackDecisionRequest { RootCause = RootCause.Known, Impact = Impact.Ongoing, FixEtaMinutes = eta }, Runbook);
        Assert.Equal((decision, rule), (d.Decision, d.Rule.Id));
    }

    [Theory]
    [InlineData(60, RollbackDecisions.ForwardFix)]
    [InlineData(61, RollbackDecisions.Rollback)]
    public void An_incident_is_stale_only_after_more_than_an_hour(int age, string decision)
    {
        var d = RollbackDecider.Decide(new RollbackDecisionRequest { RootCause = RootCause.Known, Impact = Impact.Contained, IncidentAgeMinutes = age, FixInSight = false }, Runbook);
        Assert.Equal(decision, d.Decision);
    }

    [Fact]
    public void The_thresholds_come_from_the_policy()
    {
        var policy = PolicyParser.Parse("""{ "decisions": { "forwardFixMaxMinutes": 60, "staleIncidentMinutes": 120 } }""", "hotfix.json").Policy!;
        var quick = RollbackDecider.Decide(new RollbackDecisionRequest { RootCause = RootCause.Known, Impact = Impact.Ongoing, FixEtaMinutes = 45 }, policy);
        Assert.Equal("known-root-cause-quick-fix", quick.Rule.Id);
        Assert.Contains("fix ETA 45 min (< 60 min)", quick.Decided.Why);
        var notStale = RollbackDecider.Decide(new RollbackDecisionRequest { RootCause = RootCause.Known, Impact = Impact.Contained, IncidentAgeMinutes = 90, FixInSight = false }, policy);
        Assert.Equal("runbook-silent-contained-impact", notStale.Rule.Id);
    }

    [Fact]
    public void Rows_that_need_a_missing_input_and_could_change_the_answer_are_reported()
    {
        var d = RollbackDecider.Decide(new RollbackDecisionRequest { RootCause = RootCause.Known, Impact = Impact.Ongoing }, Runbook);
        Assert.True(d.IsPolicyDefault);
        Assert.Equal(
            ["active-over-an-hour-no-fix-in-sight", "known-root-cause-quick-fix"],
            d.Undetermined.Select(u => u.Row.Id));
        Assert.Equal(["IncidentAgeMinutes", "FixInSight"], d.Undetermined[0].MissingInputs);
        Assert.Equal(["FixEtaMinutes"], d.Undetermined[1].MissingInputs);

        // Rows below the winner cannot change the answer and are not listed.
        var decided = RollbackDecider.Decide(new RollbackDecisionRequest { RootCause = RootCause.Unknown, Impact = Impact.Ongoing }, Runbook);
        Assert.Empty(decided.Undetermined);
    }

    [Fact]
    public void Migrations_applied_give_a_forward_fix_with_migration_fix_and_its_steps()
    {
        var d = RollbackDecider.Decide(new RollbackDecisionRequest { RootCause = RootCause.Unknown, Impact = Impact.Ongoing, MigrationsApplied = true }, Runbook);
        Assert.Equal((RollbackDecisions.ForwardFix, RollbackDecisions.ForwardFixWithMigrationFix), (d.Decision, d.Detail));
        Assert.Equal(["migrations-applied", "unknown-root-cause-ongoing-impact"], d.Matched.Select(m => m.Row.Id));
        Assert.Contains(d.NextSteps, s => s.Text.Contains("forward migration that undoes the change", StringComparison.Ordinal));
        Assert.Contains(d.NextSteps, s => s.Text.Contains("up AND down", StringComparison.Ordinal));
    }

    [Fact]
    public void Rollback_steps_come_from_the_rollback_procedure_with_the_policy_namespace_and_timeout()
    {
        var policy = PolicyParser.Parse("""{ "deployment": { "namespace": "shop", "rolloutTimeoutSeconds": 90 } }""", "hotfix.json").Policy!;
        var d = RollbackDecider.Decide(new RollbackDecisionRequest { RootCause = RootCause.Unknown, Impact = Impact.Ongoing }, policy, IncidentId.Parse("INC-2026-0042"));
        var commands = d.NextSteps.SelectMany(s => s.Commands).ToList();
        Assert.Contains("kubectl rollout undo deployment/<name> -n shop", commands);
        Assert.Contains("kubectl rollout status deployment/<name> -n shop --timeout=90s", commands);
        Assert.Contains("kubectl rollout undo deployment/<name> -n shop --to-revision=<N>", commands);
        Assert.Contains(d.NextSteps.SelectMany(s => s.Actions), a => a.Verb == "record" && a.Arguments.SequenceEqual(["INC-2026-0042", "--note", "\"rolled back: <reason>; verified: <what was checked>\""]));
        Assert.Contains(d.NextSteps.SelectMany(s => s.Actions), a => a.Verb == "rollback" && a.Arguments.SequenceEqual(["deployment/<name>", "-n", "shop",
            "--reason", "INC-2026-0042: root cause unknown and impact ongoing (hotfix decide: rollback, rule unknown-root-cause-ongoing-impact)", "--incident", "INC-2026-0042"]));
        Assert.DoesNotContain(commands, c => c.StartsWith("hotfix ", StringComparison.Ordinal));
        Assert.Contains(d.NextSteps, s => s.Text.Contains("escalate immediately — do not retry blindly", StringComparison.Ordinal));
        Assert.Contains(d.NextSteps, s => s.Text.Contains("verify no data was lost or corrupted", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_services_without_a_word_on_the_culprit_is_bad_input_naming_the_request_property()
    {
        var e = Assert.Throws<DecisionInputException>(() => RollbackDecider.Decide(new RollbackDecisionRequest { RootCause = RootCause.Known, Impact = Impact.Ongoing, ServicesAffected = 3 }, Runbook));
        Assert.Equal("Culprit: missing with 3 services affected; expected known or unknown (is it clear which service caused it?)", e.Message);
        Assert.Equal(nameof(RollbackDecisionRequest.Culprit), Assert.Single(e.Problems).Input);
        Assert.Throws<DecisionInputException>(() => RollbackDecider.Decide(new RollbackDecisionRequest { RootCause = RootCause.Known, Impact = Impact.Ongoing, ServicesAffected = 0 }, Runbook));
        Assert.Throws<DecisionInputException>(() => RollbackDecider.Decide(new RollbackDecisionRequest { RootCause = RootCause.Known, Impact = Impact.Ongoing, FixEtaMinutes = -1 }, Runbook));
    }

    [Fact]
    public void The_table_has_unique_precedences_and_ids_and_the_runbook_rows_quote_the_runbook()
    {
        var table = RollbackDecisionTable.For(Runbook.Decisions);
        Assert.Equal(table.Count, table.Select(r => r.Precedence).Distinct().Count());
        Assert.Equal(table.Count, table.Select(r => r.Id).Distinct().Count());
        var runbook = File.ReadAllLines(TestSupport.SourceTree.PathOf("docs", "runbook.txt"));
        Assert.All(RollbackDecisionTable.RunbookRows, r => Assert.Contains(r.Source.Text, runbook));
        Assert.Equal(6, RollbackDecisionTable.RunbookRows.Count);
    }

    [Fact]
    public void The_documented_table_matches_the_code()
    {
        var doc = File.ReadAllText(TestSupport.SourceTree.PathOf("docs", "decision-table.md"));
        foreach (var row in RollbackDecisionTable.For(Runbook.Decisions))
        {
            Assert.Contains($"| {row.Precedence} | `{row.Id}` |", doc);
        }
    }
}
