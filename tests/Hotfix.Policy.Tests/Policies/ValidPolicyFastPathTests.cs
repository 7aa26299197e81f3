using Hotfix.Policy.Policies;
using Hotfix.Policy.Policies.Validation;
using Hotfix.TestSupport;

namespace Hotfix.Policy.Tests.Policies;

/// <summary>
/// The fast path of policy validation against the full validator: on every policy below — the runbook, the sample
/// policies, and at least one breach of every rule the validator has — it accepts exactly what the validator accepts.
/// And a rule added to the validator but not to the fast path fails the rule-list test.
/// </summary>
public class ValidPolicyFastPathTests
{
    private static readonly Dictionary<string, HotfixPolicy> Breaches = new()
    {
        ["helpBaseUri not http"] = new() { HelpBaseUri = "ftp://example.com/docs/" },
        ["helpBaseUri without slash"] = new() { HelpBaseUri = "https://example.com/docs" },
        ["main not a branch name"] = new() { Branches = new() { Main = "release candidate" } },
        ["back-merge target not a branch name"] = new() { Branches = new() { BackMergeTarget = "dev..elop" } },
        ["back-merge target is main"] = new() { Branches = new() { BackMergeTarget = "main" } },
        ["remote with a slash"] = new() { Branches = new() { Remote = "up/stream" } },
        ["remote empty"] = new() { Branches = new() { Remote = "" } },
        ["prefix without slash"] = new() { Branches = new() { Prefix = "hotfix" } },
        ["max length too small"] = new() { Branches = new() { MaxLength = 20 } },
        ["max length too large"] = new() { Branches = new() { MaxLength = 256 } },
        ["no approvers"] = new() { Review = new() { Approvers = [] } },
        ["blank approver"] = new() { Review = new() { Approvers = ["incident-commander", " "] } },
        ["follow-up 0 days"] = new() { Review = new() { FollowUpDays = 0 } },
        ["follow-up 8 days"] = new() { Review = new() { FollowUpDays = 8 } },
        ["no must-check"] = new() { Review = new() { MustCheck = [] } },
        ["blank may-skip"] = new() { Review = new() { MaySkip = ["style", ""] } },
        ["acknowledgement without expedited"] = new() { Review = new() { Acknowledgement = "I reviewed it." } },
        ["severity key lowercase"] = new() { Review = new() { Severities = new Dictionary<string, SeverityReviewPolicy> { ["sev1"] = new() } } },
        ["severity process unknown"] = new() { Review = new() { Severities = new Dictionary<string, SeverityReviewPolicy> { ["SEV1"] = new() { Process = "quick" } } } },
        ["SEV3 expedited"] = new() { Review = new() { Severities = new Dictionary<string, SeverityReviewPolicy> { ["SEV3"] = new() { Process = ReviewProcess.Expedited, Reviewers = 1, TimeboxMinutes = 10 } } } },
        ["expedited without reviewers"] = new() { Review = new() { Severities = new Dictionary<string, SeverityReviewPolicy> { ["SEV1"] = new() { Process = ReviewProcess.Expedited, Reviewers = 0, TimeboxMinutes = 10 } } } },
        ["expedited without timebox"] = new() { Review = new() { Severities = new Dictionary<string, SeverityReviewPolicy> { ["SEV2"] = new() { Process = ReviewProcess.Expedited, Reviewers = 1 } } } },
        ["normal with 0 reviewers"] = new() { Review = new() { Severities = new Dictionary<string, SeverityReviewPolicy> { ["SEV4"] = new() { Reviewers = 0 } } } },
        ["no smoke test"] = new() { Tests = new() { Mandatory = ["regression"] } },
        ["test id not kebab"] = new() { Tests = new() { Mandatory = ["smoke", "Integration"] } },
        ["test id twice"] = new() { Tests = new() { Mandatory = ["smoke", "smoke"] } },
        ["conditional kind not kebab"] = new() { Tests = new() { Conditional = new Dictionary<string, IReadOnlyList<string>> { ["Data Base"] = ["migration-up-down"] } } },
        ["skippable and mandatory"] = new() { Tests = new() { SkippableOnSev1 = ["smoke"] } },
        ["command id not kebab"] = new() { Tests = new() { Commands = new Dictionary<string, TestCommand> { ["Smoke"] = TestCommand.FromText("make smoke") } } },
        ["command without words"] = new() { Tests = new() { Commands = new Dictionary<string, TestCommand> { ["smoke"] = TestCommand.FromArguments([]) } } },
        ["condition on a mandatory suite"] = new() { Tests = new() { AppliesTo = new Dictionary<string, TestCondition> { ["smoke"] = new() { Kinds = ["frontend"] } } } },
        ["condition id not kebab"] = new() { Tests = new() { AppliesTo = new Dictionary<string, TestCondition> { ["Cross Browser"] = new() { Kinds = ["frontend"] } } } },
        ["condition with a bad glob"] = new() { Tests = new() { AppliesTo = new Dictionary<string, TestCondition> { ["cross-browser"] = new() { Paths = ["src\\web\\**"] } } } },
        ["environment not kebab"] = new() { Environments = [new() { Name = "Production" }] },
        ["environment twice"] = new() { Environments = [new() { Name = "prod" }, new() { Name = "prod" }] },
        ["rollout timeout 0"] = new() { Deployment = new() { RolloutTimeoutSeconds = 0 } },
        ["monitor 1441 minutes"] = new() { Deployment = new() { MonitorMinutes = 1441 } },
        ["namespace not a DNS label"] = new() { Deployment = new() { Namespace = "Payments_NS" } },
        ["window 0 hours"] = new() { StabilityWindow = new() { Hours = 0 } },
        ["window 721 hours"] = new() { StabilityWindow = new() { Hours = 721 } },
        ["checkpoint name"] = new() { StabilityWindow = new() { Checkpoints = new Dictionary<string, IReadOnlyList<VerificationCheckPolicy>> { ["x1"] = [new() { Id = "a", Check = "b" }], ["h24"] = [new() { Id = "c", Check = "d" }] } } },
        ["no checkpoint at the window's end"] = new() { StabilityWindow = new() { Checkpoints = new Dictionary<string, IReadOnlyList<VerificationCheckPolicy>> { ["h1"] = [new() { Id = "a", Check = "b" }] } } },
        ["check id twice"] = new() { StabilityWindow = new() { Checkpoints = new Dictionary<string, IReadOnlyList<VerificationCheckPolicy>> { ["h1"] = [new() { Id = "a", Check = "b" }], ["h24"] = [new() { Id = "a", Check = "d" }] } } },
        ["check blank"] = new() { StabilityWindow = new() { Checkpoints = new Dictionary<string, IReadOnlyList<VerificationCheckPolicy>> { ["h24"] = [new() { Id = "a", Check = " " }] } } },
        ["threshold without query"] = new() { StabilityWindow = new() { Checkpoints = new Dictionary<string, IReadOnlyList<VerificationCheckPolicy>> { ["h24"] = [new() { Id = "a", Check = "b", Max = 1 }] } } },
        ["min above max"] = new() { StabilityWindow = new() { Checkpoints = new Dictionary<string, IReadOnlyList<VerificationCheckPolicy>> { ["h24"] = [new() { Id = "a", Check = "b", Query = "up", Max = 1, Min = 2 }] } } },
        ["prometheus url"] = new() { Metrics = new() { Prometheus = new() { Url = "prometheus:9090" } } },
        ["prometheus token not env"] = new() { Metrics = new() { Prometheus = new() { Url = "http://prometheus:9090", BearerToken = "secret" } } },
        ["prometheus timeout"] = new() { Metrics = new() { Prometheus = new() { Url = "http://prometheus:9090", TimeoutSeconds = 0 } } },
        ["forward fix 0 minutes"] = new() { Decisions = new() { ForwardFixMaxMinutes = 0 } },
        ["stale 10081 minutes"] = new() { Decisions = new() { StaleIncidentMinutes = 10081 } },
        ["ongoing impact unknown"] = new() { Decisions = new() { WhenRunbookSilent = new() { OngoingImpact = "panic" } } },
        ["contained impact unknown"] = new() { Decisions = new() { WhenRunbookSilent = new() { ContainedImpact = "wait" } } },
        ["records folder blank"] = new() { Records = new() { Folder = " " } },
        ["records sync unknown"] = new() { Records = new() { Sync = "sometimes" } },
        ["incident commander blank"] = new() { People = new() { IncidentCommander = " " } },
        ["senior developer blank"] = new() { People = new() { SeniorDevelopers = ["ana", ""] } },
        ["component name"] = new() { Components = [new() { Name = "Admin UI", Paths = ["admin/**"] }] },
        ["component twice"] = new() { Components = [new() { Name = "api", Paths = ["api/**"] }, new() { Name = "api", Paths = ["web/**"] }] },
        ["component without paths"] = new() { Components = [new() { Name = "api", Paths = [] }] },
        ["component bad glob"] = new() { Components = [new() { Name = "api", Paths = ["src/{api"] }] },
        ["component workload"] = new() { Components = [new() { Name = "api", Paths = ["api/**"], Workload = "api" }] },
        ["rule id unknown"] = new() { Rules = new Dictionary<string, string> { ["HF9999"] = "error" } },
        ["rule level unknown"] = new() { Rules = new Dictionary<string, string> { ["HF0101"] = "loud" } },
        ["budget key"] = new() { Scope = new() { Budgets = new Dictionary<string, ScopeBudget> { ["SEV9"] = new() { Files = 1, Lines = 1 } } } },
        ["budget 0 files"] = new() { Scope = new() { Budgets = new Dictionary<string, ScopeBudget> { ["SEV1"] = new() { Files = 0, Lines = 10 } } } },
        ["budget 0 lines"] = new() { Scope = new() { Budgets = new Dictionary<string, ScopeBudget> { ["SEV1"] = new() { Files = 1, Lines = 0 } } } },
        ["SEV1 budget above SEV2's"] = new() { Scope = new() { Budgets = new Dictionary<string, ScopeBudget> { ["SEV1"] = new() { Files = 50, Lines = 100 }, ["SEV2"] = new() { Files = 10, Lines = 200 } } } },
        ["generated bad glob"] = new() { Scope = new() { Generated = [""] } },
        ["vendored bad glob"] = new() { Scope = new() { Vendored = ["vendor\\**"] } },
        ["lock file bad glob"] = new() { Scope = new() { LockFiles = ["{a,{b}}"] } },
        ["classification kind"] = new() { Classification = new Dictionary<string, IReadOnlyList<string>> { ["Front End"] = ["web/**"] } },
        ["classification bad glob"] = new() { Classification = new Dictionary<string, IReadOnlyList<string>> { ["frontend"] = ["web\\**"] } },
        ["waiver incident"] = new() { Waivers = [new() { Incident = "INC-1", Rule = "HF0101", Reason = "named so by the vendor" }] },
        ["waiver rule unknown"] = new() { Waivers = [new() { Incident = "INC-2026-0001", Rule = "HF9999", Reason = "named so by the vendor" }] },
        ["waiver twice"] = new() { Waivers = [new() { Incident = "INC-2026-0001", Rule = "HF0101", Reason = "a" }, new() { Incident = "INC-2026-0001", Rule = "HF0101", Reason = "b" }] },
        ["waiver without reason"] = new() { Waivers = [new() { Incident = "INC-2026-0001", Rule = "HF0101", Reason = " " }] },
        ["webhook url"] = new() { Notifications = new() { Webhooks = [new() { Url = "hooks.example.com" }] } },
        ["webhook without events"] = new() { Notifications = new() { Webhooks = [new() { Url = "https://hooks.example.com/x", Events = [] }] } },
        ["webhook event unknown"] = new() { Notifications = new() { Webhooks = [new() { Url = "https://hooks.example.com/x", Events = ["party"] }] } },
    };

