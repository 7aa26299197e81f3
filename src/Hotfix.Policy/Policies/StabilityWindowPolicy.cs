namespace Hotfix.Policy.Policies;

/// <summary>HOTFIX:POST_VERIFICATION: the stability window and its checkpoints.</summary>
public sealed class StabilityWindowPolicy
{
    /// <summary>"DURATION: 24-hour stability window after hotfix deploy".</summary>
    public int Hours { get; init; } = 24;

    /// <summary>Checkpoint name (h1, h4, h24: hours after deploy) → the checks due then.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<VerificationCheckPolicy>> Checkpoints { get; init; } =
        new Dictionary<string, IReadOnlyList<VerificationCheckPolicy>>
        {
            ["h1"] =
            [
                new() { Id = "error-rate", Check = "error rate returned to baseline" },
                new() { Id = "response-times", Check = "response times returned to baseline" },
                new() { Id = "error-patterns", Check = "no new error patterns in logs" },
                new() { Id = "clients", Check = "affected clients can use the system normally" },
            ],
            ["h4"] =
            [
                new() { Id = "no-recurrence", Check = "no recurrence of the issue" },
                new() { Id = "regression-suite", Check = "full regression suite results reviewed" },
            ],
            ["h24"] =
            [
                new() { Id = "side-effects", Check = "no delayed side effects" },
                new() { Id = "sustained-fix", Check = "monitoring confirms sustained fix" },
            ],
        };
}

/// <summary>One check of the stability window.</summary>
public sealed class VerificationCheckPolicy
{
    /// <summary>Short id used on the command line (<c>--check error-rate=pass</c>).</summary>
    public string Id { get; init; } = "";

    /// <summary>The check in the runbook's words.</summary>
    public string Check { get; init; } = "";

    /// <summary>
    /// A query of the metrics source (PromQL for <c>metrics.prometheus</c>) that returns one number; with it, the check
    /// can be measured instead of attested. Null: a person attests the check.
    /// </summary>
    public string? Query { get; init; }

    /// <summary>The check passes only when the measured value is at most this; null when there is no upper bound.</summary>
    public double? Max { get; init; }

    /// <summary>The check passes only when the measured value is at least this; null when there is no lower bound.</summary>
    public double? Min { get; init; }

    /// <summary>
    /// "Back to baseline": the check passes only when the value is at most this multiple of the same query averaged
    /// over the hour before the incident's first record (1.0: no worse than before; 1.2: within 20 %).
    /// </summary>
    public double? BaselineRatio { get; init; }
}
