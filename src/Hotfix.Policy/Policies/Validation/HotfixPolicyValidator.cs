using System.Collections;
using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Hotfix.Policy.Decisions;
using Hotfix.Policy.Paths;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Policies.Validation;

/// <summary>
/// The meaning of a policy: values in range, names git accepts, rule ids that exist. Property names are JSON paths
/// of the policy file so a message points at the line a person must edit.
/// </summary>
internal sealed class HotfixPolicyValidator : AbstractValidator<HotfixPolicy>
{
    private const string TestIdForm = "a test id of lowercase words and hyphens (e.g. smoke, migration-up-down)";

    public HotfixPolicyValidator()
    {
        RuleFor(p => p.HelpBaseUri)
            .Must(PolicyValueRules.IsHelpBaseUri)
            .OverridePropertyName("$.helpBaseUri")
            .WithMessage("an absolute http(s) URI ending with '/' (the folder holding HF0101.md …), or null");

        RuleFor(p => p.Branches.Main).Must(GitNames.IsValidBranchName)
            .OverridePropertyName("$.branches.main").WithMessage(GitNames.ExpectedBranchForm);
        RuleFor(p => p.Branches.BackMergeTarget).Must(GitNames.IsValidBranchName)
            .OverridePropertyName("$.branches.backMergeTarget").WithMessage(GitNames.ExpectedBranchForm);
        RuleFor(p => p.Branches.BackMergeTarget).Must(PolicyValueRules.IsOtherThanMain)
            .OverridePropertyName("$.branches.backMergeTarget")
            .WithMessage(p => $"a branch other than main ('{p.Branches.Main}'): the runbook merges the hotfix into main AND into the back-merge target");
        RuleFor(p => p.Branches.Remote).Must(PolicyValueRules.IsRemoteName)
            .OverridePropertyName("$.branches.remote").WithMessage("a remote name such as origin");
        RuleFor(p => p.Branches.Prefix).Must(PolicyValueRules.IsBranchPrefix)
            .OverridePropertyName("$.branches.prefix").WithMessage("a branch prefix ending with '/', such as hotfix/");
        RuleFor(p => p.Branches.MaxLength)
            .Must(PolicyValueRules.IsBranchMaxLength)
            .OverridePropertyName("$.branches.maxLength")
            .WithMessage(p => $"a whole number from {PolicyValueRules.MinimumBranchLength(p)} (prefix + INC-YYYY-NNNN- + an 8-character description) to 255");

        RuleFor(p => p.Review.Approvers).Must(PolicyValueRules.IsApproverList)
            .OverridePropertyName("$.review.approvers").WithMessage("a non-empty array of roles or people who may review (e.g. incident-commander, senior-developer)");
        RuleFor(p => p.Review.FollowUpDays).InclusiveBetween(1, 7)
            .OverridePropertyName("$.review.followUpDays").WithMessage("1 to 7 days: the runbook wants the full review \"within 1 week\"");
        RuleFor(p => p.Review.MustCheck).Must(PolicyValueRules.NonEmptyTexts)
            .OverridePropertyName("$.review.mustCheck").WithMessage("a non-empty array of questions: MUST_CHECK items are non-negotiable");
        RuleFor(p => p.Review.MaySkip).Must(PolicyValueRules.AllNonBlank)
            .OverridePropertyName("$.review.maySkip").WithMessage("an array of non-empty texts");
        RuleFor(p => p.Review.Severities).Custom((value, context) => CheckSeverities(value, new PolicyFailures(context)));
        RuleFor(p => p.Review.Acknowledgement).Must(PolicyValueRules.SaysExpedited)
            .OverridePropertyName("$.review.acknowledgement")
            .WithMessage("a statement that says the review was expedited, such as \"I performed an expedited (not full) review of this hotfix.\"");

        RuleFor(p => p.Tests.Mandatory).Must(PolicyValueRules.HasSmoke)
            .OverridePropertyName("$.tests.mandatory").WithMessage("an array that contains \"smoke\": the runbook says the smoke test takes < 2 minutes — always run it");
        RuleFor(p => p.Tests).Custom((value, context) => CheckTests(value, new PolicyFailures(context)));
        RuleFor(p => p.Environments).Custom((value, context) => CheckEnvironments(value, new PolicyFailures(context)));

        RuleFor(p => p.Deployment.RolloutTimeoutSeconds).InclusiveBetween(1, 3600)
            .OverridePropertyName("$.deployment.rolloutTimeoutSeconds").WithMessage("1 to 3600 seconds (the runbook uses 120)");
        RuleFor(p => p.Deployment.MonitorMinutes).InclusiveBetween(1, 1440)
            .OverridePropertyName("$.deployment.monitorMinutes").WithMessage("1 to 1440 minutes (the runbook uses 15)");
        RuleFor(p => p.Deployment.Namespace).Must(PolicyValueRules.IsNamespaceOrNull)
            .OverridePropertyName("$.deployment.namespace").WithMessage("a Kubernetes namespace (lowercase letters, digits and '-', at most 63 characters) or null");

        RuleFor(p => p.StabilityWindow.Hours).InclusiveBetween(1, 720)
            .OverridePropertyName("$.stabilityWindow.hours").WithMessage("1 to 720 hours (the runbook's window is 24)");
        RuleFor(p => p.StabilityWindow).Custom((value, context) => CheckStabilityWindow(value, new PolicyFailures(context)));
        RuleFor(p => p.Metrics).Custom((value, context) => MetricPolicyRules.CheckMetrics(value, new PolicyFailures(context)));

        RuleFor(p => p.Decisions.ForwardFixMaxMinutes).InclusiveBetween(1, 1440)
            .OverridePropertyName("$.decisions.forwardFixMaxMinutes").WithMessage("1 to 1440 minutes (the runbook's quick fix is < 30)");
        RuleFor(p => p.Decisions.StaleIncidentMinutes).InclusiveBetween(1, 10080)
            .OverridePropertyName("$.decisions.staleIncidentMinutes").WithMessage("1 to 10080 minutes (the runbook rolls back after > 1 hour with no fix in sight: 60)");
        RuleFor(p => p.Decisions.WhenRunbookSilent.OngoingImpact).Must(RollbackDecisions.IsValid)
            .OverridePropertyName("$.decisions.whenRunbookSilent.ongoingImpact").WithMessage(RollbackDecisions.ExpectedForm);
        RuleFor(p => p.Decisions.WhenRunbookSilent.ContainedImpact).Must(RollbackDecisions.IsValid)
            .OverridePropertyName("$.decisions.whenRunbookSilent.containedImpact").WithMessage(RollbackDecisions.ExpectedForm);

        RuleFor(p => p.Records.Folder).Must(PolicyValueRules.IsFolder)
            .OverridePropertyName("$.records.folder").WithMessage("a folder path (relative paths start at the repository root)");
        RuleFor(p => p.Records.Sync).Must(PolicyValueRules.IsSyncMode)
            .OverridePropertyName("$.records.sync").WithMessage("\"manual\" or \"auto\"");

        RuleFor(p => p.People.IncidentCommander).Must(PolicyValueRules.IsNameOrNull)
            .OverridePropertyName("$.people.incidentCommander").WithMessage("a name, or null");
        RuleFor(p => p.People.SeniorDevelopers).Must(PolicyValueRules.AllNonBlank)
            .OverridePropertyName("$.people.seniorDevelopers").WithMessage("an array of non-empty names");

        RuleFor(p => p.Components).Custom((value, context) => CheckComponents(value, new PolicyFailures(context)));
        RuleFor(p => p.Rules).Custom((value, context) => CheckRuleOverrides(value, new PolicyFailures(context)));
        RuleFor(p => p.Scope).Custom((value, context) => CheckScope(value, new PolicyFailures(context)));
        RuleFor(p => p.Classification).Custom((value, context) => CheckClassification(value, new PolicyFailures(context)));
        RuleFor(p => p.Waivers).Custom((value, context) => CheckWaivers(value, new PolicyFailures(context)));
        RuleFor(p => p.Notifications).Custom((value, context) => NotificationPolicyChecks.Check(value, new PolicyFailures(context)));
        RuleFor(p => p).Custom((value, context) => TestConditionRules.Check(value, new PolicyFailures(context)));
    }

