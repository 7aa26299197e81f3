using Hotfix.Policy.Incidents;

namespace Hotfix.Policy.Checks;

/// <summary>What the caller tells a check beyond the policy (command-line flags, or a host's request).</summary>
public sealed record CheckOptions
{
    /// <summary>The incident's severity, when known; rules that depend on it say what they assumed otherwise.</summary>
    public IncidentSeverity? Severity { get; init; }
}
