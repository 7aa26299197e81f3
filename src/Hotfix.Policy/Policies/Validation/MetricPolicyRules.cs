using FluentValidation.Results;

namespace Hotfix.Policy.Policies.Validation;

/// <summary>
/// The meaning of <c>metrics</c> and of a check's <c>query</c>/<c>max</c>/<c>min</c>/<c>baselineRatio</c>: a query without
/// a threshold could never fail, and a threshold without a query could never be measured — both are refused.
/// </summary>
internal static class MetricPolicyRules
{
    public const string TokenForm = "env:NAME — the environment variable that holds the bearer token (the token itself never goes in the policy)";

    public static void CheckMetrics(MetricsPolicy metrics, PolicyFailures context)
    {
        if (metrics.Prometheus is not { } prometheus)
        {
            return;
        }

        if (!Uri.TryCreate(prometheus.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            Fail(context, "$.metrics.prometheus.url", prometheus.Url, "an absolute http(s) URL of the Prometheus server without credentials or query, e.g. http://prometheus:9090");
        }

        if (prometheus.BearerToken is { } token && !IsEnvironmentReference(token))
        {
            // Never echo the value: it may be the token itself, pasted where its variable's name belongs.
            context.AddFailure(new ValidationFailure("$.metrics.prometheus.bearerToken", TokenForm) { CustomState = "a value that is not env:NAME (not shown)" });
        }

        if (prometheus.TimeoutSeconds is < 1 or > 300)
        {
            Fail(context, "$.metrics.prometheus.timeoutSeconds", prometheus.TimeoutSeconds, "1 to 300 seconds");
        }
    }

    public static void CheckMeasuredCheck(VerificationCheckPolicy check, string path, PolicyFailures context)
    {
        var thresholds = new (string Key, double? Value)[] { ("max", check.Max), ("min", check.Min), ("baselineRatio", check.BaselineRatio) };
        if (check.Query is null)
        {
            foreach (var (key, value) in thresholds.Where(t => t.Value is not null))
            {
                Fail(context, $"{path}.{key}", value, "no threshold without a query: add \"query\" (PromQL returning one number) or remove it");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(check.Query))
        {
            Fail(context, path + ".query", check.Query, "a query that returns one number (PromQL), or null for a check a person attests");
        }

        if (thresholds.All(t => t.Value is null))
        {
            context.AddFailure(new ValidationFailure(path, "\"max\", \"min\" and/or \"baselineRatio\": what the measured value must meet") { CustomState = "a query with no threshold" });
        }

        foreach (var (key, value) in thresholds.Where(t => t.Value is { } v && !double.IsFinite(v)))
        {
            Fail(context, $"{path}.{key}", value, "a finite number");
        }

        if (check.BaselineRatio is { } ratio && !(ratio > 0))
        {
            Fail(context, path + ".baselineRatio", ratio, "a multiple of the baseline above 0 (1 = no worse than the hour before the incident)");
        }

        if (check.Min is { } min && check.Max is { } max && min > max)
        {
            Fail(context, path + ".min", min, $"at most max ({max.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }
    }

    /// <summary><c>env:NAME</c> with a portable variable name (letters, digits, underscores; not starting with a digit).</summary>
    public static bool IsEnvironmentReference(string text) =>
        text.StartsWith("env:", StringComparison.Ordinal) && text.Length > 4 && !char.IsAsciiDigit(text[4])
        && text.Skip(4).All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static void Fail(PolicyFailures context, string path, object? value, string expected) =>
        context.AddFailure(new ValidationFailure(path, expected) { CustomState = HotfixPolicyValidator.DescribeValue(value) });
}
