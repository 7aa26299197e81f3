using Hotfix.Policy.Policies;
using Hotfix.Policy.Records;

namespace Hotfix.Policy.Verification;

/// <summary>
/// What recording a checkpoint's checks did (<see cref="HotfixEngine.VerifyCheckpointAsync"/>, <c>hotfix verify INC --at h1</c>):
/// the entries appended to the incident record, or why the runbook refused (not due, no deploy), and the checks a person
/// must still attest because no metrics source measures them.
/// </summary>
/// <param name="Accepted">False when the runbook refused and nothing was recorded.</param>
/// <param name="Message">What was recorded, or why it was refused.</param>
/// <param name="Recorded">The entries appended to the incident record (attested and measured checks).</param>
/// <param name="ToAttest">Checks of the checkpoint without a query: a person attests them (<c>--check NAME=pass</c>).</param>
/// <param name="Status">The stability window after the step.</param>
public sealed record CheckpointVerification(
    bool Accepted,
    string Message,
    IReadOnlyList<IncidentEvent> Recorded,
    IReadOnlyList<VerificationCheckPolicy> ToAttest,
    StabilityWindowStatus Status);
