using System.Collections.Concurrent;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Checks;

/// <summary>
/// Everything a rule may look at: the policy, the subject, the caller's options and the ports. Facts that several
/// rules share (the branch's history, the change set, the migrations) are computed once through <see cref="Fact{T}"/>.
/// </summary>
internal sealed class CheckContext
{
    private readonly ConcurrentDictionary<Type, object> facts = new();

    public CheckContext(HotfixPolicy policy, CheckSubject subject, CheckOptions options, PortSet ports)
    {
        Policy = policy;
        Subject = subject;
        Options = options;
        Ports = ports;
    }

    public HotfixPolicy Policy { get; }

    public CheckSubject Subject { get; }

    public CheckOptions Options { get; }

    public PortSet Ports { get; }

    /// <summary>
    /// The policy file the rules came from, relative to the repository root (<c>hotfix.json</c> unless the host read
    /// another one); null when it lies outside the repository. <see cref="BranchFindingFile"/> shows findings about the
    /// whole branch on it.
    /// </summary>
    public string? PolicyFile { get; init; } = PolicyParser.DefaultFileName;

    /// <summary>
    /// Whether the report should carry <see cref="BranchFindingFile"/> (it costs a blob look-up, sometimes a listing of
    /// the commit). Only SARIF draws it, but the report may be rendered after the repository is closed, so only a
    /// caller that knows it will not write SARIF turns it off.
    /// </summary>
    public bool LocatesBranchFindings { get; init; } = true;

    /// <summary>
    /// The host's cancellation (<c>HotfixEngine.Check</c>). Looked at between steps — before each rule, each report
    /// section and each shared fact is computed — so a step in progress (one diff, one file's migration scan) ends first.
    /// </summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>The clock of the run, when the host gave one; rules that need "today" say what they assumed otherwise.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>The modules of the run in progress (set by <see cref="CheckRunner"/>), so shared facts such as the
    /// classification can ask every module for its evidence.</summary>
    public IReadOnlyList<ICheckModule> Modules { get; internal set; } = [];

    /// <summary>The fact of type <typeparamref name="T"/>, computed on first use and shared by every rule after that.</summary>
    public T Fact<T>(Func<CheckContext, T> compute)
        where T : class
    {
        Cancellation.ThrowIfCancellationRequested();
        return (T)facts.GetOrAdd(typeof(T), static (_, state) => state.compute(state.context), (compute, context: this));
    }
}
