using Hotfix.Policy.Changes;
using Hotfix.Policy.Checklists;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Decisions;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Records;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Reporting.Renderers;
using Hotfix.Policy.Reviews;
using Hotfix.Policy.Text;
using Hotfix.Policy.Verification;
using Hotfix.Policy.Workloads;

namespace Hotfix;

/// <summary>
/// The runbook, embedded: check a hotfix branch, decide rollback or forward-fix, tell the review and the checklist,
/// follow the stability window and keep the incident record — with the same rules and results as the <c>hotfix</c>
/// command line, which is built on this type. Create one with <see cref="CreateBuilder"/>.
/// </summary>
public sealed class HotfixEngine : IDisposable
{
    private readonly IReadOnlyList<IDisposable> owned;
    private readonly IReadOnlyList<ICheckModule> modules;
    private readonly PortSet registered;
    private readonly TimeProvider time;
    private int disposed;

    internal HotfixEngine(HotfixPolicy policy, string policySource, IReadOnlyList<ICheckModule> modules, PortSet ports, TimeProvider time, ToolInfo tool, IReadOnlyList<IDisposable> owned)
    {
        this.owned = owned;
        Policy = policy;
        PolicySource = policySource;
        this.modules = modules;
        registered = ports;
        this.time = time;
        Tool = tool;
    }

    /// <summary>The effective policy: the runbook's defaults with the policy file's values over them.</summary>
    public HotfixPolicy Policy { get; }

    /// <summary>Where the policy came from (a file path, <c>host</c>, or the runbook), for messages.</summary>
    public string PolicySource { get; }

    /// <summary>
    /// The policy file relative to the repository root, where SARIF shows findings about the whole branch; null when
    /// the policy came from outside the repository. See <see cref="CheckContext.PolicyFile"/>.
    /// </summary>
    internal string? PolicyFile { get; init; } = PolicyParser.DefaultFileName;

    /// <summary>The tool name and version reports carry.</summary>
    public ToolInfo Tool { get; }

    /// <summary>The check modules, in report order.</summary>
    internal IReadOnlyList<ICheckModule> Modules => modules;

    /// <summary>Starts assembling an engine.</summary>
    public static HotfixEngineBuilder CreateBuilder() => new();

    /// <summary>The adapter registered for <typeparamref name="TPort"/>, or null.</summary>
    public TPort? Port<TPort>()
        where TPort : class => Ports.Find<TPort>();

    /// <summary>
    /// Every finding for a hotfix branch (the request's, else the repository's HEAD), the change's classification,
    /// the required test plan and review. Needs a repository (<c>UseGitRepository</c>) and at least one module.
    /// </summary>
    /// <param name="request">The branch and options; null checks HEAD's branch with the default options.</param>
    /// <param name="cancellationToken">
    /// Stops the check between its steps (each rule, each report section, each shared fact such as the change set or
    /// the migration scan); a step in progress — one diff of the repository — finishes first. The engine stays usable.
    /// </param>
    /// <exception cref="HotfixSubjectException">The branch cannot be found, or HEAD is not on a branch.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public CheckReport Check(CheckRequest? request = null, CancellationToken cancellationToken = default) => Check(request, null, cancellationToken);

    /// <summary>A check with modules of the caller's added for this run (<c>hotfix finish</c> adds the recorded review).</summary>
    internal CheckReport Check(CheckRequest? request, IEnumerable<ICheckModule>? extraModules, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        request ??= new CheckRequest();
        if (modules.Count == 0 && extraModules is null)
        {
            throw new InvalidOperationException("No check module is registered; call AddCoreChecks() (and AddMigrations()) on the builder.");
        }

        var subject = ResolveSubject(request.Branch);
        var context = new CheckContext(Policy, subject, request.Options, Ports)
        {
            Time = time,
            PolicyFile = PolicyFile,
            LocatesBranchFindings = request.LocatesBranchFindings,
            Cancellation = cancellationToken,
        };
        return CheckRunner.Run(context, extraModules is null ? modules : [.. modules, .. extraModules], Tool);
    }

