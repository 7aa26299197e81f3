namespace Hotfix.Policy.Policies;

/// <summary>
/// When a test suite applies to a change (policy <c>tests.appliesTo</c>): the change has one of <see cref="Kinds"/> or
/// touches a file matching one of <see cref="Paths"/>. A suite without a condition, or with both lists empty, applies
/// to every change.
/// </summary>
public sealed class TestCondition
{
    // The source-generated reader sets every init-only property, null when the key is absent: absent means none.
    private readonly IReadOnlyList<string>? kinds;
    private readonly IReadOnlyList<string>? paths;

    /// <summary>Change kinds (policy <c>classification</c>, <c>--kind</c>) any one of which makes the suite apply, e.g. <c>frontend</c>.</summary>
    public IReadOnlyList<string> Kinds
    {
        get => kinds ?? [];
        init => kinds = value;
    }

    /// <summary>Path globs any changed file of which makes the suite apply, e.g. <c>admin-ui/**</c>.</summary>
    public IReadOnlyList<string> Paths
    {
        get => paths ?? [];
        init => paths = value;
    }
}
