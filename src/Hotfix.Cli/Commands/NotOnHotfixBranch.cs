using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Ports;

namespace Hotfix.Cli.Commands;

/// <summary>
/// <c>hotfix check</c> or <c>hotfix rollback-migration</c> run on main or the back-merge target: not a hotfix branch at
/// all, so a branch-name finding and a test plan would only confuse, and a migration plan would say "no migrations"
/// about a hotfix whose migration is live. Says so, lists the local hotfix branches with the <c>git switch</c> to paste, and
/// stops (exit 2: the command was run in the wrong place, nothing was checked).
/// </summary>
internal static class NotOnHotfixBranch
{
    /// <summary>True when HEAD is on main or the back-merge target and no --branch was given; the message is written.</summary>
    public static bool Explain(RepositorySession session, string? branchOption, CliEnvironment environment) =>
        Explain(session, branchOption, environment, "check", "checks a hotfix branch against {0} and {1}. Nothing was checked.");

    /// <param name="session">The repository and policy.</param>
    /// <param name="branchOption">--branch; given, HEAD does not matter.</param>
    /// <param name="environment">Where the message goes.</param>
    /// <param name="verb">The command: <c>check</c>, <c>rollback-migration</c>.</param>
    /// <param name="purpose">What it does, with {0} for main and {1} for the back-merge target.</param>
    public static bool Explain(RepositorySession session, string? branchOption, CliEnvironment environment, string verb, string purpose)
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
        error.WriteLine($"hotfix: error: you are on '{current}', not on a hotfix branch ({branches.Prefix}INC-…); hotfix {verb} {string.Format(System.Globalization.CultureInfo.InvariantCulture, purpose, branches.Main, branches.BackMergeTarget)}");
        if (hotfixes.Count == 0 && verb == "check")
        {
            error.WriteLine($"No local hotfix branch. Start one: hotfix start INC-YYYY-NNNN short-description");
        }
        else if (hotfixes.Count == 0)
        {
            // After finish the branch is deleted, but its merge commit's second parent is the branch's last commit.
            error.WriteLine($"No local hotfix branch. A finished hotfix's branch comes back from its merge commit: git branch {branches.Prefix}INC-YYYY-NNNN-… MERGE_COMMIT^2, then hotfix {verb} --branch {branches.Prefix}INC-YYYY-NNNN-…");
        }
        else
        {
            error.WriteLine("Local hotfix branches:");
            foreach (var name in hotfixes)
            {
                error.WriteLine($"  git switch {name}");
            }

            error.WriteLine($"or {(verb == "check" ? "check one" : "plan for one")} without switching: hotfix {verb} --branch {hotfixes[0]}");
        }

        return true;
    }
}
