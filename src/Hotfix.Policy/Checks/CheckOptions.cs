using Hotfix.Policy.Findings;

namespace Hotfix.Policy.Checks;

/// <summary>What the caller tells a check beyond the policy (command-line flags, or a host's request).</summary>
public sealed record CheckOptions
{
    /// <summary>The incident's severity, when known; rules that depend on it say what they assumed otherwise.</summary>
    public IncidentSeverity? Severity { get; init; }

    /// <summary>The incident's components (policy <c>components[].name</c>, <c>--scope</c>); empty when none were declared.</summary>
    public IReadOnlyList<string> DeclaredScope { get; init; } = [];

    /// <summary>Change kinds the caller declares (<c>--kind performance</c>), added to what the change shows.</summary>
    public IReadOnlyList<string> DeclaredKinds { get; init; } = [];

    /// <summary>Recorded overrides for this check (<c>--allow RULE --reason "…"</c>).</summary>
    public IReadOnlyList<WaiverRequest> Waivers { get; init; } = [];

    /// <summary>
    /// The team's justification per suite a SEV1 hotfix runs post-deploy (<c>--justify SUITE=TEXT</c>), checked by
    /// <see cref="Testing.DeferralJustifications"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Justifications { get; init; } = new Dictionary<string, string>();
}
