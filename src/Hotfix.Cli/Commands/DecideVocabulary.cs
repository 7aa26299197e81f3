using Hotfix.Policy.Decisions;
using Hotfix.Policy.Workflow;

namespace Hotfix.Cli.Commands;

/// <summary>
/// The core names a decision's inputs by their request property and Hotfix's operations as data; the command line
/// names the option that sets each input, with the form it takes, and shows each operation as a <c>hotfix</c> command.
/// </summary>
internal static class DecideVocabulary
{
    private static readonly Dictionary<string, string> Options = new(StringComparer.Ordinal)
    {
        [nameof(RollbackDecisionRequest.RootCause)] = "--root-cause",
        [nameof(RollbackDecisionRequest.Impact)] = "--impact",
        [nameof(RollbackDecisionRequest.FixEtaMinutes)] = "--fix-eta",
        [nameof(RollbackDecisionRequest.ServicesAffected)] = "--services-affected",
        [nameof(RollbackDecisionRequest.Culprit)] = "--culprit",
        [nameof(RollbackDecisionRequest.IncidentAgeMinutes)] = "--incident-age",
        [nameof(RollbackDecisionRequest.FixInSight)] = "--fix-in-sight",
    };

    private static readonly Dictionary<string, string> Forms = new(StringComparer.Ordinal)
    {
        [nameof(RollbackDecisionRequest.FixEtaMinutes)] = "MINUTES",
        [nameof(RollbackDecisionRequest.Culprit)] = "known|unknown",
        [nameof(RollbackDecisionRequest.IncidentAgeMinutes)] = "MINUTES",
        [nameof(RollbackDecisionRequest.FixInSight)] = "yes|no",
    };

    /// <summary>The option, e.g. <c>--fix-eta</c>; an input the command line has no option for keeps its name.</summary>
    public static string Option(string input) => Options.GetValueOrDefault(input, input);

    /// <summary>The option with the form of its value, e.g. <c>--fix-eta MINUTES</c>, as a missing input is asked for.</summary>
    public static string OptionWithForm(string input) =>
        Forms.TryGetValue(input, out var form) ? $"{Option(input)} {form}" : Option(input);

    /// <summary>A Hotfix operation as this command line runs it: <c>hotfix VERB ARGUMENTS</c>.</summary>
    /// <remarks>
    /// Words are quoted for a POSIX shell where needed (a <c>--reason</c> has spaces), so the line can be pasted; a
    /// placeholder such as <c>deployment/&lt;name&gt;</c> stays bare — it is there to be replaced, not pasted.
    /// </remarks>
    public static string CommandLine(HotfixAction action) =>
        string.Join(' ', ["hotfix", action.Verb, .. action.Arguments.Select(a => a.Contains('<', StringComparison.Ordinal) && a.Contains('>', StringComparison.Ordinal) ? a : ShellWords.Quote(a))]);

    /// <summary>Decides, wording input problems and missing inputs as options.</summary>
    public static RollbackDecision Decide(RollbackDecisionRequest request, Policy.Policies.HotfixPolicy policy, IncidentId? incident)
    {
        RollbackDecision decision;
        try
        {
            decision = RollbackDecider.Decide(request, policy, incident);
        }
        catch (DecisionInputException e)
        {
            throw new HotfixInputException(DecisionInputException.Describe(e.Problems, Option), e);
        }

        return decision with
        {
            Undetermined = decision.Undetermined
                .Select(u => u with { MissingInputs = u.MissingInputs.Select(OptionWithForm).ToList() })
                .ToList(),
            NextSteps = decision.NextSteps
                .Select(s => s with { Commands = [.. s.Commands, .. s.Actions.Select(CommandLine)], Actions = [] })
                .ToList(),
        };
    }
}
