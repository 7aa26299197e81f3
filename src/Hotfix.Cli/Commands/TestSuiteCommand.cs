using System.CommandLine;
using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Policies.Validation;
using Hotfix.Policy.Records;
using Hotfix.Policy.Text;
using Hotfix.Policy.TestRuns;
using Hotfix.Policy.Workflow;

namespace Hotfix.Cli.Commands;

/// <summary>
/// <c>hotfix test SUITE [--feature NAME] [--env NAME] [--incident INC-…] [--timeout 10m]</c>: runs the policy's command
/// for the suite (<c>tests.commands.SUITE</c>) as an argument vector — no shell — streams its output and records the
/// run in the incident record. Exit 0 pass, 1 fail (or timed out), 2 bad input (no command for the suite…), 3 the
/// command could not start or the record could not be written.
/// </summary>
internal static class TestSuiteCommand
{
    public static Command Create(CliOptions options, CliEnvironment environment)
    {
        var suite = new Argument<string>("suite") { Description = "The suite to run: a key of policy tests.commands (smoke, regression, integration …)." };
        var feature = CliOptions.Text("--feature", "NAME", "The feature under test: fills {feature} in the command (passed as data, never as shell text).");
        var env = CliOptions.Text("--env", "NAME", "Where the suite runs (policy environments, e.g. staging): fills {env} and is recorded.");
        var incident = CliOptions.Text("--incident", "INC-YYYY-NNNN", "The incident whose record gets the run (default: the checked-out hotfix branch's).");
        var timeout = CliOptions.Text("--timeout", "DURATION", "Stop the suite and every process it started after this long (e.g. 2m, 10m); it is recorded as failed.");
        var by = CliOptions.By();

        var command = new Command("test", "Run a test suite from the policy (tests.commands), stream its output and record suite, feature, environment, command, exit code and duration in the incident record. Exit 1 when it fails.")
        {
            suite, feature, env, incident, timeout, by,
        };
        CommandExamples.Attach(
            command,
            ("Smoke-test the feature the hotfix touches, in staging", "hotfix test smoke --feature checkout --env staging"),
            ("The regression suite for another incident, stopped after 20 minutes", "hotfix test regression --env staging --incident INC-2026-0042 --timeout 20m"));
        command.SetAction(async (parse, cancellationToken) =>
        {
            var workspace = Workspace.Open(environment, parse.GetValue(options.Repo), parse.GetValue(options.Policy));
            var policy = workspace.Policy;
            var suiteId = parse.GetValue(suite)!;
            var testCommand = Command(policy, suiteId);
            var featureName = Value(parse.GetValue(feature), "--feature");
            var environmentName = Environment(policy, parse.GetValue(env));
            if (testCommand.Uses(TestCommand.FeaturePlaceholder) && featureName is null)
            {
                throw new HotfixInputException($"--feature: missing; the {suiteId} command uses {TestCommand.FeaturePlaceholder} (policy tests.commands.{suiteId}: {testCommand.Display}); expected --feature NAME, e.g. --feature checkout");
            }

            if (testCommand.Uses(TestCommand.EnvironmentPlaceholder) && environmentName is null)
            {
                throw new HotfixInputException($"--env: missing; the {suiteId} command uses {TestCommand.EnvironmentPlaceholder}; expected --env NAME");
            }

            var limit = parse.GetValue(timeout) is { } text
                ? Durations.TryParse(text, out var duration) ? duration : throw new HotfixInputException($"--timeout '{Echo.Of(text)}': expected {Durations.ExpectedForm}")
                : (TimeSpan?)null;
            var incidentId = CurrentIncident.Resolve(environment, parse.GetValue(incident), "--incident", parse.GetValue(options.Repo), policy)
                ?? throw new HotfixInputException("--incident: missing, and HEAD is not on a hotfix branch; expected --incident INC-YYYY-NNNN (the record the run goes to) or the incident's hotfix branch checked out");
            var who = Inputs.Actor(environment, parse.GetValue(by));

            var values = new Dictionary<string, string>(StringComparer.Ordinal) { [TestCommand.IncidentPlaceholder] = incidentId.ToString() };
            if (featureName is not null)
            {
                values[TestCommand.FeaturePlaceholder] = featureName;
            }

            if (environmentName is not null)
            {
                values[TestCommand.EnvironmentPlaceholder] = environmentName;
            }

            var words = testCommand.Expand(values);
            var store = workspace.Records();
            var at = environment.Time.GetLocalNow();
            environment.Error.WriteLine($"hotfix: running {suiteId}{(environmentName is null ? string.Empty : $" in {environmentName}")} for {incidentId}: {ShellWords.Join([.. words])}");
            environment.Error.Flush();
            SuiteResult result;
            using (var interruption = SuiteInterruption.Watch(cancellationToken))
            {
                try
                {
                    result = await SuiteRunner.RunAsync(words, workspace.BaseDirectory, Variables(suiteId, featureName, environmentName, incidentId), environment.Out, environment.Error, limit, interruption.Token).ConfigureAwait(false);
                }
                catch (HotfixOperationException e) when (interruption.Signal is { } signal)
                {
                    environment.Error.WriteLine($"hotfix: {signal}: {e.Message}; {e.State}");
                    environment.Error.Flush();
                    return interruption.ExitCode;
                }
            }

            var run = new TestRun(suiteId, featureName, environmentName, words, result.ExitCode, result.TimedOut, result.Duration, who, at);
            store.Record(TestRunEvents.ToEvent(incidentId, run));
            if (result.OutputLeftOpen)
            {
                environment.Error.WriteLine($"hotfix: warning: the {suiteId} command ended but a process it started kept its output open; that process is still running");
            }

            var recorded = $"recorded in {store.LocationOf(incidentId)}";
            if (!run.Passed)
            {
                environment.Error.WriteLine(result.TimedOut
                    ? $"hotfix: {suiteId} timed out after {TestRunEvents.Seconds(result.Duration)} (--timeout {parse.GetValue(timeout)}); it and every process it started were stopped; failed — {recorded}"
                    : $"hotfix: {suiteId} failed (exit {result.ExitCode}, {TestRunEvents.Seconds(result.Duration)}) — {recorded}");
                if (result.Tail.Count > 0)
                {
                    environment.Error.WriteLine($"hotfix: the last {result.Tail.Count} lines of its output:");
                    foreach (var line in result.Tail)
                    {
                        environment.Error.WriteLine("  " + line);
                    }
                }

                return ExitCodes.PolicyFindings;
            }

            environment.Error.WriteLine($"hotfix: {suiteId} passed{(environmentName is null ? string.Empty : $" in {environmentName}")} ({TestRunEvents.Seconds(result.Duration)}) — {recorded}");
            if (TestEvidence.From(policy, store.Read(incidentId).Events).EnvironmentWarning() is { } warning)
            {
                environment.Error.WriteLine($"hotfix: warning: {warning}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static TestCommand Command(HotfixPolicy policy, string suite)
    {
        if (!Identifiers.IsKebab(suite))
        {
            throw new HotfixInputException($"suite '{Echo.Of(suite)}': expected a suite id of lowercase words and hyphens (e.g. smoke)");
        }

        if (policy.Tests.Commands.TryGetValue(suite, out var command))
        {
            return command;
        }

        var known = policy.Tests.Commands.Keys.Order(StringComparer.Ordinal).ToList();
        var suggestion = Suggestions.Closest(suite, known);
        throw new HotfixInputException(
            $"suite '{suite}': the policy has no command for it (policy key tests.commands.{suite}); expected "
            + (known.Count == 0 ? "a policy with tests.commands, e.g. { \"tests\": { \"commands\": { \"smoke\": [\"npm\", \"run\", \"test\", \"--\", \"--grep\", \"{feature}\", \"--bail\"] } } } (docs/commands/test.md)"
                : $"one of {string.Join(", ", known)}" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)")));
    }

    /// <summary>--env: one of the policy's environments when it names any; otherwise any name (recorded as given).</summary>
    private static string? Environment(HotfixPolicy policy, string? text)
    {
        var names = policy.Environments.Select(e => e.Name).ToList();
        if (text is null)
        {
            return names.Count == 0
                ? null
                : throw new HotfixInputException($"--env: missing; the policy names where suites run, so the record must say which; expected one of {string.Join(", ", names)}");
        }

        if (names.Count > 0 && !names.Contains(text))
        {
            var suggestion = Suggestions.Closest(text, names);
            throw new HotfixInputException($"--env '{Echo.Of(text)}': not an environment of the policy; expected one of {string.Join(", ", names)}" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)"));
        }

        return Identifiers.IsKebab(text) ? text : throw new HotfixInputException($"--env '{Echo.Of(text)}': expected {EnvironmentRules.NameForm}");
    }

    /// <summary>Any text is fine — it is passed as one argument — except what no argument can carry or a record line should hold.</summary>
    private static string? Value(string? text, string name) =>
        text is null ? null
        : text.Length == 0 || text.Length > 200 || text.Any(char.IsControl)
            ? throw new HotfixInputException($"{name} '{Echo.Of(text)}': expected a name of 1 to 200 characters without control characters")
            : text;

    /// <summary>The run's facts for scripts that read variables rather than arguments (values, never shell text).</summary>
    private static Dictionary<string, string> Variables(string suite, string? feature, string? environment, IncidentId incident)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["HOTFIX_TEST_SUITE"] = suite, ["HOTFIX_INCIDENT"] = incident.ToString() };
        if (feature is not null)
        {
            variables["HOTFIX_TEST_FEATURE"] = feature;
        }

        if (environment is not null)
        {
            variables["HOTFIX_TEST_ENV"] = environment;
        }

        return variables;
    }
}