    /// <summary>Every problem in the policy, as path / found / expected.</summary>
    public static IReadOnlyList<PolicyProblem> Check(HotfixPolicy policy) =>
        new HotfixPolicyValidator().Validate(policy).Errors
            .Select(e => new PolicyProblem(e.PropertyName, e.CustomState as string ?? DescribeValue(e.AttemptedValue), e.ErrorMessage))
            .ToList();

    internal static void CheckEnvironments(IReadOnlyList<EnvironmentPolicy> environments, PolicyFailures context) =>
        EnvironmentRules.Check(environments, (path, found, expected) => Describe(context, path, found, expected));

    internal static void CheckSeverities(IReadOnlyDictionary<string, SeverityReviewPolicy> severities, PolicyFailures context)
    {
        foreach (var (key, review) in severities)
        {
            var path = JsonPath.Child("$.review.severities", key);
            if (!IncidentSeverities.TryParse(key, out var severity) || key != severity.Name())
            {
                Describe(context, path, $"key '{key}'", IncidentSeverities.ExpectedForm);
                continue;
            }

            if (review.Process is not (ReviewProcess.Expedited or ReviewProcess.Normal))
            {
                Fail(context, path + ".process", review.Process, "\"expedited\" or \"normal\"");
                continue;
            }

            if (review.Process == ReviewProcess.Expedited)
            {
                if (!severity.IsExpedited())
                {
                    Fail(context, path + ".process", review.Process, "\"normal\": the runbook gives SEV3/SEV4 the normal review process");
                }

                if (review.Reviewers is not (>= 1 and <= 10))
                {
                    Fail(context, path + ".reviewers", review.Reviewers, "1 to 10 reviewers: hotfixes MUST still be reviewed");
                }

                if (review.TimeboxMinutes is not (>= 1 and <= 1440))
                {
                    Fail(context, path + ".timeboxMinutes", review.TimeboxMinutes, "1 to 1440 minutes for an expedited review");
                }
            }
            else if (review.Reviewers is < 1)
            {
                Fail(context, path + ".reviewers", review.Reviewers, "at least 1 reviewer, or null for your normal process");
            }
        }
    }

