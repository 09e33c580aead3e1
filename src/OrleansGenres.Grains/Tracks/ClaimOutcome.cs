namespace OrleansGenres.Grains.Tracks;

/// <summary>What a worker's attempt to claim a track for analysis found.</summary>
public enum ClaimOutcome
{
    /// <summary>The worker owns the analysis now.</summary>
    Claimed,

    /// <summary>The track was deleted: nothing to do.</summary>
    Missing,

    /// <summary>Already analysed with this model version, or failed for good: nothing to do (a duplicate request).</summary>
    AlreadyDone,

    /// <summary>Another worker holds a live claim: its own message will finish the work.</summary>
    ClaimedElsewhere,
}
