using System.CommandLine;
using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Workloads;
using Hotfix.Kubernetes;
using Hotfix.Policy.Text;

namespace Hotfix.Cli.Commands;

/// <summary>The options the cluster commands share, named as kubectl names them.</summary>
internal sealed class WorkloadOptions
{
    public Argument<string> Workload { get; } = new("kind/name")
    {
        Description = "The workload: " + WorkloadRef.ExpectedForm + ".",
    };

    public Option<string?> Namespace { get; } = new("--namespace", "-n")
    {
        Description = "Namespace (default: the kubeconfig context's, as kubectl; else policy deployment.namespace; else 'default'). Printed with where it came from; when policy and context differ, rollback and deploy require it.",
        HelpName = "NS",
    };

    public Option<string?> Context { get; } = new("--context")
    {
        Description = "The kubeconfig context to use (default: current-context).",
        HelpName = "NAME",
    };

    public Option<string?> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "Use only this kubeconfig file (default: KUBECONFIG, else ~/.kube/config, else in-cluster).",
        HelpName = "FILE",
    };

    public Option<string> Format { get; } = FormatOption();

    /// <summary>kubectl's <c>--request-timeout</c>: how long one API request may go unanswered.</summary>
    public Option<string?> RequestTimeout { get; } = DurationOption(
        "--request-timeout",
        $"How long a single API request may go unanswered before the command gives up on it (default: {DurationText.Seconds(WatchOptions.DefaultRequestTimeout)}; kubectl's --request-timeout). E.g. 30s, 1m.");

    public static Option<string?> Timeout(string what) => DurationOption(
        "--timeout",
        $"How long the whole command may take, waiting for {what} included (default: policy deployment.rolloutTimeoutSeconds, 120s as the runbook; at most 24h). E.g. 120s, 2m.");

    /// <summary>The per-request limit for the adapter: --request-timeout, else the default.</summary>
    public TimeSpan RequestTimeoutOf(ParseResult parse) =>
        parse.GetValue(RequestTimeout) is { } text && Durations.TryParse(text, out var limit) ? limit : WatchOptions.DefaultRequestTimeout;

    private static Option<string?> DurationOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "DURATION",
        Validators =
        {
            result =>
            {
                var value = result.GetValueOrDefault<string?>();
                if (value is not null && !Durations.TryParse(value, out _))
                {
                    result.AddError($"{name} '{Echo.Of(value)}': expected {Durations.ExpectedForm}.");
                }
            },
        },
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Workload);
        command.Options.Add(Namespace);
        command.Options.Add(Context);
        command.Options.Add(Kubeconfig);
        command.Options.Add(Format);
        command.Options.Add(RequestTimeout);
    }

    private static Option<string> FormatOption()
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output format: text or json.",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => "text",
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not ("text" or "json"))
            {
                result.AddError($"--format '{Echo.Of(value)}': expected text or json.");
            }
        });
        return option;
    }
}