    /// <summary>The branch to check: <paramref name="branch"/> (local, else on the policy's remote), else HEAD's branch.</summary>
    /// <exception cref="HotfixSubjectException">The branch does not exist, or HEAD is detached or unborn.</exception>
    public CheckSubject ResolveSubject(string? branch)
    {
        var repository = Ports.Find<IRepositoryReader>()
            ?? throw new InvalidOperationException("No repository is registered; call UseGitRepository(path) on the builder.");
        if (branch is not null)
        {
            var remote = Policy.Branches.Remote;
            if (string.IsNullOrWhiteSpace(branch))
            {
                // A CI variable that is empty for this event (GITHUB_HEAD_REF outside pull requests) names no branch;
                // git's own lookup would reject the empty name as a programming error, not as the input it is.
                throw new HotfixSubjectException(SubjectProblem.NoSuchBranch, branch, null, remote);
            }

            var name = branch.StartsWith("refs/", StringComparison.Ordinal) || repository.FindBranch(branch, remote) is null
                ? ShortBranchName(branch, remote)
                : branch;
            var found = repository.FindBranch(name, remote)
                ?? throw new HotfixSubjectException(SubjectProblem.NoSuchBranch, branch, null, remote);
            return new CheckSubject(name, found.TipSha);
        }

        var head = repository.Head;
        return head.Kind switch
        {
            HeadKind.Branch => new CheckSubject(head.BranchName!, head.CommitSha!),
            HeadKind.Unborn => throw new HotfixSubjectException(SubjectProblem.Unborn, head.BranchName, null, Policy.Branches.Remote),
            _ => throw new HotfixSubjectException(SubjectProblem.Detached, null, head.CommitSha, Policy.Branches.Remote),
        };
    }

    /// <summary>
    /// The branch name CI variables spell differently: Azure's Build.SourceBranch is <c>refs/heads/NAME</c>, Jenkins'
    /// GIT_BRANCH is <c>origin/NAME</c> (used only when no branch has that name as given).
    /// </summary>
    private static string ShortBranchName(string branch, string remote)
    {
        foreach (var prefix in new[] { "refs/heads/", $"refs/remotes/{remote}/", $"{remote}/" })
        {
            if (branch.StartsWith(prefix, StringComparison.Ordinal) && branch.Length > prefix.Length)
            {
                return branch[prefix.Length..];
            }
        }

        return branch;
    }

    /// <summary>
    /// Rollback or forward-fix from the runbook's decision table, with the deciding row and why the others lost; with
    /// an incident, the decision is appended to its record (needs <see cref="HotfixEngineBuilder.UseIncidentRecords"/>).
    /// </summary>
    public RollbackDecision Decide(RollbackDecisionRequest request, IncidentId? incident = null, string? by = null)
    {
        // The validator's own refusal of null ("Cannot pass a null model") names neither the method nor the argument.
        ArgumentNullException.ThrowIfNull(request);
        var decision = RollbackDecider.Decide(request, Policy, incident);
        if (incident is { } id)
        {
            Records().Record(DecisionEvents.ToEvent(id, decision, by ?? "unknown", time.GetLocalNow()));
        }

        return decision;
    }

    /// <summary>The review a severity requires (reviewers, time box, follow-up due date from today).</summary>
    public ReviewRequirement Review(IncidentSeverity severity) =>
        ReviewRequirement.For(Policy, severity, DateOnly.FromDateTime(time.GetLocalNow().DateTime));

    /// <summary>What a review record breaks of the runbook (HF5001–HF5005); empty when it satisfies it.</summary>
    public IReadOnlyList<ReviewProblem> ValidateReview(ReviewRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ReviewRecordValidator.Check(Policy, record);
    }

    /// <summary>Validates a review and, when it satisfies the runbook, appends it to the incident record.</summary>
    public IReadOnlyList<ReviewProblem> RecordReview(IncidentId incident, ReviewRecord record)
    {
        var problems = ValidateReview(record);
        if (problems.Count == 0)
        {
            Records().Record(ReviewEvents.ToEvent(incident, record, time.GetLocalNow()));
        }

        return problems;
    }

