namespace OrleansGenres.Grains.Training;

/// <summary>How a training-job grain dispatches, retries and watches its job (configuration section <c>Training</c>).</summary>
public sealed record TrainingJobLifecycleOptions
{
    /// <summary>Starts (by a trainer) after which a job that never finished is Failed.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>First wait before resuming after a transient fault (storage, I/O); doubles per attempt.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>First wait before offering again when every trainer is busy (or none is up); doubles up to 30 s.</summary>
    public TimeSpan BusyRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often the reminder of an unfinished job looks at it: a run whose silo left the cluster, or whose trainer no
    /// longer holds it, is handed to another trainer. Orleans' reminders survive restarts, so this finds what a crash cut.
    /// </summary>
    public TimeSpan ReminderPeriod { get; init; } = TimeSpan.FromMinutes(1);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxAttempts is < 1 or > 100)
        {
            errors.Add("Training:MaxAttempts must be 1-100");
        }

        if (RetryDelay < TimeSpan.Zero || BusyRetryDelay <= TimeSpan.Zero)
        {
            errors.Add("Training:RetryDelay must not be negative and Training:BusyRetryDelay must be positive");
        }

        if (ReminderPeriod < TimeSpan.FromSeconds(1) || ReminderPeriod > TimeSpan.FromHours(1))
        {
            errors.Add("Training:ReminderPeriod must be between 1 s and 1 h");
        }

        return errors;
    }
}