    internal static void CheckTests(TestPolicy tests, PolicyFailures context)
    {
        CheckTestIds(tests.Mandatory, "$.tests.mandatory", context);
        CheckTestIds(tests.SkippableOnSev1, "$.tests.skippableOnSev1", context);
        foreach (var (kind, ids) in tests.Conditional)
        {
            var path = JsonPath.Child("$.tests.conditional", kind);
            if (!Identifiers.IsKebab(kind))
            {
                Describe(context, path, $"key '{kind}'", "a change kind of lowercase words and hyphens (database, api, auth, performance …)");
            }

            CheckTestIds(ids, path, context);
        }

        foreach (var skipped in tests.SkippableOnSev1.Where(tests.Mandatory.Contains))
        {
            Describe(context, "$.tests.skippableOnSev1", $"\"{skipped}\", which is also mandatory", "suites that are not in $.tests.mandatory: mandatory tests run at every severity");
        }

        foreach (var (id, command) in tests.Commands)
        {
            var path = JsonPath.Child("$.tests.commands", id);
            if (!Identifiers.IsKebab(id))
            {
                Describe(context, path, $"key '{id}'", TestIdForm);
            }
            else
            {
                TestCommandRules.Check(command, path, (found, expected) => Describe(context, path, found, expected));
            }
        }
    }

