namespace OrleansGenres.Abstractions.Tracks;

/// <summary>
/// A track grain's persisted state (<c>[PersistentState]</c>, written after every change). The original audio and the
/// per-window timelines live in the blob store; this holds what the API shows and what the lifecycle needs. Immutable
/// (init-only, replaced with <c>with</c>), so Orleans passes it between grains on one silo without a deep copy.
/// </summary>
[GenerateSerializer, Immutable, Alias("genres.track-state")]
public sealed record TrackState
{
    [Id(0)] public string Tenant { get; init; } = "";

    [Id(1)] public string TrackId { get; init; } = "";

    [Id(2)] public TrackStatus Status { get; init; }

    /// <summary>The upload's file name as the client gave it (shown, never used in a path).</summary>
    [Id(3)] public string? FileName { get; init; }

    [Id(4)] public string? ContentType { get; init; }

    [Id(5)] public long SizeBytes { get; init; }

    [Id(6)] public string ContentSha256 { get; init; } = "";

    [Id(7)] public DateTimeOffset UploadedAt { get; init; }

    [Id(8)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the track was last queued for analysis.</summary>
    [Id(9)] public DateTimeOffset QueuedAt { get; init; }

    /// <summary>The model version the latest analysis request asked for.</summary>
    [Id(10)] public string? RequestedModelVersion { get; init; }

    /// <summary>The analysis handed to a worker (accepted, maybe started), or null while none is.</summary>
    [Id(11)] public AnalysisDispatch? Dispatch { get; init; }

    /// <summary>Analysis attempts (started by a worker) since the track was last queued.</summary>
    [Id(12)] public int Attempts { get; init; }

    /// <summary>The latest completed analysis: tags, model, timings.</summary>
    [Id(13)] public TrackAnalysis? Analysis { get; init; }

    [Id(14)] public TrackFailure? Failure { get; init; }

    /// <summary>Every completed analysis, oldest first: which model version, which worker, when.</summary>
    [Id(15)] public AnalysisRecord[] History { get; init; } = [];

    /// <summary>No dispatch before this time (the back-off after a failed attempt or a busy worker).</summary>
    [Id(16)] public DateTimeOffset? NotBefore { get; init; }

    /// <summary>
    /// Counts the state's writes. The index keeps the entry of the highest revision, so an index update from a stale
    /// activation (a duplicate left by a silo's death, whose own state write then fails its ETag) cannot undo a newer one.
    /// </summary>
    [Id(17)] public long Revision { get; init; }
}

/// <summary>
/// One analysis handed to a worker: the attempt id every callback must name (a stale worker's callback is refused), the
/// silo whose worker accepted it (watched through cluster membership) and, once the worker begins, when and who.
/// </summary>
[GenerateSerializer, Immutable, Alias("genres.analysis-dispatch")]
public sealed record AnalysisDispatch(
    [property: Id(0)] Guid Attempt,
    [property: Id(1)] string ModelVersion,
    [property: Id(2)] string Silo,
    [property: Id(3)] DateTimeOffset DispatchedAt,
    [property: Id(4)] DateTimeOffset? StartedAt = null,
    [property: Id(5)] string? Worker = null);

/// <summary>
/// A completed analysis. <see cref="Attempt"/> names the timeline blob it wrote; <see cref="SilentWindows"/> counts the
/// windows below the silence floor, which take no part in the tags (all of them: a silent track, no tags).
/// </summary>
[GenerateSerializer, Immutable, Alias("genres.track-analysis")]
public sealed record TrackAnalysis(
    [property: Id(0)] string ModelName,
    [property: Id(1)] string ModelVersion,
    [property: Id(2)] TrackTag[] Tags,
    [property: Id(3)] string Aggregation,
    [property: Id(4)] double DurationSeconds,
    [property: Id(5)] int WindowCount,
    [property: Id(6)] DateTimeOffset StartedAt,
    [property: Id(7)] DateTimeOffset CompletedAt,
    [property: Id(8)] double AnalysisSeconds,
    [property: Id(9)] double RealtimeFactor,
    [property: Id(10)] string Worker,
    [property: Id(11)] Guid Attempt,
    [property: Id(12)] int SilentWindows = 0);

/// <summary>One label's track score and whether the model assigns it.</summary>
[GenerateSerializer, Immutable, Alias("genres.track-tag")]
public sealed record TrackTag([property: Id(0)] string Label, [property: Id(1)] float Score, [property: Id(2)] bool Assigned);

/// <summary>Why a track failed, in words a person can act on; <see cref="Kind"/> is stable for programs.</summary>
[GenerateSerializer, Immutable, Alias("genres.track-failure")]
public sealed record TrackFailure([property: Id(0)] string Kind, [property: Id(1)] string Message, [property: Id(2)] DateTimeOffset At);

/// <summary>One line of a track's analysis history.</summary>
[GenerateSerializer, Immutable, Alias("genres.analysis-record")]
public sealed record AnalysisRecord(
    [property: Id(0)] string ModelVersion,
    [property: Id(1)] string Worker,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] DateTimeOffset CompletedAt);
