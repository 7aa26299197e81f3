namespace Hotfix.Policy.Ports;

/// <summary>
/// Where stability-window checks can be measured instead of attested: a host plugs its error-rate and latency sources
/// in (Prometheus, Datadog …). <see cref="AttestedOnlyMetrics"/>, the default, measures nothing: a person attests
/// every check (<c>--check error-rate=pass</c>).
/// </summary>
public interface IStabilityMetrics
{
    /// <summary>What the readings come from, recorded with each check (e.g. "prometheus").</summary>
    string Source { get; }

    /// <summary>
    /// Measures check <paramref name="checkId"/> (e.g. <c>error-rate</c>) for a hotfix deployed at
    /// <paramref name="deployedAt"/>, as of <paramref name="at"/>; null when this source cannot measure that check.
    /// </summary>
    Task<MetricReading?> MeasureAsync(string checkId, DateTimeOffset deployedAt, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>A measured check: passed or not, and what was observed ("error rate 0.3 %, baseline 0.4 %").</summary>
/// <param name="Passed">Whether the measurement meets the check (e.g. the error rate is back to baseline).</param>
/// <param name="Observation">What was measured, in words, recorded as the check's note.</param>
public sealed record MetricReading(bool Passed, string Observation);

/// <summary>The default: no metrics source; every check is what a person attests.</summary>
internal sealed class AttestedOnlyMetrics : IStabilityMetrics
{
    public static AttestedOnlyMetrics Instance { get; } = new();

    public string Source => "attested";

    public Task<MetricReading?> MeasureAsync(string checkId, DateTimeOffset deployedAt, DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult<MetricReading?>(null);
}
