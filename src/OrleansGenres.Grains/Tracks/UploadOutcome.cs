namespace OrleansGenres.Grains.Tracks;

/// <summary>What an upload did: created a new track, or found the same bytes already uploaded (an idempotent retry).</summary>
public sealed record UploadOutcome(TrackState State, bool Created);
