using Hotfix.Policy.Records;

namespace Hotfix.Policy.Verification;

/// <summary>
/// What a verification step produced: the entries to append, or a refusal (e.g. "h4 checks are not due yet", "not every
/// check passed") that says why. A refusal is the runbook stopping the caller, not bad input.
/// </summary>
internal sealed record VerificationOutcome(bool Accepted, string Message, IReadOnlyList<IncidentEvent> Events)
{
    public static VerificationOutcome Refused(string message) => new(false, message, []);

    public static VerificationOutcome Record(string message, params IncidentEvent[] events) => new(true, message, events);
}
