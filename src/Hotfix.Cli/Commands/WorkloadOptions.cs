using System.CommandLine;
using Hotfix.Cli.Infrastructure;
using Hotfix.Policy.Workloads;

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
        Description = "Namespace (default: policy deployment.namespace, else the kubeconfig context's, else 'default').",
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

    public static Option<string?> Timeout(string what) => new("--timeout")
    {
        Description = $"How long to wait for {what} (default: policy deployment.rolloutTimeoutSeconds, 120s as the runbook). E.g. 120s, 2m.",
        HelpName = "DURATION",
        Validators =
        {
            result =>
            {
                var value = result.GetValueOrDefault<string?>();
                if (value is not null && !Durations.TryParse(value, out _))
                {
                    result.AddError($"--timeout '{value}': expected {Durations.ExpectedForm}.");
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
                result.AddError($"--format '{value}': expected text or json.");
            }
        });
        return option;
    }
}
