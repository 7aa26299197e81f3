namespace Hotfix.Policy.Decisions;

/// <summary>
/// One test of a decision row ("root cause unknown"), three-valued: true, false, or null when the input it needs was
/// not given. <see cref="Observe"/> says what the facts were, in words, for the explanation trace.
/// </summary>
public sealed class DecisionCondition(string name, string missingInput, Func<DecisionFacts, bool?> test, Func<DecisionFacts, string> observe)
{
    /// <summary>The condition as the runbook words it, e.g. "impact ongoing".</summary>
    public string Name { get; } = name;

    /// <summary>The input that decides it when it is unknown (e.g. "--fix-eta MINUTES"); empty when it is always known.</summary>
    public string MissingInput { get; } = missingInput;

    public bool? Test(DecisionFacts facts) => test(facts);

    public string Observe(DecisionFacts facts) => observe(facts);

    public override string ToString() => Name;
}
