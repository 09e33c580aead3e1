using OrleansGenres.Abstractions.Models;

namespace OrleansGenres.Grains.Models;

/// <summary>How fast a <see cref="ModelRegistryGrain"/> queues tracks again after an activation (configuration section <c>Models</c>).</summary>
public sealed record RetagOptions
{
    /// <summary>Tracks queued again per second at most.</summary>
    public double PerSecond { get; init; } = 20;

    /// <summary>The re-tag waits while this many of the tenant's tracks are queued, so uploads keep flowing.</summary>
    public int MaxQueued { get; init; } = 50;

    /// <summary>Tracks handled per timer tick, between two cursor writes (the tick period is BatchSize / PerSecond).</summary>
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

        if (BatchSize is < 1 or > 1000)
        {
            yield return "Models:RetagBatchSize must be 1-1000";
        }
    }
}
