using Hotfix.Policy.Checks.Migrations;

namespace Hotfix.Policy.Checks.Classification;

/// <summary>The providers classification asks, in order. Other modules add theirs here (one line each).</summary>
public static class ChangeKindSignalProviders
{
    public static IReadOnlyList<IChangeKindSignalProvider> All { get; } =
    [
        new DeclaredKindSignals(),
        new PathSignals(),
        new ContentSignals(),
        new MigrationKindSignals(),
    ];
}
