
namespace Hotfix;

/// <summary>Why the branch to check could not be determined.</summary>
public enum SubjectProblem
{
    /// <summary>The named branch exists neither locally nor on the remote.</summary>
    NoSuchBranch,

    /// <summary>HEAD is detached (a CI checkout of a pull request): the branch must be named.</summary>
    Detached,

    /// <summary>HEAD is on a branch with no commits yet.</summary>
    Unborn,
}

/// <summary>
/// The branch to check could not be determined. The message is neutral; hosts word the remedy their own way from
/// <see cref="Problem"/> (the command line names its <c>--branch</c> option).
/// </summary>
public sealed class HotfixSubjectException : HotfixInputException
{
    /// <summary>Creates the exception.</summary>
    public HotfixSubjectException(SubjectProblem problem, string? branch, string? commit, string remote)
        : base(problem switch
        {
            SubjectProblem.NoSuchBranch => $"branch '{branch}': no local branch or {remote}/{branch} exists; expected the name of an existing branch.",
            SubjectProblem.Unborn => $"HEAD is on '{branch}', which has no commits yet; expected a branch with commits.",
            _ => $"HEAD is detached at {Short(commit)}; expected HEAD on the hotfix branch, or the branch named explicitly.",
        })
    {
        Problem = problem;
        Branch = branch;
        Commit = commit;
        Remote = remote;
    }

    /// <summary>What went wrong.</summary>
    public SubjectProblem Problem { get; }

    /// <summary>The branch named or HEAD's unborn branch; null when HEAD is detached.</summary>
    public string? Branch { get; }

    /// <summary>The detached commit, when HEAD is detached.</summary>
    public string? Commit { get; }

    /// <summary>The remote searched for the branch.</summary>
    public string Remote { get; }

    private static string? Short(string? sha) => sha is { Length: > 7 } ? sha[..7] : sha;
}
