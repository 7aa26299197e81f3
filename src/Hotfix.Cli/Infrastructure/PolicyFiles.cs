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
            var path = environment.Resolve(policyOption);
            return PolicyParser.Parse(ReadText(path, $"--policy '{Echo.Of(policyOption)}'"), policyOption);
        }

        if (repositoryRoot is not null)
        {
            var path = Path.Combine(repositoryRoot, PolicyParser.DefaultFileName);
            if (File.Exists(path))
            {
                return PolicyParser.Parse(ReadText(path, path), path);
            }
        }

        return PolicyParser.Defaults();
    }

    /// <summary>The effective policy, or an input error that lists every problem (one per line).</summary>
    public static HotfixPolicy Load(CliEnvironment environment, string? policyOption, string? repositoryRoot) =>
        Require(Read(environment, policyOption, repositoryRoot));

    public static HotfixPolicy Require(PolicyLoadResult result) =>
        result.Policy ?? throw new HotfixInputException(Describe(result));

    public static string Describe(PolicyLoadResult result)
    {
        var count = result.Problems.Count;
        var source = Echo.Of(result.Source);
        var lines = result.Problems.Select(p => "  " + source + ": " + p);
        return $"policy file '{source}' is not valid ({count} {(count == 1 ? "problem" : "problems")}; docs/policy.md lists every key):\n" + string.Join('\n', lines);
    }

    private static string ReadText(string path, string what) => InputFiles.ReadText(path, what, "a policy file such as hotfix.json");
}
