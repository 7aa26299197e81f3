using Hotfix.Git;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Text;

namespace Hotfix.Cli.Infrastructure;

/// <summary>Finds and reads the policy file: --policy FILE, else hotfix.json at the repository root, else the runbook.</summary>
internal static class PolicyFiles
{
    public static PolicyLoadResult Read(CliEnvironment environment, string? policyOption, string? repositoryRoot)
    {
        if (policyOption is not null)
        {
            return PolicyFile.Read(environment.Resolve(policyOption), $"--policy '{Echo.Of(policyOption)}'", policyOption);
        }

        return (repositoryRoot is null ? null : PolicyFile.AtRepositoryRoot(repositoryRoot)) ?? PolicyParser.Defaults();
    }

    /// <summary>The effective policy, or an input error that lists every problem (one per line).</summary>
    public static HotfixPolicy Load(CliEnvironment environment, string? policyOption, string? repositoryRoot) =>
        Require(Read(environment, policyOption, repositoryRoot));

    public static HotfixPolicy Require(PolicyLoadResult result) =>
        result.Policy ?? throw new HotfixInputException(PolicyProblems.Describe(result));
}
