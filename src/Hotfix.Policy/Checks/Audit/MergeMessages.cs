using System.Text.RegularExpressions;

namespace Hotfix.Policy.Checks.Audit;

/// <summary>
/// The branch a merge commit's message says it merged. git records no branch names in commits; the message is all
/// there is: git's own ("Merge branch 'x' into main"), GitHub's ("Merge pull request #12 from org/x"), Bitbucket's
/// ("Merged in x (pull request #12)") and the plain "Merge x into main".
/// </summary>
internal static partial class MergeMessages
{
    public static string? MergedBranch(string subject)
    {
        foreach (var pattern in Patterns)
        {
            var match = pattern.Match(subject);
            if (match.Success)
            {
                return match.Groups["branch"].Value;
            }
        }

        return null;
    }

    private static readonly Regex[] Patterns =
    [
        GitBranch(), GitRemoteTracking(), GitHubPullRequest(), BitbucketPullRequest(), PlainInto(),
    ];

    [GeneratedRegex(@"^Merge branch '(?<branch>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex GitBranch();

    [GeneratedRegex(@"^Merge remote-tracking branch '[^'/]+/(?<branch>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex GitRemoteTracking();

    [GeneratedRegex(@"^Merge pull request #[0-9]+ from [^/\s]+/(?<branch>\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex GitHubPullRequest();

    [GeneratedRegex(@"^Merged in (?<branch>\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex BitbucketPullRequest();

    [GeneratedRegex(@"^Merge (?<branch>\S+) into \S+", RegexOptions.CultureInvariant)]
    private static partial Regex PlainInto();
}
