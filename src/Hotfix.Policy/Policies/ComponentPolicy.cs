namespace Hotfix.Policy.Policies;

/// <summary>A deployable part of the system, recognised by path; drives scope checks and the DEPLOY checklist.</summary>
public sealed class ComponentPolicy
{
    /// <summary>The component's name, as the DEPLOY checklist shows it (e.g. admin-ui).</summary>
    public string Name { get; init; } = "";

    /// <summary>Path globs (see docs/policy.md) whose changes belong to this component.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>Container image rebuilt when the component changes.</summary>
    public string? Image { get; init; }

    /// <summary>The command that rebuilds the image ("bash …/build-executor.sh").</summary>
    public string? Rebuild { get; init; }

    /// <summary>The workload to restart and watch, as kind/name (e.g. deployment/admin-ui).</summary>
    public string? Workload { get; init; }
}
