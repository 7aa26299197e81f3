namespace Hotfix.Policy.Checks.Classification;

/// <summary>Kinds the caller declares (<c>--kind performance</c>): a performance fix is known to its author, not to its paths.</summary>
internal sealed class DeclaredKindSignals : IChangeKindSignalProvider
{
    public IEnumerable<ChangeKindSignal> Signals(CheckContext context) =>
        context.Options.DeclaredKinds.Select(kind => new ChangeKindSignal(kind, $"declared with --kind {kind}"));
}
