using Hotfix.Policy.Policies;

namespace Hotfix.Git;

/// <summary>
/// Policy files on disk: the one a user names, and the repository's own <c>hotfix.json</c> at the root of its working
/// tree. Both are read as <see cref="InputFiles"/> reads them (regular files under a size cap, never a FIFO or device),
/// for the command line and for hosts that register a repository alike.
/// </summary>
internal static class PolicyFile
{
    private const string Expected = "a policy file such as hotfix.json";

    /// <summary>The policy file at <paramref name="path"/>; <paramref name="what"/> names it in messages.</summary>
    public static PolicyLoadResult Read(string path, string what, string source) =>
        PolicyParser.Parse(InputFiles.ReadText(path, what, Expected), source);

    /// <summary>The parsed policy file at <paramref name="root"/>, or null when the repository has none.</summary>
    public static PolicyLoadResult? AtRepositoryRoot(string root)
    {
        var path = Path.Combine(root, PolicyParser.DefaultFileName);
        return File.Exists(path) ? Read(path, path, path) : null;
    }
}
