namespace OrleansGenres.Abstractions.Tracks;

/// <summary>Where a track is in its life: Queued → Analyzing → Completed | Failed (re-analysis queues it again).</summary>
[GenerateSerializer]
public enum TrackStatus
{
    Queued,
    Analyzing,
    Completed,
    Failed,
}
