using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Ports;

namespace Hotfix.Cli.Commands;

/// <summary>
/// <c>hotfix check</c> after a finish was killed: HEAD may already be on develop with finish's half checkout staged,
/// and "you are not on a hotfix branch — git switch …" would send the person back to a branch being merged. The
/// interrupted finish is the first thing to say. Without --branch nothing is checked (exit 3: the repository is in
/// the middle of an operation); with --branch the check runs after the notice.
/// </summary>
internal static class InterruptedFinishNotice
{
    /// <summary>True when the check must stop; the message is written either way when a journal is there.</summary>
    public static bool Explain(RepositorySession session, string? branchOption, CliEnvironment environment)
    {
        if (session.Ports().Find<IFinishJournal>() is not { } journal || journal.Read() is not { } interrupted)
        {
            return false;
        }

        var what = interrupted.RunningOwner is { } owner
            ? $"a hotfix finish ({owner}) is finishing {interrupted.Entry.Branch} in this repository ({journal.Location}); wait for it to end"
            : $"a hotfix finish of {interrupted.Entry.Branch} was interrupted ({journal.Location}); complete it with hotfix finish (no options)";
        if (branchOption is not null)
        {
            environment.Error.WriteLine($"hotfix: warning: {what}.");
            return false;
        }

        environment.Error.WriteLine($"hotfix: error: {what} — its merges and checkout are part-way, so there is no hotfix branch to check here. Nothing was checked.");
        return true;
    }
}
