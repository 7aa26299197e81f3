using Hotfix.Policy.Policies;

namespace Hotfix.Git;

/// <summary>The repository's own policy: <c>hotfix.json</c> at the root of its working tree.</summary>
internal static class PolicyFile
{
    /// <summary>The parsed policy file at <paramref name="root"/>, or null when the repository has none.</summary>
    public static PolicyLoadResult? AtRepositoryRoot(string root)
    {
        var path = Path.Combine(root, PolicyParser.DefaultFileName);
        return File.Exists(path) ? PolicyParser.Parse(ReadText(path, path), path) : null;
    }

    public static string ReadText(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HotfixInputException($"{what}: cannot be read ({e.Message}); expected a readable policy file.", e);
        }
    }
}
