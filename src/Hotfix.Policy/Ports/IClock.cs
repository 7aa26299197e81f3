namespace Hotfix.Policy.Ports;

/// <summary>Time comes through this port so the core stays deterministic and testable.</summary>
internal interface IClock
{
    DateTimeOffset Now { get; }
}

/// <summary>A clock that always says the same time (tests, replays, dry runs).</summary>
internal sealed class FixedClock(DateTimeOffset now) : IClock
{
    public DateTimeOffset Now { get; } = now;
}
