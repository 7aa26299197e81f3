using System.Text.RegularExpressions;
using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary>
/// A lock file someone else holds: git's own answer ("Unable to create '…lock': File exists") with what to check,
/// as exit 3 — never removed by hotfix, since a running git process may own it.
/// </summary>
internal static partial class LockFiles
{
    public static HotfixOperationException Held(string lockFile, string state) =>
        new(
            $"{lockFile} exists: another git process is using this repository, or one was killed while holding it; hotfix did not create it, so it does not remove it. Check that no git command is running here (ps -ef | grep git); if none is, remove the file (rm {Policy.Workflow.ShellWords.Quote(lockFile)}) and run the command again",
            state);

    /// <summary>
    /// A lock file no journal explains, met where a killed hotfix start may have left it: whether hotfix created it
    /// cannot be known, so the advice depends on whether a git process runs now — the removal is offered only when none does.
    /// </summary>
    public static HotfixOperationException Unowned(string lockFile, string state)
    {
        var remove = $"rm {Policy.Workflow.ShellWords.Quote(lockFile)}";
        return new(
            RunningGit.Find() switch
            {
                null => $"{lockFile} exists: another git process is using this repository, or one was killed while holding it — no git process is running now, so it is a leftover (an interrupted hotfix start leaves index.lock, HEAD.lock or its branch's lock). Remove it and run the command again: {remove}",
                "unknown" => $"{lockFile} exists: another git process is using this repository, or one was killed while holding it (an interrupted hotfix start leaves index.lock, HEAD.lock or its branch's lock). Check that no git command is running here; if none is, remove it ({remove}) and run the command again",
                { } running => $"{lockFile} exists: another git process is using this repository, or one was killed while holding it (an interrupted hotfix start leaves index.lock, HEAD.lock or its branch's lock) — {running} is running on this machine; if it works here, wait for it to end; then, or if it does not, remove the file and run the command again: {remove}",
            },
            state);
    }

    /// <summary>
    /// Runs a libgit2 write, turning a held lock into <see cref="Held"/> and any other libgit2 failure into an
    /// operation error (a full disk, permissions), so the environment never ends in exit 70.
    /// </summary>
    public static T Write<T>(Func<T> write, string what, string state, Func<string, string, HotfixOperationException>? locked = null)
    {
        try
        {
            return write();
        }
        catch (LockedFileException e)
        {
            throw (locked ?? Held)(LockedPath().Match(e.Message) is { Success: true } m ? m.Groups[1].Value : "a lock file", state);
        }
        catch (LibGit2SharpException e) when (e is not (NameConflictException or CheckoutConflictException))
        {
            throw new HotfixOperationException($"git could not {what}: {e.Message.Trim()}", state, e);
        }
    }

    [GeneratedRegex("'([^']+\\.lock)'")]
    private static partial Regex LockedPath();
}
