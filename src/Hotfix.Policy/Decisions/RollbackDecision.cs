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

/// <summary>
/// A step of the runbook to take next: the runbook's own commands (kubectl, git, the policy's test commands; placeholders
/// in angle brackets) and the Hotfix operations that do it (<see cref="Actions"/>), which each host words its own way.
/// </summary>
/// <param name="Text">What to do, in the runbook's words.</param>
/// <param name="Commands">The runbook's commands for it.</param>
public sealed record NextStep(string Text, IReadOnlyList<string> Commands)
{
    /// <summary>A step without commands.</summary>
    /// <param name="text">What to do, in the runbook's words.</param>
    public NextStep(string text)
        : this(text, [])
    {
    }

    /// <summary>The Hotfix operations that do the step (the command line shows them as <c>hotfix VERB …</c>).</summary>
    public IReadOnlyList<HotfixAction> Actions { get; init; } = [];
}

/// <summary>
/// An operation Hotfix offers, as data: the command line renders it as <c>hotfix {Verb} {Arguments}</c>, a chat bot as
/// its own command, a portal as a button.
/// </summary>
/// <param name="Verb">The operation: <c>start</c>, <c>review</c>, <c>rollback</c>, <c>record</c>, <c>checklist</c>, <c>verify</c>.</param>
/// <param name="Arguments">Its arguments as the command line takes them (placeholders in angle brackets).</param>
public sealed record HotfixAction(string Verb, IReadOnlyList<string> Arguments);