    /// <summary>The deployment checklist tailored to a change given as its changed paths (e.g. a pull request's files).</summary>
    public DeploymentChecklist Checklist(IEnumerable<string> changedPaths)
    {
        ArgumentNullException.ThrowIfNull(changedPaths);
        return Checklist(ChangeSet.FromPaths(Policy.Branches.Main, changedPaths));
    }

    /// <summary>The deployment checklist tailored to a change set.</summary>
    internal DeploymentChecklist Checklist(ChangeSet changes) =>
        DeploymentChecklistBuilder.Build(new DeploymentChecklistRequest { Policy = Policy, Changes = changes });

    /// <summary>Where the incident stands in its 24-hour stability window: what is done, due and overdue.</summary>
    public StabilityWindowStatus Verify(IncidentId incident) =>
        StabilityWindow.Evaluate(Policy, Records().Read(incident).Events, time.GetLocalNow(), incident);

    /// <summary>
    /// Records the checks of a stability-window checkpoint (<c>h1</c>, <c>h4</c>, <c>h24</c>) at the engine's current
    /// time, as <c>hotfix verify INC --at CHECKPOINT</c> does. Each of <paramref name="checks"/> is <c>NAME=pass</c>,
    /// <c>NAME=fail:note</c> (attested) or <c>NAME</c> (measured by the source registered with
    /// <see cref="HotfixEngineBuilder.UseStabilityMetrics"/> from the check's query, as of the checkpoint's time); none
    /// measures every check that has a query and returns the rest in <see cref="CheckpointVerification.ToAttest"/>.
    /// Nothing is recorded unless every check could be measured.
    /// </summary>
    /// <exception cref="HotfixInputException">An unknown checkpoint or check, a malformed check, or a check no source measures.</exception>
    /// <exception cref="HotfixOperationException">The metrics source did not answer or had no data; nothing was recorded.</exception>
    public async Task<CheckpointVerification> VerifyCheckpointAsync(IncidentId incident, string checkpoint, IEnumerable<string>? checks = null, string? by = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var inputs = (checks ?? []).Select(text => CheckInput.TryParse(text, out var input)
            ? input
            : throw new HotfixInputException($"--check '{Echo.Of(text)}': expected {CheckInput.ExpectedForm}")).ToList();
        var store = Records();
        var now = time.GetLocalNow();
        var metrics = Ports.Find<IStabilityMetrics>() ?? AttestedOnlyMetrics.Instance;
        var outcome = await StabilityVerification.CheckAsync(Policy, store.Read(incident), checkpoint, inputs, metrics, by ?? "unknown", now, cancellationToken).ConfigureAwait(false);
        foreach (var e in outcome.Events)
        {
            store.Record(e);
        }

        return new CheckpointVerification(outcome.Accepted, outcome.Message, outcome.Events, outcome.ToAttest, StabilityWindow.Evaluate(Policy, store.Read(incident).Events, now, incident));
    }

    /// <summary>
    /// The runbook's "rollback database migration" for the hotfix's migrations (the branch's, else HEAD's), newest
    /// first: what the framework's rollback would drop (for drizzle-kit: the file and journal entry <c>drizzle-kit
    /// drop</c> removes, which undoes nothing in a database) and the forward migration that undoes the change, in the
    /// framework's own format, each step marked with the data it loses. Read-only. Needs a repository and
    /// <c>AddMigrations()</c>.
    /// </summary>
    /// <exception cref="HotfixSubjectException">The branch cannot be found, or HEAD is not on a branch.</exception>
    public MigrationRollbackPlan PlanMigrationRollback(string? branch = null)
    {
        var planner = Ports.Find<IMigrationRollbackPlanner>()
            ?? throw new HotfixConfigurationException(["planning a migration rollback needs the migrations package: call AddMigrations() on the builder"]);
        var subject = ResolveSubject(branch);
        return planner.Plan(new CheckContext(Policy, subject, new CheckOptions(), Ports) { Time = time });
    }

