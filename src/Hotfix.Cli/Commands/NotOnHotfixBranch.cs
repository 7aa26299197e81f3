using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Ports;

namespace Hotfix.Cli.Commands;

/// <summary>
/// <c>hotfix check</c> run on main or the back-merge target: not a hotfix branch at all, so a branch-name finding and a
/// test plan would only confuse. Says so, lists the local hotfix branches with the <c>git switch</c> to paste, and
/// stops (exit 2: the command was run in the wrong place, nothing was checked).
/// </summary>
internal static class NotOnHotfixBranch
{
    /// <summary>True when HEAD is on main or the back-merge target and no --branch was given; the message is written.</summary>
    public static bool Explain(RepositorySession session, string? branchOption, CliEnvironment environment)
    {
        var branches = session.Policy.Branches;
        if (branchOption is not null || session.Repository.Head is not { Kind: HeadKind.Branch, BranchName: { } current }
            || (current != branches.Main && current != branches.BackMergeTarget))
        {
            return false;
        }

        var hotfixes = session.Repository.ListBranches()
            .Where(b => !b.IsRemote && b.Name.StartsWith(branches.Prefix, StringComparison.Ordinal))
            .Select(b => b.Name)
            .ToList();
        var error = environment.Error;
        error.WriteLine($"hotfix: error: you are on '{current}', not on a hotfix branch ({branches.Prefix}INC-…); hotfix check checks a hotfix branch against {branches.Main} and {branches.BackMergeTarget}. Nothing was checked.");
        if (hotfixes.Count == 0)
        {
            error.WriteLine($"No local hotfix branch. Start one: hotfix start INC-YYYY-NNNN short-description");
        }
        else
        {
            error.WriteLine("Local hotfix branches:");
            foreach (var name in hotfixes)
            {
                error.WriteLine($"  git switch {name}");
            }

            error.WriteLine($"or check one without switching: hotfix check --branch {hotfixes[0]}");
        }

        return true;
    }
}
