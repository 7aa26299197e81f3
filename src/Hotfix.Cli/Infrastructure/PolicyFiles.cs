using Hotfix.Git;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Text;

namespace Hotfix.Cli.Infrastructure;

/// <summary>Finds and reads the policy file: --policy FILE, else hotfix.json at the repository root, else the runbook.</summary>
internal static class PolicyFiles
{
    /// <param name="environment">The command's environment (relative paths are taken from its current directory).</param>
    /// <param name="policyOption">The file the user named, if any.</param>
    /// <param name="repositoryRoot">The working tree whose hotfix.json applies when no file is named.</param>
    /// <param name="namedBy">How the user named the file, for messages: the option, or the command's argument.</param>
    public static PolicyLoadResult Read(CliEnvironment environment, string? policyOption, string? repositoryRoot, string namedBy = "--policy")
    {
        if (policyOption is not null)
        {
            // An empty value resolves to the current directory: "is a directory" would blame a folder nobody named.
            if (policyOption.Length == 0)
            {
                throw new HotfixInputException($"{namedBy} '': the value is empty; expected the path of a policy file such as hotfix.json.");
            }

            return PolicyFile.Read(environment.Resolve(policyOption), $"{namedBy} '{Echo.Of(policyOption)}'", policyOption);
        }

        return (repositoryRoot is null ? null : PolicyFile.AtRepositoryRoot(repositoryRoot)) ?? PolicyParser.Defaults();
    }

    /// <summary>
    /// Where the policy comes from, relative to <paramref name="repositoryRoot"/> with '/' separators: --policy FILE, else
    /// hotfix.json at the root; null when FILE lies outside the repository.
    /// </summary>
    public static string? InRepository(CliEnvironment environment, string? policyOption, string repositoryRoot)
    {
        if (policyOption is null)
        {
            return PolicyParser.DefaultFileName;
        }

        var relative = Path.GetRelativePath(repositoryRoot, environment.Resolve(policyOption));
        return relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? null
            : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The effective policy, or an input error that lists every problem (one per line).</summary>
    public static HotfixPolicy Load(CliEnvironment environment, string? policyOption, string? repositoryRoot) =>
        Require(Read(environment, policyOption, repositoryRoot));

    public static HotfixPolicy Require(PolicyLoadResult result) =>
        result.Policy ?? throw new HotfixPolicyException(result);
}
