namespace Hotfix.Policy.Checks.Classification;

/// <summary>
/// A source of change-kind evidence. Classification asks the core's providers and every registered module's
/// <see cref="ICheckModule.SignalProviders"/> and takes the union, so another module adds a kind with its reason by
/// implementing this interface and listing an instance there — e.g. the migrations module reporting "database: adds migration 0042_widen_total (drops a
/// column)". Providers read shared facts through the context (<c>ScopeAnalysis.Of</c>, <c>ChangeSetFact.Of</c>) and
/// return nothing when the change set is unavailable.
/// </summary>
internal interface IChangeKindSignalProvider
{
    IEnumerable<ChangeKindSignal> Signals(CheckContext context);
}
