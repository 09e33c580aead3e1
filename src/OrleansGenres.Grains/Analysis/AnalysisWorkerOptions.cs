namespace OrleansGenres.Grains.Analysis;

/// <summary>How an analysis worker pulls and retries work (configuration section <c>Analysis</c>).</summary>
public sealed record AnalysisWorkerOptions
{
    /// <summary>Names this worker in claims and history (default: host name + process id).</summary>
    public string WorkerId { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Tracks analysed at once; their windows share inference batches.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>How long a received message (and the track's claim) stays hidden; renewed while the analysis runs.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Deliveries after which a message is moved to the poison queue and its track marked Failed.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>First retry delay after a transient fault; doubles per attempt.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(WorkerId))
        {
            errors.Add("Analysis:WorkerId must not be empty");
        }

        if (Concurrency is < 1 or > 32)
        {
            errors.Add("Analysis:Concurrency must be 1-32");
        }

        if (VisibilityTimeout < TimeSpan.FromSeconds(3) || VisibilityTimeout > TimeSpan.FromHours(1))
        {
            errors.Add("Analysis:VisibilityTimeout must be between 3 s and 1 h");
        }

        if (MaxAttempts is < 1 or > 100)
        {
            errors.Add("Analysis:MaxAttempts must be 1-100");
        }

        if (RetryDelay < TimeSpan.Zero || MaxPollInterval <= TimeSpan.Zero)
        {
            errors.Add("Analysis:RetryDelay must not be negative and Analysis:MaxPollInterval must be positive");
        }

        return errors;
    }
}
