namespace Hotfix.Policy.Checks.Classification;

/// <summary>
/// The providers classification always asks, in order; each registered module adds its own after these
/// (<see cref="ICheckModule.SignalProviders"/>).
/// </summary>
internal static class ChangeKindSignalProviders
{
    public static IReadOnlyList<IChangeKindSignalProvider> Core { get; } =
    [
        new DeclaredKindSignals(),
        new PathSignals(),
        new ContentSignals(),
    ];

    /// <summary>The core providers, then those of the context's modules.</summary>
    public static IEnumerable<IChangeKindSignalProvider> For(CheckContext context) =>
        Core.Concat(context.Modules.SelectMany(m => m.SignalProviders));
}
