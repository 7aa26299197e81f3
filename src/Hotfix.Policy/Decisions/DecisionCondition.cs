namespace Hotfix.Policy.Decisions;

/// <summary>
/// One test of a decision row ("root cause unknown"), three-valued: true, false, or null when the input it needs was
/// not given. <see cref="Observe"/> says what the facts were, in words, for the explanation trace.
/// </summary>
public sealed class DecisionCondition
{
    private readonly Func<DecisionFacts, bool?> test;
    private readonly Func<DecisionFacts, string> observe;

    internal DecisionCondition(string name, string missingInput, Func<DecisionFacts, bool?> test, Func<DecisionFacts, string> observe)
    {
        Name = name;
        MissingInput = missingInput;
        this.test = test;
        this.observe = observe;
    }

    /// <summary>The condition as the runbook words it, e.g. "impact ongoing".</summary>
    public string Name { get; }

    /// <summary>
    /// The <see cref="RollbackDecisionRequest"/> property that decides it when it is unknown (e.g. <c>FixEtaMinutes</c>);
    /// empty when it is always known. Hosts word it their own way (the command line names its option).
    /// </summary>
    public string MissingInput { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;

    internal bool? Test(DecisionFacts facts) => test(facts);

    internal string Observe(DecisionFacts facts) => observe(facts);
}
