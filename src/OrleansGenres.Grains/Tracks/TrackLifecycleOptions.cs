namespace OrleansGenres.Grains.Tracks;

/// <summary>How a track grain retries and watches its analysis (configuration section <c>Analysis</c>).</summary>
public sealed record TrackLifecycleOptions
{
    /// <summary>Attempts (started analyses that never finished) after which the track is Failed (<c>GaveUp</c>).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>First retry delay after a failed attempt; doubles per attempt.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>First wait before offering again when every analysis silo is busy (or none is up); doubles up to 30 s.</summary>
    public TimeSpan BusyRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often the reminder of a track that waits or is being analysed looks at it: re-dispatches one whose silo left
    /// the cluster. Orleans' reminders survive restarts, so this is what finds work a crash interrupted.
    /// </summary>
    public TimeSpan ReminderPeriod { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>A started attempt still running after this long is taken as lost and dispatched again.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(30);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxAttempts is < 1 or > 100)
        {
            errors.Add("Analysis:MaxAttempts must be 1-100");
        }

        if (RetryDelay < TimeSpan.Zero || BusyRetryDelay <= TimeSpan.Zero)
        {
            errors.Add("Analysis:RetryDelay must not be negative and Analysis:BusyRetryDelay must be positive");
        }

        if (ReminderPeriod < TimeSpan.FromSeconds(1) || ReminderPeriod > TimeSpan.FromHours(1))
        {
            errors.Add("Analysis:ReminderPeriod must be between 1 s and 1 h");
        }

        if (AttemptTimeout < TimeSpan.FromSeconds(10))
        {
            errors.Add("Analysis:AttemptTimeout must be at least 10 s");
        }

        return errors;
    }
}
