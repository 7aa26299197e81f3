namespace Hotfix.Policy.Policies;

/// <summary>HOTFIX:EXPEDITED_TESTING.</summary>
public sealed class TestPolicy
{
    /// <summary>MANDATORY_TESTS (all severities).</summary>
    public IReadOnlyList<string> Mandatory { get; init; } = ["smoke", "regression", "integration"];

    /// <summary>CONDITIONAL_TESTS: change kind → tests it requires.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Conditional { get; init; } = new Dictionary<string, IReadOnlyList<string>>
    {
        ["database"] = ["migration-up-down"],
        ["api"] = ["api-client-payloads"],
        ["auth"] = ["auth-end-to-end"],
        ["performance"] = ["load-test"],
    };

    /// <summary>SKIP_WITH_JUSTIFICATION (SEV1 only): suites that may run post-deploy instead.</summary>
    public IReadOnlyList<string> SkippableOnSev1 { get; init; } = ["full-regression", "cross-browser", "accessibility"];

    /// <summary>
    /// Test id → when the suite applies. A suite of the browser (cross-browser, accessibility) tests what a browser
    /// shows, so by default it is required only when a front-end file changed; a one-line backend fix does not ask for it.
    /// </summary>
    public IReadOnlyDictionary<string, TestCondition> AppliesTo { get; init; } = new Dictionary<string, TestCondition>
    {
        ["cross-browser"] = new() { Kinds = [ChangeKinds.Frontend] },
        ["accessibility"] = new() { Kinds = [ChangeKinds.Frontend] },
    };

    /// <summary>
    /// The command per test id that <c>hotfix test SUITE</c> runs and the test plan shows, as an argument vector or a
    /// string without shell syntax (<see cref="TestCommand"/>), e.g. "smoke": ["npm", "run", "test", "--", "--grep", "{feature}", "--bail"].
    /// </summary>
    public IReadOnlyDictionary<string, TestCommand> Commands { get; init; } = new Dictionary<string, TestCommand>();
}
