using Hotfix.Policy.Branching;
using Hotfix.Policy.Checks.Branching;
using Hotfix.Policy.History;
using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Workflow;

/// <summary>
/// <c>hotfix start INC-YYYY-NNNN short-description</c>: the runbook's "git checkout main &amp;&amp; git pull origin main
/// &amp;&amp; git checkout -b hotfix/INC-YYYY-NNNN-description", with every precondition checked before the first write.
/// </summary>
internal static class HotfixStart
{
    /// <summary>What to start.</summary>
    /// <param name="Incident">The incident id as typed.</param>
    /// <param name="Description">The short description as typed.</param>
    /// <param name="Fetch">Fetch main's upstream first (the runbook's pull); false for --no-fetch.</param>
    /// <param name="DryRun">Only plan: no fetch, no branch, no checkout.</param>
    public sealed record Request(string Incident, string Description, bool Fetch = true, bool DryRun = false);

    /// <summary>
    /// Validates the input (<see cref="HotfixInputException"/>, exit 2) and the repository
    /// (<see cref="HotfixOperationException"/>, exit 3), fetching main's upstream unless told not to or dry-running.
    /// </summary>
    public static StartPlan Prepare(WorkflowPorts ports, HotfixPolicy policy, Request request)
    {
        var branches = policy.Branches;
        var branch = ParseBranchName(request, branches.Naming);
        var history = ports.History;
        var main = Preconditions.RequireLocalBranch(history, branches.Main, "branches.main", branches.Remote);
        RefuseDuringFinish(ports);
        if (InterruptedStart.From(ports, branch, main) is { } from)
        {
            return Resume(ports, branch, main, from);
        }

        Preconditions.RequireCleanWorkingTree(ports.WorkingTree, "start");

        var warnings = new List<string>();
        var notes = new List<string>();
        var upstream = ports.Branches.Upstream(main.Name);
        string? fetchRemote = null;
        var fetched = false;
        if (upstream is null || upstream.Remote == ".")
        {
            notes.Add($"{main.Name} has no upstream branch, so there is nothing to fetch or compare (set one with: git branch -u {branches.Remote}/{main.Name} {main.Name})");
        }
        else if (!request.Fetch)
        {
            notes.Add($"not fetched (--no-fetch): {main.Name} is compared with {upstream.TrackingBranch ?? upstream.Remote} as last fetched");
        }
        else if (request.DryRun)
        {
            fetchRemote = upstream.Remote;
            notes.Add($"dry run: {upstream.Remote} was not fetched; {main.Name} is compared with {upstream.TrackingBranch ?? upstream.Remote} as last fetched");
        }
        else
        {
            fetchRemote = upstream.Remote;
            var outcome = ports.Remote.Fetch(upstream.Remote);
            if (!outcome.Succeeded)
            {
                throw new HotfixOperationException(
                    $"cannot fetch '{upstream.Remote}'{(upstream.RemoteUrl is null ? string.Empty : $" ({upstream.RemoteUrl})")} to check that {main.Name} is up to date: {outcome.Error}",
                    $"{Preconditions.NothingChanged}. Retry when the remote can be reached — or fetch it yourself (git fetch {upstream.Remote}) and rerun with --no-fetch, which starts from {main.Name} as it is here ({main.TipSha[..7]})");
            }

            fetched = true;
        }

        if (UpstreamState.Of(ports, main) is { } state
            && state.RequireNotBehind("a hotfix must start from what production runs") is { } ahead)
        {
            warnings.Add(ahead);
        }

        RequireIncidentUnused(ports, branch, branches.Remote);
        warnings.AddRange(EarlierHotfixes(ports, branch.Incident, main));
        if (ports.Repository.Head.CommitSha != main.TipSha)
        {
            Preconditions.RequireNothingInTheWay(ports.WorkingTree, main.TipSha, $"checking out {main.Name}");
        }

        var steps = new List<PlanStep>();
        if (fetchRemote is not null)
        {
            steps.Add(new PlanStep($"fetch {fetchRemote} and make sure {main.Name} is not behind it", [ShellWords.Join("git", "fetch", fetchRemote)], Done: fetched));
        }

        steps.Add(new PlanStep(
            $"create {branch} from {main.Name} ({main.TipSha[..7]}) and switch to it",
            [ShellWords.Join("git", "checkout", "-b", branch.FullName, main.Name)]));
        return new StartPlan
        {
            Branch = branch,
            Main = main,
            BaseCommit = history.FindCommit(main.TipSha)!,
            FetchRemote = fetchRemote,
            Fetched = fetched,
            Steps = steps,
            Warnings = warnings,
            Notes = notes,
        };
    }

    /// <summary>Creates the branch and checks it out; if the checkout fails, the new branch is removed again.</summary>
    public static void Execute(WorkflowPorts ports, StartPlan plan)
    {
        var name = plan.Branch.FullName;
        if (plan.ResumeFrom is { } from)
        {
            ports.WorkingTree.SwitchFrom(from, name);
            return;
        }

        ports.Writer.CreateBranch(name, plan.Main.TipSha, $"hotfix start: {plan.Branch.Incident} from {plan.Main.Name}");
        try
        {
            ports.WorkingTree.SwitchTo(name);
        }
        catch (HotfixOperationException e)
        {
            ports.Writer.DeleteBranch(name, plan.Main.TipSha);
            throw new HotfixOperationException(e.Message, $"{Preconditions.NothingChanged} (the new branch {name} was removed again)", e);
        }
    }

