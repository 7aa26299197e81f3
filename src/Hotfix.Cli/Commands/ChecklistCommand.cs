using System.CommandLine;
using Hotfix.Cli.Infrastructure;
using Hotfix.Git;
using Hotfix.Policy.Checklists;
using Hotfix.Policy.History;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Records;
using Hotfix.Policy.Text;
using Hotfix.Policy.Workloads;

namespace Hotfix.Cli.Commands;

/// <summary>
/// <c>hotfix checklist [pre|deploy|post]</c>: the runbook's deployment checklist tailored to the current hotfix branch
/// (what it changed decides which images to rebuild and which workloads to restart). With <c>--incident</c> it shows
/// what the record says is done, and <c>--done ID</c> ticks items off in the record.
/// </summary>
internal static class ChecklistCommand
{
    public static Command Create(CliOptions options, CliEnvironment environment)
    {
        var phase = new Argument<string?>("phase") { Description = "Only this part: pre, deploy or post (default: all).", Arity = ArgumentArity.ZeroOrOne };
        var severity = new Option<string?>("--severity") { Description = "The incident's severity (tailors the review item).", HelpName = "SEVn" };
        var incident = new Option<string?>("--incident") { Description = "The incident: items ticked off in its record are shown done.", HelpName = "INC-YYYY-NNNN" };
        var branch = new Option<string?>("--branch") { Description = "The hotfix branch (default: HEAD's branch).", HelpName = "NAME" };
        var done = new Option<string[]>("--done") { Description = "Tick these items off in the incident record (ids as printed, e.g. pre.smoke; repeatable).", HelpName = "ID" };
        var note = new Option<string?>("--note") { Description = "A note recorded with --done.", HelpName = "TEXT" };
        var by = CliOptions.By();
        var format = SectionOutput.FormatOption();
        var cluster = new WorkloadOptions();
        var noCluster = new Option<bool>("--no-cluster")
        {
            Description = "Do not ask the cluster for the revisions to undo to (by default it is asked, read-only, when a kubeconfig is found).",
        };

        var command = new Command("checklist", "The runbook's deployment checklist (PRE_DEPLOY, DEPLOY, POST_DEPLOY) tailored to the change: images to rebuild, workloads to restart and watch, the revision to undo to. Markdown is a PR-ready task list.")
        {
            phase, severity, incident, branch, done, note, by, format, cluster.Context, cluster.Kubeconfig, noCluster,
        };
        CommandExamples.Attach(
            command,
            ("The deploy part as a PR-ready task list", "hotfix checklist deploy --format markdown"),
            ("Tick an item off for the branch's incident", "hotfix checklist --done pre.smoke"));
        command.SetAction(async (parse, cancellationToken) =>
        {
            ChecklistPhase? only = parse.GetValue(phase) is { } p
                ? ChecklistPhases.TryParse(p, out var parsed) ? parsed : throw new HotfixInputException($"phase '{Echo.Of(p)}': expected {ChecklistPhases.ExpectedForm}")
                : null;
            var (request, baseDirectory) = Prepare(options, environment, parse, branch);
            // On a hotfix branch the incident is the branch's, so `checklist --done ID` works without --incident.
            var incidentId = Inputs.OptionalIncident(parse.GetValue(incident), "--incident") ?? CurrentIncident.FromBranchName(request.Branch, request.Policy);
            var given = parse.GetValue(done) ?? [];
            var ids = Inputs.List(given);
            if (given.Length > 0 && ids.Count == 0)
            {
                // `--done "$ITEM"` with the variable unset asked to tick something; printing the list as if it had is a silent no-op.
                throw new HotfixInputException($"--done '{Echo.Of(given[0])}': names no item; expected an item id as the checklist prints it, e.g. --done pre.smoke");
            }

            if (ids.Count > 0 && incidentId is null)
            {
                throw new HotfixInputException("--done: needs the incident whose record it goes to; expected --incident INC-YYYY-NNNN (or run it on the incident's hotfix branch)");
            }

            request = request with { Severity = parse.GetValue(severity) is { } s ? Inputs.Severity(s) : null, Incident = incidentId };
            using var connected = environment.Adapters.WorkloadRevisions is null && !parse.GetValue(noCluster)
                ? ConnectCluster(environment, parse.GetValue(cluster.Kubeconfig), parse.GetValue(cluster.Context), request.Policy)
                : null;
            if ((environment.Adapters.WorkloadRevisions ?? connected?.Revisions) is { } revisions)
            {
                request = request with
                {
                    Revisions = await DeploymentChecklistBuilder.ReadRevisionsAsync(request, revisions, cancellationToken).ConfigureAwait(false),
                    RevisionSource = revisions.Target,
                };
            }

            var store = incidentId is null ? null : Workspace.RecordStore(environment, request.Policy, baseDirectory);
            if (incidentId is { } id && store is not null)
            {
                request = request with { Recorded = store.Read(id).Events };
            }

            var checklist = DeploymentChecklistBuilder.Build(request);
            if (ids.Count > 0)
            {
                var entries = ids.Select(item => checklist.Find(item) ?? throw new HotfixInputException(
                    $"--done '{Echo.Of(item)}': not an item of this checklist; expected one of {string.Join(", ", checklist.Entries.Select(e => e.Id))}")).ToList();
                var who = Inputs.Actor(environment, parse.GetValue(by));
                var now = environment.Time.GetLocalNow();
                foreach (var entry in entries)
                {
                    store!.Record(ChecklistEvents.Done(incidentId!.Value, entry, who, now, parse.GetValue(note)));
                }

                environment.Error.WriteLine($"hotfix: {entries.Count} item(s) ticked off in {store!.LocationOf(incidentId!.Value)}");
                checklist = DeploymentChecklistBuilder.Build(request with { Recorded = store.Read(incidentId.Value).Events });
            }

            SectionOutput.Write(new ChecklistSection(checklist, only), parse.GetValue(format), parse.GetValue(options.NoColor), environment);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The change set of the hotfix branch when there is a repository; outside one, a checklist without it.</summary>
    private static (DeploymentChecklistRequest Request, string? BaseDirectory) Prepare(CliOptions options, CliEnvironment environment, ParseResult parse, Option<string?> branch)
    {
        var repoOption = parse.GetValue(options.Repo);
        if (repoOption is null && GitRepository.Discover(environment.CurrentDirectory) is null)
        {
            if (parse.GetValue(branch) is not null)
            {
                throw new HotfixInputException($"--branch: current directory '{environment.CurrentDirectory}' is not inside a git repository; expected to run in the hotfix's repository (or --repo PATH)");
            }

            var workspace = Workspace.Open(environment, null, parse.GetValue(options.Policy));
            return (new DeploymentChecklistRequest { Policy = workspace.Policy, ChangesUnavailableReason = "not inside a git repository" }, workspace.Root);
        }

        using var session = RepositorySession.Open(environment, repoOption, parse.GetValue(options.Policy));
        var subject = CheckCommand.ResolveSubject(session, environment, parse.GetValue(branch));
        var branches = session.Policy.Branches;
        // The main hotfix check compares with: origin/main when local main is strictly behind it.
        var main = BranchTips.Freshest(session.Repository, branches.Main, branches.Remote)?.Name ?? branches.Main;
        var request = session.Repository.TryReadChangeSet(main, branches.Remote, subject.CommitSha, out var changes, out var reason)
            ? new DeploymentChecklistRequest { Policy = session.Policy, Branch = subject.BranchName, Changes = changes }
            : new DeploymentChecklistRequest { Policy = session.Policy, Branch = subject.BranchName, ChangesUnavailableReason = reason };

        // What hotfix check verifies (HF0102: created from main) the checklist ticks itself, saying so.
        request = request with { BranchOrigin = ChecklistVerifiedItems.BranchOrigin(session.Policy, subject, session.Repository, environment.Time.GetLocalNow()) };

        // The change set reads file contents lazily; the checklist needs only paths, so nothing reads after disposal.
        return (request, session.Repository.Root);
    }

    /// <summary>
    /// The cluster found the way kubectl finds it, as a read-only revision source; null without a kubeconfig. A lookup
    /// that takes longer than 10 s is reported as not known rather than holding up the checklist.
    /// </summary>
    private static ClusterRevisions? ConnectCluster(CliEnvironment environment, string? kubeconfig, string? context, Policy.Policies.HotfixPolicy policy)
    {
        var connection = Kubernetes.Kubeconfig.Load(environment.GetVariable, kubeconfig is null ? null : environment.Resolve(kubeconfig), context);
        if (connection is null)
        {
            return null;
        }

        var controller = Kubernetes.KubernetesWorkloadController.Connect(connection);
        var ns = policy.Deployment.Namespace ?? connection.Namespace ?? "default";
        return new ClusterRevisions(controller, new ControllerRevisionReader(controller, ns, TimeSpan.FromSeconds(10)));
    }

    private sealed class ClusterRevisions(IDisposable connection, IWorkloadRevisionReader revisions) : IDisposable
    {
        public IWorkloadRevisionReader Revisions { get; } = revisions;

        public void Dispose() => connection.Dispose();
    }
}
