namespace Hotfix.Policy.Decisions;

/// <summary>
/// The answer of the rollback-vs-forward-fix table with its explanation trace: the deciding row and why it matched,
/// every other row that matched and why it lost, the rows that could not be evaluated for missing inputs (only those
/// that could have changed the answer), and the runbook's next steps.
/// </summary>
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
public sealed record MatchedRow(DecisionRow Row, string Why, string? LostBecause)
{
    public bool Won => LostBecause is null;
}

/// <summary>A row that might have decided, but an input it needs was not given.</summary>
public sealed record UndeterminedRow(DecisionRow Row, string Known, IReadOnlyList<string> MissingInputs);

/// <summary>A step of the runbook to take next, with the commands that do it (placeholders in angle brackets).</summary>
public sealed record NextStep(string Text, IReadOnlyList<string> Commands)
{
    public NextStep(string text)
        : this(text, [])
    {
    }
}
