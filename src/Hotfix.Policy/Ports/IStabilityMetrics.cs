using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Ports;

/// <summary>
/// Where stability-window checks can be measured instead of attested: a host plugs its error-rate and latency sources
/// in (Prometheus, Datadog …) with <c>UseStabilityMetrics</c>. <see cref="AttestedOnlyMetrics"/>, the default, measures
/// nothing: a person attests every check (<c>--check error-rate=pass</c>).
/// </summary>
public interface IStabilityMetrics
{
    /// <summary>What the readings come from, recorded with each check (e.g. "prometheus").</summary>
    string Source { get; }

    /// <summary>
    /// Measures <see cref="MetricRequest.Check"/> as of <see cref="MetricRequest.At"/>; null when this source cannot
    /// measure that check (e.g. it has no query). A source that cannot answer (unreachable, no data) throws
    /// <see cref="HotfixOperationException"/>: a check is never passed for want of an answer.
    /// </summary>
    Task<MetricReading?> MeasureAsync(MetricRequest request, CancellationToken cancellationToken);
}

/// <summary>One check to measure.</summary>
/// <param name="Checkpoint">The checkpoint (e.g. <c>h1</c>).</param>
/// <param name="Check">The check as the policy defines it: its query and thresholds.</param>
/// <param name="IncidentStartedAt">The incident's first record: "baseline" is the hour before it.</param>
/// <param name="DeployedAt">When the hotfix was deployed (the stability window's start).</param>
/// <param name="At">The checkpoint's time (the deploy plus the checkpoint's hours): the moment to measure.</param>
public sealed record MetricRequest(string Checkpoint, VerificationCheckPolicy Check, DateTimeOffset IncidentStartedAt, DateTimeOffset DeployedAt, DateTimeOffset At)
{
    /// <summary>The incident being verified (e.g. <c>INC-2026-0042</c>), so a source's messages can name it; null when unknown.</summary>
    public string? Incident { get; init; }
}

/// <summary>A measured check: passed or not, and what was observed ("0.004 ≤ max 0.01").</summary>
/// <param name="Passed">Whether the measurement meets the check (e.g. the error rate is back to baseline).</param>
/// <param name="Observation">What was measured, in words, recorded as the check's note.</param>
public sealed record MetricReading(bool Passed, string Observation)
{
    /// <summary>The measured value; null when the source reports words only.</summary>
    public double? Value { get; init; }

    /// <summary>The baseline the value was compared with (<c>baselineRatio</c>); null when none.</summary>
    public double? Baseline { get; init; }

    /// <summary>The thresholds the value had to meet, in words (e.g. "max 0.01, baseline × 1.2 = 0.012"); null when none.</summary>
    public string? Threshold { get; init; }
}

/// <summary>The default: no metrics source; every check is what a person attests.</summary>
internal sealed class AttestedOnlyMetrics : IStabilityMetrics
{
    public static AttestedOnlyMetrics Instance { get; } = new();

    public string Source => "attested";

    public Task<MetricReading?> MeasureAsync(MetricRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<MetricReading?>(null);
}
