namespace OrleansGenres.Grains.Tracks;

/// <summary>Where a track is in its life: Queued → Analyzing → Completed | Failed (re-analysis queues it again).</summary>
public enum TrackStatus
{
    Queued,
    Analyzing,
    Completed,
    Failed,
}
