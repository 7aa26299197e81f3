using Hotfix.Policy.Checks;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Changes;

/// <summary>
/// The check's change set, read once through <see cref="IChangeSetReader"/> and shared by every rule
/// (<c>ChangeSetFact.Of(context)</c>). When it cannot be read, rules that need it report that instead of guessing.
/// </summary>
internal sealed class ChangeSetFact
{
    private ChangeSetFact(ChangeSet? changes, string? unavailableReason)
    {
        Changes = changes;
        UnavailableReason = unavailableReason;
    }

    public ChangeSet? Changes { get; }

    /// <summary>Why there is no change set (e.g. a shallow clone), when <see cref="Changes"/> is null.</summary>
    public string? UnavailableReason { get; }

    public static ChangeSetFact Of(CheckContext context) => context.Fact(Read);

    private static ChangeSetFact Read(CheckContext context)
    {
        var reader = context.Ports.Require<IChangeSetReader>();
        var branches = context.Policy.Branches;
        // The main the branch rules compare with (origin/main when local main is stale); without a history port to
        // compare the two, the reader takes the local branch.
        var main = MainBranch.Of(context).Tip?.Name ?? branches.Main;
        return reader.TryReadChangeSet(main, branches.Remote, context.Subject.CommitSha, out var changes, out var reason)
            ? new ChangeSetFact(changes, null)
            : new ChangeSetFact(null, reason);
    }
}
