using System.Globalization;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Records;
using Hotfix.Policy.Reviews;
using Hotfix.Policy.Workloads;

namespace Hotfix.Policy.Checklists;

/// <summary>
/// HOTFIX:DEPLOYMENT_CHECKLIST tailored to a change: the PRE_DEPLOY, DEPLOY and POST_DEPLOY items of the runbook, with
/// the conditional DEPLOY items ("IF: admin-ui change THEN: rebuild admin-ui image") decided by the policy's component
/// map against the changed paths, workload commands filled in from the policy, and the rollback plan naming the revision
/// to undo to when a cluster told it. Unknown names stay placeholders in angle brackets, with a note saying what to fill in.
/// </summary>
internal static class DeploymentChecklistBuilder
{
    private const string Pre = "PRE_DEPLOY: ";
    private const string Deploy = "DEPLOY: ";
    private const string Post = "POST_DEPLOY: ";

    /// <summary>Reads the current revision of every workload the change touches (or may touch) through <paramref name="reader"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, WorkloadRevisionLookup>> ReadRevisionsAsync(
        DeploymentChecklistRequest request, IWorkloadRevisionReader reader, CancellationToken cancellationToken)
    {
        var revisions = new Dictionary<string, WorkloadRevisionLookup>(StringComparer.Ordinal);
        foreach (var workload in RollbackTargets(request.Policy, AffectedComponent.Match(request.Policy.Components, request.Changes)))
        {
            revisions[workload] = await reader.GetCurrentRevisionAsync(workload, request.Policy.Deployment.Namespace, cancellationToken).ConfigureAwait(false);
        }

        return revisions;
    }

    public static DeploymentChecklist Build(DeploymentChecklistRequest request)
    {
        var components = AffectedComponent.Match(request.Policy.Components, request.Changes);
        var entries = new List<ChecklistEntry>();
        AddPreDeploy(entries, request, components);
        AddDeploy(entries, request, components);
        AddPostDeploy(entries, request);

        var done = ChecklistEvents.Completions(request.Recorded);
        var evidence = TestRuns.TestEvidence.From(request.Policy, request.Recorded);
        return new DeploymentChecklist(
            request,
            components,
            entries.Select(e => done.TryGetValue(e.Id, out var completion) ? e with { Done = completion } : e)
                .Select(e => ChecklistTestEvidence.Apply(e, request.Policy, evidence, request.Recorded))
                .Select(e => ChecklistVerifiedItems.Apply(e, request)).ToList());
    }

    /// <summary>Workloads of touched (or possibly touched) components, in policy order.</summary>
    private static IEnumerable<string> Workloads(IEnumerable<AffectedComponent> components) =>
        components.Where(c => c.Affected != false).Select(c => c.Component.Workload).OfType<string>().Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The workloads whose rollback plan the checklist shows: those of touched components, else the policy's only
    /// workload (the change touched no component's paths, but there is only one thing to deploy).
    /// </summary>
    private static IReadOnlyList<string> RollbackTargets(HotfixPolicy policy, IEnumerable<AffectedComponent> components)
    {
        var workloads = Workloads(components).ToList();
        return workloads.Count == 0 && PolicyWorkloads.Single(policy) is { } only ? [only] : workloads;
    }

    /// <summary>Says why a workload of the policy is named although the change touched none of its component's paths.</summary>
    private static string OnlyWorkloadNote(string workload) =>
        $"{workload} is the policy's only workload (components[].workload); the change touches none of its component's paths, so check it is the one to deploy";

    /// <summary>What to fill in where the workload stays a placeholder, naming the policy's workloads when it has several.</summary>
    private static string FillInNote(HotfixPolicy policy) => PolicyWorkloads.All(policy) is { Count: > 1 } several
        ? $"fill in the workload: the change touches none of the components' paths; the policy's workloads are {string.Join(", ", several)}"
        : "fill in the workload (or set components[].workload in the policy)";

    private static void AddPreDeploy(List<ChecklistEntry> entries, DeploymentChecklistRequest request, IReadOnlyList<AffectedComponent> components)
    {
        var policy = request.Policy;
        var main = policy.Branches.Main;
        var branchNote = request.Changes is { } changes
            ? $"{request.Branch ?? "this branch"}: merge base with {changes.BaseBranch} is {Short(changes.MergeBase)}"
            : request.ChangesUnavailableReason is { } reason ? $"not verified: {reason}" : null;
        entries.Add(new("pre.branch-from-main", ChecklistPhase.Pre, $"Hotfix branch created from {main}", Pre + "Hotfix branch created from main", [], branchNote));
        entries.Add(new("pre.implemented", ChecklistPhase.Pre, "Fix implemented and locally tested", Pre + "Fix implemented and locally tested", [], null));

        var (reviewText, reviewNote) = request.Severity is { } severity ? Review(policy, severity, request.Recorded) : ("Expedited code review passed", "the review depends on the severity: hotfix review --severity SEVn");
        entries.Add(new("pre.review", ChecklistPhase.Pre, reviewText, Pre + "Expedited code review passed",
            [$"hotfix review --severity {request.Severity?.Name() ?? "<SEV1|SEV2|SEV3|SEV4>"}"], reviewNote));
        entries.Add(new("pre.smoke", ChecklistPhase.Pre, "Smoke test passed", Pre + "Smoke test passed", TestCommand(policy, "smoke"), null));
        entries.Add(new("pre.regression", ChecklistPhase.Pre, "Regression test passed (at minimum, happy path)", Pre + "Regression test passed (at minimum, happy path)", TestCommand(policy, "regression"), null));
        var commander = policy.People.IncidentCommander;
        entries.Add(new("pre.approval", ChecklistPhase.Pre, $"Incident commander{(commander is null ? string.Empty : $" ({commander})")} approved deployment", Pre + "Incident commander (mira) approved deployment", [], null));
        AddRollbackPlan(entries, request, components);
    }

    private static void AddRollbackPlan(List<ChecklistEntry> entries, DeploymentChecklistRequest request, IReadOnlyList<AffectedComponent> components)
    {
        const string line = Pre + "Rollback plan documented (which revision to undo to)";
        var ns = Namespace(request.Policy);
        var workloads = RollbackTargets(request.Policy, components);
        if (workloads.Count == 0)
        {
            entries.Add(new("pre.rollback-plan", ChecklistPhase.Pre, "Rollback plan documented (which revision to undo to)", line,
                [$"kubectl rollout history deployment/<name> -n {ns}"],
                "fill in: the workload and the revision it runs now (the revision to undo to if the hotfix fails)"
                + (PolicyWorkloads.All(request.Policy) is { Count: > 1 } several ? $"; the policy's workloads are {string.Join(", ", several)}" : string.Empty)));
            return;
        }

        var commands = new List<string>();
        var notes = new List<string>();
        foreach (var workload in workloads)
        {
            if (request.Revisions.TryGetValue(workload, out var lookup) && lookup.Revision is { } revision)
            {
                commands.Add($"kubectl rollout undo {workload} -n {ns} --to-revision={revision.ToString(CultureInfo.InvariantCulture)}");
                notes.Add($"{workload}: revision {revision} runs now{(request.RevisionSource is null ? string.Empty : $" ({request.RevisionSource})")} — undo to it if the hotfix fails");
            }
            else
            {
                commands.Add($"kubectl rollout history {workload} -n {ns}");
                notes.Add($"{workload}: fill in the revision it runs now" + (lookup?.Problem is { } problem ? $" ({problem})" : " (no cluster was asked)"));
            }
        }

        entries.Add(new("pre.rollback-plan", ChecklistPhase.Pre, "Rollback plan documented (which revision to undo to)", line, commands, string.Join("; ", notes)));
    }

    private static void AddDeploy(List<ChecklistEntry> entries, DeploymentChecklistRequest request, IReadOnlyList<AffectedComponent> components)
    {
        var policy = request.Policy;
        var ns = Namespace(policy);
        var timeout = policy.Deployment.RolloutTimeoutSeconds.ToString(CultureInfo.InvariantCulture);
        var images = components.Where(c => c.Affected != false && c.Component.Image is not null).ToList();
        var untouched = components.Where(c => c.Affected == false).Select(c => c.Component.Name).ToList();
        var buildNote = images.Count > 0
            ? $"images: {string.Join(", ", images.Select(c => c.Component.Image))}" + (untouched.Count > 0 ? $"; unchanged: {string.Join(", ", untouched)}" : string.Empty)
            : components.Count == 0 ? "no components in the policy (components[]): build the images this change needs" : $"no component with an image changed ({string.Join(", ", untouched)} unchanged)";
        entries.Add(new("deploy.build-image", ChecklistPhase.Deploy, "Build new container image", Deploy + "Build new container image", [], buildNote));

        foreach (var affected in images)
        {
            var c = affected.Component;
            var text = affected.Affected == true
                ? $"Rebuild {c.Image} image ({c.Name} changed: {Files(affected.ChangedPaths)})"
                : $"IF: {c.Name} change THEN: rebuild {c.Image} image";
            var note = affected.Affected is null ? $"change set unknown ({request.ChangesUnavailableReason ?? "not read"}): check whether {c.Name} changed" : null;
            entries.Add(new($"deploy.rebuild.{c.Name}", ChecklistPhase.Deploy, text, Deploy + "IF: <component> change THEN: rebuild <component> image",
                c.Rebuild is null ? [] : [c.Rebuild], note ?? (c.Rebuild is null ? "no rebuild command in the policy (components[].rebuild)" : null)));
        }

        var workloads = components.Where(c => c.Affected != false && c.Component.Workload is not null).ToList();
        if (workloads.Count == 0)
        {
            var only = PolicyWorkloads.Single(policy);
            AddRollout(entries, "deploy", only ?? "deployment/<name>", ns, timeout, only is null ? FillInNote(policy) : OnlyWorkloadNote(only), null, request.Incident);
            return;
        }

        foreach (var affected in workloads)
        {
            var condition = affected.Affected is null ? $"IF: {affected.Component.Name} change — " : null;
            AddRollout(entries, $"deploy.{affected.Component.Name}", affected.Component.Workload!, ns, timeout, null, condition, request.Incident);
        }
    }

    private static void AddRollout(List<ChecklistEntry> entries, string idPrefix, string workload, string ns, string timeout, string? note, string? condition, IncidentId? incident)
    {
        // hotfix deploy does the three DEPLOY lines as one guarded, recorded step; the kubectl lines stay for reference.
        var deploy = $"hotfix deploy {workload} -n {ns} --incident {incident?.ToString() ?? "INC-YYYY-NNNN"}";
        var name = workload[(workload.IndexOf('/', StringComparison.Ordinal) + 1)..];
        entries.Add(new($"{idPrefix}.restart", ChecklistPhase.Deploy, $"{condition}Deploy to k8s: restart {workload}", Deploy + "Deploy to k8s: kubectl rollout restart deployment/<name> -n <namespace>",
            [deploy, $"kubectl rollout restart {workload} -n {ns}"], note));
        entries.Add(new($"{idPrefix}.watch", ChecklistPhase.Deploy, $"{condition}Watch rollout of {workload}", Deploy + "Watch rollout: kubectl rollout status deployment/<name> -n <namespace> --timeout=120s",
            [$"kubectl rollout status {workload} -n {ns} --timeout={timeout}s"], null));
        entries.Add(new($"{idPrefix}.pods", ChecklistPhase.Deploy, $"{condition}Verify pods of {workload} are running", Deploy + "Verify pods are running: kubectl get pods -n <namespace> -l app=<name>",
            [$"kubectl get pods -n {ns} -l app={name}"], null));
    }

    private static void AddPostDeploy(List<ChecklistEntry> entries, DeploymentChecklistRequest request)
    {
        var policy = request.Policy;
        var minutes = policy.Deployment.MonitorMinutes;
        var branch = request.Branch ?? $"{policy.Branches.Prefix}INC-YYYY-NNNN-description";
        var main = policy.Branches.Main;
        var develop = policy.Branches.BackMergeTarget;
        var inc = request.Incident?.ToString() ?? "INC-YYYY-NNNN";

        entries.Add(new("post.verify-fix", ChecklistPhase.Post, "Verify fix resolves the incident (test from client perspective)", Post + "Verify fix resolves the incident (test from client perspective)", [], null));
        entries.Add(new("post.monitor-errors", ChecklistPhase.Post, $"Monitor error rates for {minutes} minutes", Post + "Monitor error rates for 15 minutes", [], null));
        entries.Add(new("post.monitor-performance", ChecklistPhase.Post, $"Monitor performance metrics for {minutes} minutes", Post + "Monitor performance metrics for 15 minutes", [], null));
        entries.Add(new("post.incident-status", ChecklistPhase.Post, "IF: all clear THEN: update incident status to \"mitigated\" or \"resolved\"", Post + "IF: all clear THEN: update incident status to \"mitigated\" or \"resolved\"", [$"hotfix record {inc} --status resolved"], null));
        entries.Add(new("post.merge", ChecklistPhase.Post, $"Merge hotfix branch to {main} AND {develop}", Post + "Merge hotfix branch to main AND develop",
            [$"git checkout {main} && git merge --no-ff {branch}", $"git checkout {develop} && git merge --no-ff {branch}"], "hotfix finish does both, all or nothing"));
        entries.Add(new("post.delete-branch", ChecklistPhase.Post, "Delete hotfix branch", Post + "Delete hotfix branch", [$"git branch -d {branch}"], null));
        entries.Add(new("post.full-regression", ChecklistPhase.Post, "Run full regression suite (async, results reviewed within 24hr)", Post + "Run full regression suite (async, results reviewed within 24hr)",
            TestCommand(policy, "full-regression"), null));
        entries.Add(new("post.follow-up", ChecklistPhase.Post, "Create follow-up ticket for any skipped review/test items", Post + "Create follow-up ticket for any skipped review/test items", [], FollowUpNote(request.Recorded)));
        entries.Add(new("post.record", ChecklistPhase.Post, "Update incident record with resolution details", Post + "Update incident record with resolution details",
            [$"hotfix record {inc} --note \"<resolution details>\""], null));
        entries.Add(new("post.stability-window", ChecklistPhase.Post, $"Verify through the {policy.StabilityWindow.Hours}-hour stability window", "DURATION: 24-hour stability window after hotfix deploy",
            [$"hotfix verify {inc} --deployed", $"hotfix verify {inc} --status"], null));
    }

    private static (string Text, string Note) Review(HotfixPolicy policy, IncidentSeverity severity, IReadOnlyList<IncidentEvent> recorded)
    {
        var requirement = ReviewRequirement.For(policy, severity);
        var text = requirement.Expedited ? "Expedited code review passed" : "Code review passed (normal review process)";
        var note = requirement.Expedited
            ? $"{severity.Name()}: {requirement.Reviewers} reviewer(s) — {requirement.WhoMayReview.Describe()}; {requirement.TimeboxMinutes} min max"
            : $"{severity.Name()}: normal review process";
        if (recorded.LastOrDefault(e => e.Kind == IncidentEventKinds.Review) is { } review)
        {
            note += $"; recorded: {review.Summary}";
        }

        return (text, note);
    }

    private static string? FollowUpNote(IReadOnlyList<IncidentEvent> recorded)
    {
        var review = recorded.LastOrDefault(e => e.Kind == IncidentEventKinds.Review) is { } e ? ReviewEvents.FromEvent(e) : null;
        return review?.FollowUp is { } followUp
            ? $"review follow-up {followUp.Ticket} due {followUp.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" + (review.Skipped.Count > 0 ? $" (skipped: {string.Join(", ", review.Skipped)})" : string.Empty)
            : null;
    }

    private static IReadOnlyList<string> TestCommand(HotfixPolicy policy, string test) => ChecklistTestEvidence.Commands(policy, test);

    private static string Namespace(HotfixPolicy policy) => policy.Deployment.Namespace ?? "<namespace>";

    private static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;

    private static string Files(IReadOnlyList<string> paths) =>
        paths.Count <= 2 ? string.Join(", ", paths) : $"{paths[0]}, {paths[1]} and {paths.Count - 2} more";
}