    /// <summary>
    /// A finish killed part-way leaves merges and a half checkout; starting on top would mix the two, and its
    /// "uncommitted changes" are finish's own, which no one should stash.
    /// </summary>
    private static void RefuseDuringFinish(WorkflowPorts ports)
    {
        if (ports.Journal.Read() is { } journal)
        {
            HotfixFinish.RefuseWhileRunning(ports, journal);
            throw new HotfixOperationException(
                $"a hotfix finish of {journal.Entry.Branch} was interrupted ({ports.Journal.Location}); complete it first with hotfix finish (no options), then run hotfix start again",
                Preconditions.NothingChanged);
        }
    }

    /// <summary>The plan that completes a start interrupted during its checkout (<see cref="InterruptedStart"/>).</summary>
    private static StartPlan Resume(WorkflowPorts ports, HotfixBranchName branch, BranchTip main, string from) => new()
    {
        Branch = branch,
        Main = main,
        BaseCommit = ports.History.FindCommit(main.TipSha)!,
        ResumeFrom = from,
        Steps = [new PlanStep($"complete the interrupted start: switch to {branch} ({main.TipSha[..7]}), which already exists", [ShellWords.Join("git", "switch", branch.FullName)])],
        Warnings = [],
        Notes = [$"{branch} already exists at {main.Name}'s tip and HEAD is still on {ports.Repository.Head.BranchName ?? from[..7]}: an earlier hotfix start was interrupted before it switched; this run completes it (nothing was fetched)"],
    };

    private static HotfixBranchName ParseBranchName(Request request, BranchNaming naming)
    {
        if (!IncidentId.TryParse(request.Incident, out var incident))
        {
            var hint = IncidentId.TryParse(request.Incident.Trim().ToUpperInvariant(), out var upper) ? $" (did you mean {upper}?)" : string.Empty;
            throw new HotfixInputException($"incident id '{CommitLists.Excerpt(request.Incident)}': expected {IncidentId.ExpectedForm}{hint}.");
        }

        if (HotfixBranchName.TryCreate(incident, request.Description, naming, out var name, out var problems))
        {
            return name;
        }

        var slug = HotfixBranchName.Slugify(request.Description, naming.MaxDescriptionLength);
        var suggestion = slug.Length > 0 && slug != request.Description ? $" (for example: {slug})" : string.Empty;
        throw new HotfixInputException(
            $"short description '{CommitLists.Excerpt(request.Description)}': {string.Join("; ", problems).Replace($" '{HotfixBranchName.Printable(request.Description)}'", string.Empty, StringComparison.Ordinal)}{suggestion}.");
    }

    /// <summary>"No local or remote branch already uses this incident id" — two people must not fix one incident on two branches unknowingly.</summary>
    private static void RequireIncidentUnused(WorkflowPorts ports, HotfixBranchName branch, string remote)
    {
        var taken = ports.Branches.ListBranches()
            .Where(b => b.Name == branch.FullName || b.Name.EndsWith("/" + branch.FullName, StringComparison.Ordinal) || IncidentId.FindAll(b.Name).Contains(branch.Incident))
            .ToList();
        if (taken.Count == 0)
        {
            return;
        }

        var local = taken.FirstOrDefault(b => !b.IsRemote);
        var continueThere = local is not null
            ? $"continue on it (git switch {ShellWords.Quote(local.Name)})"
            : $"continue on it (git switch {ShellWords.Quote(taken[0].Name[(taken[0].Name.IndexOf('/', StringComparison.Ordinal) + 1)..])})";
        throw new HotfixOperationException(
            $"{branch.Incident} already has a branch: {string.Join(", ", taken.Select(b => b.Name))}; {continueThere}, or delete it if it is finished " +
            $"(git branch -d NAME; a remote-tracking branch that is gone on the server disappears with git fetch --prune {remote})",
            Preconditions.NothingChanged);
    }

    /// <summary>
    /// Hotfixes for this incident already on main. Commits for INC-2026-… cannot predate 2026, so the first-parent
    /// walk stops at the start of the incident's year (with a day's slack for clocks) instead of reading all history.
    /// </summary>
    private static IEnumerable<string> EarlierHotfixes(WorkflowPorts ports, IncidentId incident, BranchTip main)
    {
        var yearStart = new DateTimeOffset(incident.Year, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(-1);
        foreach (var commit in ports.History.FirstParentHistory(main.TipSha))
        {
            if (commit.CommitTime < yearStart)
            {
                yield break;
            }

            if (IncidentId.FindAll(commit.Message).Contains(incident))
            {
                yield return $"{incident} already has a hotfix on {main.Name}: {commit.ShortSha} '{CommitLists.Printable(commit.Subject)}' ({commit.CommitTime:yyyy-MM-dd}); this starts another one for the same incident";
            }
        }
    }
}
