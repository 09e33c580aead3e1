using OrleansGenres.Ml.Inference;

namespace OrleansGenres.Grains.Tracks;

/// <summary>
/// The one state document of a <see cref="TrackGrain"/> (<see cref="TrackKeys.State"/>), written with ETag conditions
/// after every change so two writers can never both win.
/// </summary>
public sealed record TrackState
{
    public required string Tenant { get; init; }

    public required string TrackId { get; init; }

    public TrackStatus Status { get; init; }

    /// <summary>The upload's file name as the client gave it (shown, never used in a path).</summary>
    public string? FileName { get; init; }

    public string? ContentType { get; init; }

    public long SizeBytes { get; init; }

    public required string ContentSha256 { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the track was last queued for analysis.</summary>
    public DateTimeOffset QueuedAt { get; init; }

    /// <summary>The model version the latest analysis request asked for.</summary>
    public string? RequestedModelVersion { get; init; }

    /// <summary>Who is analysing the track now and until when the claim holds (it lapses if that worker dies).</summary>
    public AnalysisClaim? Claim { get; init; }

    /// <summary>Analysis attempts since the track was last queued.</summary>
    public int Attempts { get; init; }

    /// <summary>The latest completed analysis: tags, model, timings.</summary>
    public TrackAnalysis? Analysis { get; init; }

    public TrackFailure? Failure { get; init; }

    /// <summary>Every completed analysis, oldest first: which model version, which worker, when.</summary>
    public IReadOnlyList<AnalysisRecord> History { get; init; } = [];
}

/// <summary>A worker's claim on a track being analysed.</summary>
public sealed record AnalysisClaim(string Worker, string ModelVersion, DateTimeOffset Until);

/// <summary>A completed analysis.</summary>
public sealed record TrackAnalysis(
    string ModelName,
    string ModelVersion,
    IReadOnlyList<TagScore> Tags,
    Aggregation Aggregation,
    double DurationSeconds,
    int WindowCount,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    double AnalysisSeconds,
    double RealtimeFactor,
    string Worker);

/// <summary>Why a track failed, in words a person can act on; <see cref="Kind"/> is stable for programs.</summary>
public sealed record TrackFailure(string Kind, string Message, DateTimeOffset At);

/// <summary>One line of a track's analysis history.</summary>
public sealed record AnalysisRecord(string ModelVersion, string Worker, DateTimeOffset StartedAt, DateTimeOffset CompletedAt);
