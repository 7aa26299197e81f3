using Hotfix.Policy.Checks.Scope;
using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Checks.Classification;

/// <summary>
/// The kinds of the change with the evidence for each, from every <see cref="IChangeKindSignalProvider"/>. Computed
/// once per check; when the change set is unavailable only declared kinds are known, and <see cref="UnavailableReason"/> says why.
/// </summary>
internal sealed class ChangeClassification
{
    private ChangeClassification(IReadOnlyList<ChangeKindSignal> signals, IReadOnlyList<IReadOnlyList<string>> filePaths, string? unavailableReason)
    {
        Signals = signals;
        FilePaths = filePaths;
        UnavailableReason = unavailableReason;
        Kinds = signals.Select(s => s.Kind).Distinct()
            .OrderBy(k => ChangeKinds.BuiltIn.Contains(k) ? ChangeKinds.BuiltIn.ToList().IndexOf(k) : int.MaxValue)
            .ThenBy(k => k, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The kinds, built-in kinds in their report order first, then the policy's own alphabetically.</summary>
    public IReadOnlyList<string> Kinds { get; }

    public IReadOnlyList<ChangeKindSignal> Signals { get; }

    /// <summary>
    /// Each changed file that changes behaviour (not formatting only): its path, then its old path for a rename — what a
    /// path condition (policy <c>tests.appliesTo</c>) is matched against, as the classification globs are.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> FilePaths { get; }

    /// <summary>Set when the change set could not be read: the kinds are then only those declared.</summary>
    public string? UnavailableReason { get; }

    public IEnumerable<ChangeKindSignal> SignalsFor(string kind) => Signals.Where(s => s.Kind == kind);

    public static ChangeClassification Of(CheckContext context) => context.Fact(c => Build(c, ChangeKindSignalProviders.For(c)));

    /// <summary>Classifies with the given providers (hosts and tests may pass their own list).</summary>
    public static ChangeClassification Build(CheckContext context, IEnumerable<IChangeKindSignalProvider> providers)
    {
        var signals = new List<ChangeKindSignal>();
        foreach (var provider in providers)
        {
            foreach (var signal in provider.Signals(context))
            {
                if (!signals.Contains(signal))
                {
                    signals.Add(signal);
                }
            }
        }

        var analysis = ScopeAnalysis.Of(context);
        // Arrays, not collection expressions (which make a compiler-synthesised list here): GlobSet.FirstMatch walks an
        // array without copying it.
        var filePaths = analysis.Files.Where(f => !f.Formatting.IsFormattingOnly)
            .Select(f => (IReadOnlyList<string>)(f.Change.OldPath is { } old && old != f.Path ? new[] { f.Path, old } : new[] { f.Path }))
            .ToList();
        return new ChangeClassification(signals, filePaths, analysis.UnavailableReason);
    }
}
