namespace OrleansGenres.Abstractions.Tracks;

/// <summary>What an upload did: created a new track, or found the same bytes already uploaded (an idempotent retry).</summary>
[GenerateSerializer, Immutable, Alias("genres.upload-outcome")]
public sealed record UploadOutcome([property: Id(0)] TrackState State, [property: Id(1)] bool Created);
