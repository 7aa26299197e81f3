using Hotfix.Policy.Policies;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// The policy for commands an incident cannot wait for (rollback, status, history, decide, record): a policy file with
/// problems must not block them, so they go on with the runbook's defaults after a loud warning that names every
/// problem. Commands that judge a change by the policy (check, finish) keep refusing a broken file.
/// </summary>
internal static class EmergencyPolicy
{
    /// <summary>The effective policy, or the runbook's defaults (with the warning) when the file has problems.</summary>
    public static HotfixPolicy Load(CliEnvironment environment, string? policyOption, string? repositoryRoot, string command)
    {
        var result = PolicyFiles.Read(environment, policyOption, repositoryRoot);
        if (result.Policy is { } policy)
        {
            return policy;
        }

        environment.Error.WriteLine("hotfix: WARNING: POLICY IGNORED — " + PolicyProblems.Describe(result).Replace("\n", "\nhotfix: WARNING: ", StringComparison.Ordinal));
        environment.Error.WriteLine($"hotfix: WARNING: 'hotfix {command}' goes on with the runbook's defaults (namespace, timeouts, record folder) so an emergency is never blocked; fix the file (hotfix policy validate) — check and finish refuse until it is valid.");
        return HotfixPolicy.Runbook;
    }
}
