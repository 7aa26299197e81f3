namespace Hotfix.Cli.Tests.Reliability;

/// <summary>
/// Stands for the death of the process at a write. It is thrown only after the repository was copied as it was at that
/// instant (see <see cref="FaultInjectingPorts"/>), so whatever catch or finally blocks run while it unwinds act on the
/// original, never on the copy the rerun is tested on.
/// </summary>
internal sealed class SimulatedCrash(int step, string write) : Exception($"simulated process death before write {step} ({write})")
{
    public int Step { get; } = step;
}