    private static void CheckTestIds(IReadOnlyList<string> ids, string path, PolicyFailures context)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (!Identifiers.IsKebab(ids[i]))
            {
                Fail(context, $"{path}[{i}]", ids[i], TestIdForm);
            }
        }

        foreach (var duplicate in ids.GroupBy(id => id).Where(g => g.Count() > 1))
        {
            Describe(context, path, $"\"{duplicate.Key}\" more than once", "each test id once");
        }
    }

    internal static void CheckStabilityWindow(StabilityWindowPolicy window, PolicyFailures context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, checks) in window.Checkpoints)
        {
            var path = JsonPath.Child("$.stabilityWindow.checkpoints", name);
            if (!TryCheckpointHour(name, out var hour) || hour > window.Hours)
            {
                Describe(context, path, $"key '{name}'", $"a checkpoint named h<hours> within the {window.Hours}-hour window (h1, h4, h24)");
            }

            for (var i = 0; i < checks.Count; i++)
            {
                if (!Identifiers.IsKebab(checks[i].Id))
                {
                    Fail(context, $"{path}[{i}].id", checks[i].Id, "a check id of lowercase words and hyphens (e.g. error-rate)");
                }
                else if (!seen.Add(checks[i].Id))
                {
                    Fail(context, $"{path}[{i}].id", checks[i].Id, "an id used by no other check in the window");
                }

                if (string.IsNullOrWhiteSpace(checks[i].Check))
                {
                    Fail(context, $"{path}[{i}].check", checks[i].Check, "the check in words (e.g. \"error rate returned to baseline\")");
                }

                MetricPolicyRules.CheckMeasuredCheck(checks[i], $"{path}[{i}]", context);
            }
        }

        if (!window.Checkpoints.Keys.Any(k => TryCheckpointHour(k, out var h) && h == window.Hours))
        {
            Describe(context, "$.stabilityWindow.checkpoints", $"no checkpoint at h{window.Hours}", $"a checkpoint h{window.Hours}: a hotfix is declared stable only after the last checks of the window passed");
        }
    }

    /// <summary>Checkpoint names are h&lt;hours after deploy&gt;: h1, h4, h24.</summary>
    public static bool TryCheckpointHour(string name, out int hour)
    {
        hour = 0;
        return name.Length > 1 && name[0] == 'h' && name[1] != '0'
            && int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out hour) && hour >= 1;
    }

    internal static void CheckComponents(IReadOnlyList<ComponentPolicy> components, PolicyFailures context)
    {
        for (var i = 0; i < components.Count; i++)
        {
            var component = components[i];
            var path = $"$.components[{i}]";
            if (!Identifiers.IsKebab(component.Name))
            {
                Fail(context, path + ".name", component.Name, "a component name of lowercase words and hyphens (e.g. admin-ui)");
            }
            else if (components.Take(i).Any(c => c.Name == component.Name))
            {
                Fail(context, path + ".name", component.Name, "a name no other component uses");
            }

            // A key left out of an array element reads as null: nothing merges the element over runbook defaults.
            if (component.Paths is null)
            {
                Describe(context, path + ".paths", MissingKey, "at least one path glob");
            }
            else if (component.Paths.Count == 0)
            {
                Describe(context, path + ".paths", "an empty array", "at least one path glob");
            }
            else
            {
                CheckGlobs(component.Paths, path + ".paths", context);
            }

            if (component.Workload is not null && !KubernetesNames.IsWorkloadReference(component.Workload))
            {
                Fail(context, path + ".workload", component.Workload, KubernetesNames.WorkloadForm);
            }
        }
    }

    internal static void CheckRuleOverrides(IReadOnlyDictionary<string, string> rules, PolicyFailures context)
    {
        foreach (var (id, level) in rules)
        {
            var path = JsonPath.Child("$.rules", id);
            if (RuleCatalogue.Find(id) is null)
            {
                var suggestion = Suggestions.Closest(id, RuleCatalogue.All.Select(r => r.Id));
                Describe(context, path, $"unknown rule id '{id}'", "a rule id from docs/rules" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)"));
            }
            else if (!RuleLevels.IsValid(level))
            {
                Fail(context, path, level, RuleLevels.ExpectedForm);
            }
        }
    }

    internal static void CheckScope(ScopePolicy scope, PolicyFailures context)
    {
        var known = new List<(IncidentSeverity Severity, ScopeBudget Budget)>();
        foreach (var (key, budget) in scope.Budgets)
        {
            var path = JsonPath.Child("$.scope.budgets", key);
            if (!IncidentSeverities.TryParse(key, out var severity) || key != severity.Name())
            {
                Describe(context, path, $"key '{key}'", IncidentSeverities.ExpectedForm);
                continue;
            }

            if (budget.Files is < 1 or > 100_000)
            {
                Fail(context, path + ".files", budget.Files, "1 to 100000 changed files");
            }
            else if (budget.Lines is < 1 or > 10_000_000)
            {
                Fail(context, path + ".lines", budget.Lines, "1 to 10000000 changed lines");
            }
            else
            {
                known.Add((severity, budget));
            }
        }

        // A more severe incident gets a shorter review (15 minutes at SEV1), so its budget may not be larger.
        foreach (var (severity, budget) in known)
        {
            foreach (var (lesser, lesserBudget) in known.Where(k => k.Severity > severity))
            {
                if (budget.Files > lesserBudget.Files || budget.Lines > lesserBudget.Lines)
                {
                    Describe(
                        context,
                        JsonPath.Child("$.scope.budgets", severity.Name()),
                        $"{budget.Files} files / {budget.Lines} lines, more than {lesser.Name()}'s {lesserBudget.Files} / {lesserBudget.Lines}",
                        $"a budget no larger than that of any less severe incident: {severity.Name()} gets the shorter review");
                }
            }
        }

        CheckGlobs(scope.Generated, "$.scope.generated", context);
        CheckGlobs(scope.Vendored, "$.scope.vendored", context);
        CheckGlobs(scope.LockFiles, "$.scope.lockFiles", context);
        CheckGlobs(scope.Tests, "$.scope.tests", context);
    }

    internal static void CheckClassification(IReadOnlyDictionary<string, IReadOnlyList<string>> classification, PolicyFailures context)
    {
        foreach (var (kind, globs) in classification)
        {
            var path = JsonPath.Child("$.classification", kind);
            if (!Identifiers.IsKebab(kind))
            {
                Describe(context, path, $"key '{kind}'", "a change kind of lowercase words and hyphens (" + string.Join(", ", ChangeKinds.BuiltIn) + " or your own)");
            }

            CheckGlobs(globs, path, context);
        }
    }

    internal static void CheckWaivers(IReadOnlyList<WaiverPolicy> waivers, PolicyFailures context)
    {
        for (var i = 0; i < waivers.Count; i++)
        {
            var waiver = waivers[i];
            var path = $"$.waivers[{i}]";
            if (waiver.Incident is null)
            {
                Describe(context, path + ".incident", MissingKey, "an incident id " + IncidentId.ExpectedForm + ": a waiver applies to one incident only");
            }
            else if (!IncidentId.TryParse(waiver.Incident, out _))
            {
                Fail(context, path + ".incident", waiver.Incident, "an incident id " + IncidentId.ExpectedForm + ": a waiver applies to one incident only");
            }

            if (waiver.Rule is null)
            {
                Describe(context, path + ".rule", MissingKey, "a rule id from docs/rules");
            }
            else if (RuleCatalogue.Find(waiver.Rule) is null)
            {
                var suggestion = Suggestions.Closest(waiver.Rule, RuleCatalogue.All.Select(r => r.Id));
                Describe(context, path + ".rule", $"unknown rule id '{waiver.Rule}'", "a rule id from docs/rules" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)"));
            }
            else if (waivers.Take(i).Any(w => w.Incident == waiver.Incident && w.Rule == waiver.Rule))
            {
                Describe(context, path, $"a second waiver of {waiver.Rule} for {waiver.Incident}", "one waiver per incident and rule");
            }

            if (waiver.Reason is null)
            {
                Describe(context, path + ".reason", MissingKey, "the reason the findings are accepted, in words: it is shown in every report");
            }
            else if (string.IsNullOrWhiteSpace(waiver.Reason))
            {
                Fail(context, path + ".reason", waiver.Reason, "the reason the findings are accepted, in words: it is shown in every report");
            }
        }
    }

    private static void CheckGlobs(IReadOnlyList<string> globs, string path, PolicyFailures context)
    {
        for (var j = 0; j < globs.Count; j++)
        {
            if (!Glob.TryParse(globs[j], out _, out var problem))
            {
                Describe(context, $"{path}[{j}]", DescribeValue(globs[j]) + " (" + problem + ")", Glob.ExpectedForm);
            }
        }
    }

    /// <summary>A problem with a value from the file; the value is shown as JSON-like text.</summary>
    private const string MissingKey = "no such key (it is required)";

    private static void Fail(PolicyFailures context, string path, object? value, string expected) =>
        Describe(context, path, DescribeValue(value), expected);

    /// <summary>A problem whose "found" part is already a description (a key, a count, a combination).</summary>
    private static void Describe(PolicyFailures context, string path, string found, string expected) =>
        context.AddFailure(new ValidationFailure(path, expected) { CustomState = found });

    internal static string DescribeValue(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(DescribeValue)) + "]",
        _ => value.ToString() ?? "a value",
    };
}
