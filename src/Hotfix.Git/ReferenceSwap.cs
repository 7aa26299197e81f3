namespace Hotfix.Git;

/// <summary>What a compare-and-swap of a reference found.</summary>
internal enum SwapResult
{
    /// <summary>The reference now points at the new commit.</summary>
    Swapped,

    /// <summary>Another writer got there first: the reference changed (or appeared) since it was read.</summary>
    Conflict,
}

/// <summary>
/// Moves a reference from the value a writer read to the value it computed, atomically: if anyone else moved it in
/// between (another thread, another process, a fetch), nothing is written and the writer reads again. This is what
/// keeps concurrent appenders to one incident record from losing each other's events.
/// </summary>
internal static unsafe class ReferenceSwap
{
    public static SwapResult Swap(string gitDirectory, string name, string newSha, string? expectedSha, string logMessage)
    {
        NativeGit.Init();
        if (NativeGit.RepositoryOpen(out var repository, gitDirectory) != 0)
        {
            throw new HotfixOperationException($"cannot open the git repository '{gitDirectory}' ({NativeGit.LastErrorMessage()})", "nothing was changed");
        }

        try
        {
            var target = Convert.FromHexString(newSha);
            // "Must not exist yet" is the zero id, checked under the reference's lock like any other expected value:
            // libgit2's plain no-overwrite creation checks existence before taking the lock, so two creators could
            // both pass and the second would overwrite the first.
            var expected = expectedSha is null ? new byte[20] : Convert.FromHexString(expectedSha);
            int result;
            fixed (byte* t = target)
            fixed (byte* e = expected)
            {
                result = NativeGit.ReferenceCreateMatching(out var reference, repository, name, t, 1, e, logMessage);
                if (result == 0)
                {
                    NativeGit.ReferenceFree(reference);
                }
            }

            return result switch
            {
                0 => SwapResult.Swapped,
                NativeGit.Exists or NativeGit.Modified or NativeGit.Locked => SwapResult.Conflict,
                _ => throw new HotfixOperationException($"cannot update {name} ({NativeGit.LastErrorMessage()})", "the reference is unchanged; the objects written are unreferenced and harmless"),
            };
        }
        finally
        {
            NativeGit.RepositoryFree(repository);
        }
    }
}
