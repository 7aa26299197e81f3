namespace Hotfix.TestSupport;

/// <summary>
/// A clock that always says the same time, in the time zone of the offset it was given (so "today" and local times
/// come out as the test wrote them). Timers run on the system's.
/// </summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.CreateCustomTimeZone("fixed", now.Offset, "fixed", "fixed");

    /// <summary>The fixed time, with its offset.</summary>
    public DateTimeOffset Now => now;

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => zone;
}
