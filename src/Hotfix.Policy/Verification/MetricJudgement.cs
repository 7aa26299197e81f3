using System.Globalization;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Verification;

/// <summary>
/// Whether a measured value meets a check's thresholds — the same judgement whatever source measured it, so a metrics
/// adapter only fetches numbers. Every threshold given must hold; "back to baseline" is value ≤ baseline × ratio.
/// </summary>
internal static class MetricJudgement
{
    public static MetricReading Judge(VerificationCheckPolicy check, double value, double? baseline)
    {
        var parts = new List<(string Text, bool Holds)>();
        if (check.Max is { } max)
        {
            parts.Add(($"max {N(max)}", value <= max));
        }

        if (check.Min is { } min)
        {
            parts.Add(($"min {N(min)}", value >= min));
        }

        if (check.BaselineRatio is { } ratio)
        {
            var b = baseline ?? throw new ArgumentException($"check '{check.Id}' has a baselineRatio but no baseline was measured", nameof(baseline));
            var limit = b * ratio;
            parts.Add(($"baseline {N(b)} × {N(ratio)} = {N(limit)}", value <= limit));
        }

        var passed = parts.All(p => p.Holds);
        var threshold = string.Join(", ", parts.Select(p => p.Text));
        var broken = parts.Where(p => !p.Holds).Select(p => p.Text).ToList();
        var observation = passed
            ? $"{N(value)} meets {threshold}"
            : $"{N(value)} breaks {string.Join(", ", broken)}";
        return new MetricReading(passed, observation) { Value = value, Baseline = baseline, Threshold = threshold };
    }

    /// <summary>Numbers as a person reads them: up to 6 significant digits, invariant culture.</summary>
    public static string N(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
