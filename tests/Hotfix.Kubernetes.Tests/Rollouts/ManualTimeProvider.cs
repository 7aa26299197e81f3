namespace Hotfix.Kubernetes.Tests.Rollouts;

/// <summary>Time that moves only when a test says so: timers fire in <see cref="Advance"/>, never on their own.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly List<ManualTimer> timers = [];
    private long ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        Interlocked.Add(ref ticks, by.Ticks);
        List<ManualTimer> due;
        lock (timers)
        {
            due = timers.Where(t => t.DueAt <= ticks).ToList();
            timers.RemoveAll(due.Contains);
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private void Schedule(ManualTimer timer, bool active)
    {
        lock (timers)
        {
            timers.Remove(timer);
            if (active)
            {
                timers.Add(timer);
            }
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public long DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            // One-shot is all CancellationTokenSource needs; a period is not supported here.
            var active = dueTime != Timeout.InfiniteTimeSpan;
            DueAt = owner.GetTimestamp() + (active ? dueTime.Ticks : 0);
            owner.Schedule(this, active);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Schedule(this, false);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