    private static IEnumerable<HotfixPolicy> ValidPolicies()
    {
        yield return HotfixPolicy.Runbook;
        yield return new HotfixPolicy();
        foreach (var file in new[] { SourceTree.PathOf("samples", "policies", "hotfix.json"), SourceTree.PathOf("benchmarks", "branch-workflow", "small-hotfix.json") })
        {
            var result = PolicyParser.Parse(File.ReadAllText(file), file);
            Assert.True(result.IsValid, file + ": " + string.Join("; ", result.Problems.Select(p => p.Path)));
            yield return result.Policy!;
        }
    }

    [Fact]
    public void Valid_policies_are_accepted_by_both()
    {
        foreach (var policy in ValidPolicies())
        {
            Assert.Empty(HotfixPolicyValidator.Check(policy));
            Assert.True(ValidPolicyFastPath.Accepts(policy));
        }
    }

    [Fact]
    public void Every_breach_is_rejected_by_both()
    {
        foreach (var (name, policy) in Breaches)
        {
            Assert.True(HotfixPolicyValidator.Check(policy).Count > 0, $"the validator accepts '{name}': the breach is not one");
            Assert.False(ValidPolicyFastPath.Accepts(policy), $"the fast path accepts '{name}', which the validator rejects");
        }
    }

    [Fact]
    public void The_breaches_reach_every_single_value_rule()
    {
        var reported = Breaches.Values.SelectMany(HotfixPolicyValidator.Check).Select(p => p.Path).ToHashSet(StringComparer.Ordinal);

        var unreached = PolicyValueRules.All.Select(r => r.Path).Where(path => !reported.Contains(path)).ToList();

        Assert.Empty(unreached);
    }

