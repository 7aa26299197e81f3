using Hotfix.Policy.Policies;
using Hotfix.Policy.Records;

namespace Hotfix.Policy.Verification;

/// <summary>
/// What a verification step produced: the entries to append, or a refusal (e.g. "h4 checks are not due yet", "not every
/// check passed") that says why. A refusal is the runbook stopping the caller, not bad input.
/// </summary>
internal sealed record VerificationOutcome(bool Accepted, string Message, IReadOnlyList<IncidentEvent> Events)
{
    /// <summary>Checks of the checkpoint no source measures: a person must attest them (after <c>--at h1</c> alone).</summary>
    public IReadOnlyList<VerificationCheckPolicy> ToAttest { get; init; } = [];

    public static VerificationOutcome Refused(string message) => new(false, message, []);

    public static VerificationOutcome Record(string message, params IncidentEvent[] events) => new(true, message, events);
}
