namespace OrleansGenres.Grains.Models;

/// <summary>How fast the <see cref="Retagger"/> queues tracks again after an activation.</summary>
public sealed record RetagOptions
{
    /// <summary>Tracks queued again per second at most.</summary>
    public double PerSecond { get; init; } = 20;

    /// <summary>The re-tagger waits while the analysis queue holds this many messages, so uploads keep flowing.</summary>
    public int MaxQueued { get; init; } = 50;

    /// <summary>How often this process looks for re-tag jobs.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Track keys looked at between two cursor writes.</summary>
    public int BatchSize { get; init; } = 50;

    /// <summary>Rounds (a few seconds apart) for tracks that were being analysed when their turn came.</summary>
    public int MaxDeferredRounds { get; init; } = 20;

    public TimeSpan DeferredDelay { get; init; } = TimeSpan.FromSeconds(3);

    public IEnumerable<string> Validate()
    {
        if (PerSecond is <= 0 or > 10_000)
        {
            yield return "Models:RetagPerSecond must be above 0 and at most 10000";
        }

        if (MaxQueued < 1)
        {
            yield return "Models:RetagMaxQueued must be at least 1";
        }
    }
}