    [Fact]
    public void The_fast_path_asks_every_rule_the_validator_has_in_the_same_order()
    {
        // The validator's single-value rules carry their JSON path (OverridePropertyName); its custom checks do not.
        var rules = new HotfixPolicyValidator().Select(r => r.PropertyName ?? string.Empty).ToList();

        Assert.Equal(PolicyValueRules.All.Select(r => r.Path), rules.Where(n => n.StartsWith("$.", StringComparison.Ordinal)));
        Assert.Equal(ValidPolicyFastPath.CustomChecks.Count, rules.Count(n => !n.StartsWith("$.", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_invalid_file_is_reported_with_the_validators_messages()
    {
        var result = PolicyParser.Parse("""{ "review": { "followUpDays": 9, "approvers": [] }, "records": { "sync": "never" } }""", "hotfix.json");

        Assert.False(result.IsValid);
        Assert.Equal(
            [
                ("$.review.approvers", "[]", "a non-empty array of roles or people who may review (e.g. incident-commander, senior-developer)"),
                ("$.review.followUpDays", "9", "1 to 7 days: the runbook wants the full review \"within 1 week\""),
                ("$.records.sync", "\"never\"", "\"manual\" or \"auto\""),
            ],
            result.Problems.Select(p => (p.Path, p.Found, p.Expected)));
    }
}
