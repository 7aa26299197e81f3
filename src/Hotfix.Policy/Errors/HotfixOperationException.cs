namespace Hotfix;

/// <summary>
/// An operation against git or a cluster failed. The message says what failed and <see cref="State"/> says what state
/// things are in now (for example "nothing was changed" or "main has the merge; develop does not yet"). The CLI exits 3.
/// </summary>
public sealed class HotfixOperationException : Exception
{
    /// <summary>Reports a failed git or cluster operation.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="state">What state things are in now (e.g. "nothing was changed").</param>
    public HotfixOperationException(string message, string state)
        : base(message)
    {
        State = state;
    }

    /// <summary>Reports a failed git or cluster operation, with the failure that caused it.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="state">What state things are in now (e.g. "nothing was changed").</param>
    /// <param name="inner">The underlying failure (e.g. from libgit2 or the Kubernetes API).</param>
    public HotfixOperationException(string message, string state, Exception inner)
        : base(message, inner)
    {
        State = state;
    }

    /// <summary>
    /// What state the repository or cluster is in after the failure, so a person knows what to do next.
    /// </summary>
    public string State { get; }
}
