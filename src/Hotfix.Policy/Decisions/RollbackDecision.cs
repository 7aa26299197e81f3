namespace Hotfix.Policy.Decisions;

/// <summary>
/// The answer of the rollback-vs-forward-fix table with its explanation trace: the deciding row and why it matched,
/// every other row that matched and why it lost, the rows that could not be evaluated for missing inputs (only those
/// that could have changed the answer), and the runbook's next steps.
/// </summary>
/// <param name="Decision">The answer: <c>rollback</c>, <c>rollback-all</c> or <c>forward-fix</c>.</param>
/// <param name="Detail">A refinement of the answer (e.g. with a migration fix); null when none.</param>
/// <param name="Decided">The deciding row and why it matched.</param>
/// <param name="Matched">Every row that matched, the deciding one included, each losing one with why it lost.</param>
/// <param name="Undetermined">Rows that could have changed the answer but lack inputs; empty when none.</param>
/// <param name="Facts">The inputs as given, in the runbook's words, for the explanation.</param>
/// <param name="NextSteps">The runbook's next steps for the answer (e.g. the rollback commands).</param>
public sealed record RollbackDecision(
    string Decision,
    string? Detail,
    MatchedRow Decided,
    IReadOnlyList<MatchedRow> Matched,
    IReadOnlyList<UndeterminedRow> Undetermined,
    IReadOnlyList<string> Facts,
    IReadOnlyList<NextStep> NextSteps)
{
    /// <summary>The deciding row.</summary>
    public DecisionRow Rule => Decided.Row;

    /// <summary>True when a policy default decided because no runbook row matched.</summary>
    public bool IsPolicyDefault => Rule.Source.Kind == DecisionSourceKind.PolicyDefault;

    /// <summary>The decision with its detail, e.g. "forward-fix (forward-fix-with-migration-fix)".</summary>
    public string Display => Detail is null ? Decision : $"{Decision} ({Detail})";
}

/// <summary>A row whose conditions all held. <see cref="LostBecause"/> is null for the deciding row.</summary>
/// <param name="Row">The row.</param>
/// <param name="Why">Which inputs made its conditions hold.</param>
/// <param name="LostBecause">Why a higher-precedence row decided instead; null for the deciding row.</param>
public sealed record MatchedRow(DecisionRow Row, string Why, string? LostBecause)
{
    /// <summary>True for the deciding row.</summary>
    public bool Won => LostBecause is null;
}

/// <summary>A row that might have decided, but an input it needs was not given.</summary>
/// <param name="Row">The row.</param>
/// <param name="Known">What the given inputs already say about its conditions.</param>
/// <param name="MissingInputs">The inputs that would decide whether it applies.</param>
public sealed record UndeterminedRow(DecisionRow Row, string Known, IReadOnlyList<string> MissingInputs);

/// <summary>A step of the runbook to take next, with the commands that do it (placeholders in angle brackets).</summary>
/// <param name="Text">The step in the runbook's words.</param>
/// <param name="Commands">Shell commands that do it; empty when it is not a command.</param>
public sealed record NextStep(string Text, IReadOnlyList<string> Commands)
{
    /// <summary>A step with no commands (something a person does).</summary>
    /// <param name="text">The step in the runbook's words.</param>
    public NextStep(string text)
        : this(text, [])
    {
    }
}
