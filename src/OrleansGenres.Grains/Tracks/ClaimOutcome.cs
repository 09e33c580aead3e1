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

    /// <summary>Another worker holds a live claim: look again once it lapses (<see cref="ClaimResult.ClaimedUntil"/>).</summary>
    ClaimedElsewhere,

    /// <summary>Claimed and abandoned too often (each attempt crashed or timed out): the track should be given up.</summary>
    OutOfAttempts,
}

/// <summary>The outcome of a claim, with when a foreign claim lapses and how many attempts the track has had.</summary>
public sealed record ClaimResult(ClaimOutcome Outcome, DateTimeOffset? ClaimedUntil = null, int Attempts = 0);