    /// <summary>A migration rollback plan as text, JSON or Markdown.</summary>
    public static string Render(MigrationRollbackPlan plan, ReportFormat format) => SectionRenderer.RenderToString(new MigrationRollbackSection(plan ?? throw new ArgumentNullException(nameof(plan))), format);

    /// <summary>The incident's record (its timeline); <see cref="IncidentRecord.Exists"/> is false when there is none.</summary>
    public IncidentRecord Record(IncidentId incident) => Records().Read(incident);

    /// <summary>Appends a note to the incident's record.</summary>
    public IncidentEvent Note(IncidentId incident, string text, string by)
    {
        var note = new IncidentEvent { Incident = incident, Kind = IncidentEventKinds.Note, At = time.GetLocalNow(), By = by, Summary = text };
        Records().Record(note);
        return note;
    }

    /// <summary>
    /// <c>kubectl rollout history</c> of a workload, with the images and the ReplicaSet or ControllerRevision behind
    /// each revision. Needs a workload adapter (<c>UseKubernetes</c> in Hotfix.Kubernetes).
    /// </summary>
    public Task<RolloutHistory> HistoryAsync(WorkloadRef workload, CancellationToken cancellationToken = default) =>
        Workloads().GetHistoryAsync(workload, cancellationToken);

    /// <summary>
    /// <c>kubectl rollout status</c>: waits up to <paramref name="timeout"/> for the rollout and returns its typed
    /// verdict (complete, progressing, timed out, deadline exceeded, paused, deleted, unsupported).
    /// </summary>
    public Task<RolloutWaitResult> StatusAsync(WorkloadRef workload, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Workloads().WaitForRolloutAsync(workload, timeout, wait: true, progress: null, cancellationToken);

    /// <summary>
    /// The runbook's guarded rollback: plan (kubectl's undo, with a resourceVersion precondition), document, apply
    /// once, wait, check the pods, document the outcome; a failure is never retried (escalate). "Every rollback must be
    /// documented": unless it is a dry run, the engine needs a rollback log (an <see cref="IRollbackRecorder"/> port) or
    /// an incident on the request with an incident record registered.
    /// </summary>
    public Task<RollbackRecord> RollbackAsync(RollbackRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var log = Ports.Find<IRollbackRecorder>();
        IRollbackRecorder? recorder = request.Incident is not null && Ports.Find<IIncidentRecordStore>() is { } store
            ? new IncidentRollbackRecorder(log, store, _ => null)
            : log;
        if (recorder is null && !request.DryRun)
        {
            throw new HotfixConfigurationException(
                ["a rollback must be documented: register an IRollbackRecorder (AddPort), or give the request an incident and register the incident record (UseIncidentRecords)"]);
        }

        return NotifiedAsync(
            new RollbackProcedure(Workloads(), request.DryRun ? null : recorder, time).RunAsync(request, cancellationToken),
            request.DryRun,
            r => r.Outcome is null ? null : TeamNotices.ForRollback(r, request.Cluster),
            cancellationToken);
    }

    /// <summary>
    /// The runbook's DEPLOY steps as one guarded step: <c>kubectl rollout restart</c> planned first, applied once with a
    /// resourceVersion precondition, the rollout watched, the pods checked; never retried. The deploy is recorded in the
    /// incident's record (a <c>deployed</c> entry starts the stability window), so unless it is a dry run the engine
    /// needs the incident record (<see cref="HotfixEngineBuilder.UseIncidentRecords"/>) and a restart adapter
    /// (<see cref="IWorkloadRestarter"/>, which <c>UseKubernetes</c> registers).
    /// </summary>
    public Task<DeployRecord> DeployAsync(DeployRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var store = Ports.Find<IIncidentRecordStore>();
        if (store is null && !request.DryRun)
        {
            throw new HotfixConfigurationException(["a deploy must be recorded in its incident's record: register the incident record (UseIncidentRecords)"]);
        }

        var restarter = Ports.Find<IWorkloadRestarter>() ?? Workloads() as IWorkloadRestarter
            ?? throw new HotfixConfigurationException(["deploy needs an adapter for IWorkloadRestarter (UseKubernetes in Hotfix.Kubernetes)"]);
        return NotifiedAsync(
            new DeployProcedure(Workloads(), restarter, request.DryRun ? null : store, Policy, time).RunAsync(request, cancellationToken),
            request.DryRun,
            r => TeamNotices.ForDeploy(r, Policy, request.Cluster),
            cancellationToken);
    }

    /// <summary>Tells the team (when a notifier is registered) once the operation has run; a dry run tells nobody.</summary>
    private async Task<T> NotifiedAsync<T>(Task<T> operation, bool dryRun, Func<T, TeamNotification?> notice, CancellationToken cancellationToken)
    {
        // Taken before the wait: the host's notifier and record are not the engine's to release, so an operation that
        // finished is told even when the engine was disposed meanwhile.
        var ports = Ports;
        var record = await operation.ConfigureAwait(false);
        if (!dryRun && ports.Find<ITeamNotifier>() is { } notifier && notice(record) is { } notification)
        {
            await TeamNotices.SendAsync(notifier, notification, ports.Find<IIncidentRecordStore>(), time, cancellationToken).ConfigureAwait(false);
        }

        return record;
    }

    /// <summary>The working tree root of the registered repository, or null when none is registered.</summary>
    public string? RepositoryRoot => Ports.Find<IRepositoryReader>()?.Root;

    /// <summary>
    /// A report in a format (text, JSON, Markdown, SARIF 2.1.0, GitHub workflow annotations); SARIF locations are made
    /// relative to the registered repository.
    /// </summary>
    public string Render(CheckReport report, ReportFormat format) =>
        ReportRenderers.For(format, new RenderOptions(RepositoryRoot: RepositoryRoot)).RenderToString(report ?? throw new ArgumentNullException(nameof(report)));

    /// <summary>A decision as text, JSON or Markdown: the decision, the deciding row, the rows that lost and why.</summary>
    public static string Render(RollbackDecision decision, ReportFormat format) => SectionRenderer.RenderToString(new DecisionSection(decision ?? throw new ArgumentNullException(nameof(decision))), format);

    /// <summary>A review requirement as text, JSON or Markdown.</summary>
    public static string Render(ReviewRequirement requirement, ReportFormat format) => SectionRenderer.RenderToString(new ReviewSection(requirement ?? throw new ArgumentNullException(nameof(requirement))), format);

    /// <summary>A checklist as text, JSON or Markdown (a PR-ready task list).</summary>
    public static string Render(DeploymentChecklist checklist, ReportFormat format) => SectionRenderer.RenderToString(new ChecklistSection(checklist ?? throw new ArgumentNullException(nameof(checklist)), null), format);

    /// <summary>The stability window as text, JSON or Markdown.</summary>
    public static string Render(IncidentId incident, StabilityWindowStatus window, ReportFormat format) =>
        SectionRenderer.RenderToString(new VerificationSection(incident, window ?? throw new ArgumentNullException(nameof(window))), format);

    /// <summary>
    /// Releases what the builder opened for the engine (e.g. the repository of <c>UseGitRepository(path)</c>). Calling
    /// it again does nothing; any other use of the engine afterwards throws <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        foreach (var resource in owned)
        {
            resource.Dispose();
        }
    }

    /// <summary>
    /// The adapters, for an engine not yet disposed: a released repository handle is native memory, and libgit2 reading
    /// through it crashes the host's whole process instead of throwing.
    /// </summary>
    private PortSet Ports
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
            return registered;
        }
    }

    private IWorkloadController Workloads() => Ports.Find<IWorkloadController>()
        ?? throw new HotfixConfigurationException(["workload commands need an adapter for IWorkloadController (UseKubernetes in Hotfix.Kubernetes)"]);

    private IIncidentRecordStore Records() => Ports.Find<IIncidentRecordStore>()
        ?? throw new HotfixConfigurationException(["the incident record needs an adapter for IIncidentRecordStore (UseIncidentRecords or UseJsonLinesRecords)"]);
}
