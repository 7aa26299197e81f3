using Hotfix.Policy.Policies;
using Hotfix.Policy.Policies.Validation;
using Hotfix.Policy.Ports;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// The metrics source of <c>hotfix verify</c>: the one the environment supplies (tests, hosts), else Prometheus when
/// policy <c>metrics.prometheus</c> names one, else none (a person attests every check). The bearer token is read from
/// the variable <c>bearerToken: "env:NAME"</c> names, only here, and goes nowhere but the Authorization header.
/// </summary>
internal static class CliMetrics
{
    public static IStabilityMetrics For(CliEnvironment environment, HotfixPolicy policy)
    {
        if (environment.Adapters.Metrics is { } supplied)
        {
            return supplied;
        }

        if (policy.Metrics.Prometheus is not { } prometheus)
        {
            return AttestedOnlyMetrics.Instance;
        }

        string? token = null;
        if (prometheus.BearerToken is { } reference && MetricPolicyRules.IsEnvironmentReference(reference))
        {
            var name = reference["env:".Length..];
            token = environment.GetVariable(name);
            if (string.IsNullOrEmpty(token))
            {
                throw new HotfixInputException($"metrics.prometheus.bearerToken 'env:{name}': the environment variable {name} is not set; expected it to hold the Prometheus bearer token");
            }
        }

        return new PrometheusMetrics(new Uri(prometheus.Url), token, TimeSpan.FromSeconds(prometheus.TimeoutSeconds ?? PrometheusPolicy.DefaultTimeoutSeconds));
    }
}
