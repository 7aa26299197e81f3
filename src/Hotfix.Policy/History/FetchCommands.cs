namespace Hotfix.Policy.History;

/// <summary>The fetch commands messages advise.</summary>
internal static class FetchCommands
{
    /// <summary>
    /// Fetches one branch into its remote-tracking ref. A plain <c>git fetch origin main</c> creates no
    /// <c>origin/main</c> in a single-branch clone (<c>git clone --single-branch</c>, CI checkouts): the remote's fetch
    /// refspec names only the cloned branch, so git updates FETCH_HEAD alone. An explicit destination always works.
    /// </summary>
    public static string Branch(string remote, string name) => $"git fetch {remote} {name}:refs/remotes/{remote}/{name}";
}
