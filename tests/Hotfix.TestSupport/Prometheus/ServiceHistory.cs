using System.Globalization;
using System.Text;

namespace Hotfix.TestSupport.Prometheus;

/// <summary>
/// One service's minute-by-minute history as OpenMetrics for <see cref="PrometheusServer"/>: requests per minute with a
/// share of 5xx errors, and a p99 latency gauge, each phase (before the incident, during it, after the deploy) with its
/// own values — so a test knows the numbers Prometheus must compute from the history it wrote.
/// </summary>
public sealed record ServiceHistory(string Service, IReadOnlyList<ServicePhase> Phases)
{
    public const int RequestsPerMinute = 100;

    /// <summary>The histories of several services in one OpenMetrics document (one family each, as the format wants).</summary>
    public static string OpenMetrics(params ServiceHistory[] services)
    {
        var text = new StringBuilder();
        text.Append("# HELP http_requests_total Requests served.\n# TYPE http_requests_total counter\n");
        foreach (var service in services)
        {
            foreach (var code in new[] { "200", "500" })
            {
                long count = 0;
                foreach (var (at, phase) in service.Minutes())
                {
                    count += code == "500" ? phase.ErrorsPerMinute : RequestsPerMinute - phase.ErrorsPerMinute;
                    text.Append(CultureInfo.InvariantCulture, $"http_requests_total{{service=\"{service.Service}\",code=\"{code}\"}} {count} {at.ToUnixTimeSeconds()}\n");
                }
            }
        }

        text.Append("# HELP http_request_duration_p99_seconds 99th percentile of response times.\n# TYPE http_request_duration_p99_seconds gauge\n");
        foreach (var service in services)
        {
            foreach (var (at, phase) in service.Minutes())
            {
                text.Append(CultureInfo.InvariantCulture, $"http_request_duration_p99_seconds{{service=\"{service.Service}\"}} {phase.P99Seconds} {at.ToUnixTimeSeconds()}\n");
            }
        }

        return text.Append("# EOF\n").ToString();
    }

    /// <summary>Every minute of every phase: a sample at the phase's start is still the previous phase's value.</summary>
    private IEnumerable<(DateTimeOffset At, ServicePhase Phase)> Minutes()
    {
        foreach (var phase in Phases)
        {
            for (var at = phase.From.AddMinutes(1); at <= phase.To; at = at.AddMinutes(1))
            {
                yield return (at, phase);
            }
        }
    }
}

/// <summary>From (exclusive) to (inclusive): errors per 100 requests a minute and the p99 latency.</summary>
public sealed record ServicePhase(DateTimeOffset From, DateTimeOffset To, int ErrorsPerMinute, double P99Seconds);
