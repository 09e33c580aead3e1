namespace OrleansGenres.Grains.Lifecycle;

/// <summary>
/// One pending "try again later" of a grain: scheduling replaces the pending one, and the action runs once, in a grain
/// turn. <see cref="Doubling"/> is the back-off both track and job grains use while every worker is busy.
/// </summary>
public sealed class RetryTimer(Grain grain)
{
    private IGrainTimer? _timer;

    public void Schedule(TimeSpan delay, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Stop();
        _timer = grain.RegisterGrainTimer(async _ =>
        {
            Stop();
            await action();
        }, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
    }

    public void Stop()
    {
        _timer?.Dispose();
        _timer = null;
    }

    /// <summary><paramref name="first"/> doubled for each earlier try (<paramref name="tries"/> counts from 1), at most <paramref name="max"/>.</summary>
    public static TimeSpan Doubling(TimeSpan first, int tries, TimeSpan max) =>
        TimeSpan.FromTicks(Math.Min(first.Ticks << Math.Clamp(tries - 1, 0, 10), max.Ticks));
}
