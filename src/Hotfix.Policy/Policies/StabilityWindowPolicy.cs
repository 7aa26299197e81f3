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
}
