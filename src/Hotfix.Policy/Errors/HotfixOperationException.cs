namespace Hotfix;

/// <summary>
/// An operation against git or a cluster failed. The message says what failed and <see cref="State"/> says what state
/// things are in now (for example "nothing was changed" or "main has the merge; develop does not yet"). The CLI exits 3.
/// </summary>
public sealed class HotfixOperationException : Exception
{
    public HotfixOperationException(string message, string state)
        : base(message)
    {
        State = state;
    }

    public HotfixOperationException(string message, string state, Exception inner)
        : base(message, inner)
    {
        State = state;
    }

    public string State { get; }
}
