using Hotfix.Policy.Policies;
using Hotfix.Policy.Workflow;

namespace Hotfix.Policy.TestRuns;

/// <summary>
/// How a plan (<c>decide</c>, <c>checklist</c>, <c>check</c>) tells a person to run a policy test suite. The policy's
/// command keeps its placeholders until <c>hotfix test</c> fills them; pasted as written, <c>--grep "{feature}"</c>
/// matches no test and mocha reports 0 passing and exits 0 — a green smoke test that ran nothing. So the recorded form
/// comes first (it refuses to run without <c>--feature</c>), and the policy's command shows a value where the caller
/// knows it and an angle-bracket placeholder (<c>&lt;feature&gt;</c>, as the docs write it) where not.
/// </summary>
internal static class SuggestedTestCommands
{
    /// <summary><c>hotfix test SUITE …</c>, then the policy's command; empty when the policy has no command for the suite.</summary>
    public static IReadOnlyList<string> For(HotfixPolicy policy, string suite, string? feature = null, string? incident = null)
    {
        if (!policy.Tests.Commands.TryGetValue(suite, out var command))
        {
            return [];
        }

        var environment = TargetEnvironment(policy);
        return [HotfixTest(suite, command, feature, environment), Shown(command, feature, environment, incident)];
    }

    /// <summary>Where a plan says to run the suites: the first production-like environment ("if staging exists, test there"), else the first.</summary>
    public static string? TargetEnvironment(HotfixPolicy policy) =>
        policy.Environments.FirstOrDefault(e => e.ProductionLike)?.Name ?? policy.Environments.FirstOrDefault()?.Name;

    /// <summary>
    /// The runbook's own RUN line for a suite (TOOL: run smoke test / run affected integration tests), with the feature
    /// as a placeholder: what to run when the policy names no command. Null for suites the runbook gives no line.
    /// </summary>
    public static string? RunbookLine(string suite, string? feature = null) =>
        suite switch
        {
            "smoke" => $"npm run test -- --grep {Feature(feature)} --bail",
            "integration" => $"npm run test:integration -- --grep {Feature(feature)}",
            _ => null,
        };

    private static string Feature(string? feature) => feature is null ? Placeholder(TestCommand.FeaturePlaceholder) : ShellWords.Quote(feature);

    /// <summary>The recorded form: <c>hotfix test smoke --feature &lt;feature&gt; --env staging</c>.</summary>
    public static string HotfixTest(string suite, TestCommand command, string? feature, string? environment) =>
        string.Join(' ', ["hotfix", "test", .. HotfixTestArguments(suite, command, feature, environment).Select(a => IsPlaceholder(a) ? a : ShellWords.Quote(a))]);

    /// <summary>The words after <c>hotfix test</c>; a value not known is its placeholder (<c>&lt;feature&gt;</c>), left for the reader to replace.</summary>
    public static IReadOnlyList<string> HotfixTestArguments(string suite, TestCommand command, string? feature, string? environment)
    {
        var words = new List<string> { suite };
        if (command.Uses(TestCommand.FeaturePlaceholder) || feature is not null)
        {
            words.AddRange(["--feature", feature ?? Placeholder(TestCommand.FeaturePlaceholder)]);
        }

        if (command.Uses(TestCommand.EnvironmentPlaceholder) || environment is not null)
        {
            words.AddRange(["--env", environment ?? Placeholder(TestCommand.EnvironmentPlaceholder)]);
        }

        return words;
    }

    private static bool IsPlaceholder(string word) => TestCommand.Placeholders.Any(p => word == Placeholder(p));

    /// <summary>The policy's command with the known values filled in and the others as <c>&lt;feature&gt;</c>, <c>&lt;env&gt;</c>, <c>&lt;incident&gt;</c>.</summary>
    public static string Shown(TestCommand command, string? feature, string? environment, string? incident)
    {
        if (!TestCommand.Placeholders.Any(command.Uses))
        {
            return command.Display;
        }

        // An unknown value stays outside the quotes: pasted as is, the shell stops at "<feature>" instead of running
        // a suite that matches nothing. The marker is made of characters the quoting leaves alone.
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TestCommand.FeaturePlaceholder] = feature ?? Marker(TestCommand.FeaturePlaceholder),
            [TestCommand.EnvironmentPlaceholder] = environment ?? Marker(TestCommand.EnvironmentPlaceholder),
            [TestCommand.IncidentPlaceholder] = incident ?? Marker(TestCommand.IncidentPlaceholder),
        };
        return TestCommand.Placeholders.Aggregate(
            ShellWords.Join([.. command.Expand(values)]),
            (line, placeholder) => line.Replace(Marker(placeholder), Placeholder(placeholder), StringComparison.Ordinal));
    }

    private static string Marker(string placeholder) => "@@hotfix-" + placeholder[1..^1] + "@@";

    /// <summary>"{feature}" → "&lt;feature&gt;": a shell refuses an unquoted one, and nobody takes it for a value.</summary>
    private static string Placeholder(string placeholder) => "<" + placeholder[1..^1] + ">";
}
