namespace OrleansGenres.Grains.Models;

/// <summary>
/// <c>retag/{tenant}/job.json</c>: re-queue the tenant's analysed tracks for <see cref="Version"/>. The cursor is the last
/// track id handled (the index lists ids in order), so a restarted re-tagger continues where the last one stopped. A newer
/// activation replaces the document (new <see cref="JobId"/>), which the running re-tagger notices on its next write.
/// </summary>
public sealed record RetagJob
{
    public required string JobId { get; init; }

    public required string Version { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public string? Cursor { get; init; }

    /// <summary>Every track has been looked at once; what is left are the <see cref="Deferred"/> ones.</summary>
    public bool Scanned { get; init; }

    /// <summary>Tracks queued again so far.</summary>
    public int Queued { get; init; }

    /// <summary>Tracks being analysed when their turn came: tried again after the pass.</summary>
    public IReadOnlyList<string> Deferred { get; init; } = [];

    public int DeferredRounds { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public bool Done => CompletedAt is not null;
}
