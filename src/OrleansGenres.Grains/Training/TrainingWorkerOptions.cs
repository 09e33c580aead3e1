using Leases = OrleansGenres.Storage.LeaseDuration;

namespace OrleansGenres.Grains.Training;

/// <summary>How a trainer takes, holds and reports jobs (configuration section <c>Training</c>).</summary>
public sealed record TrainingWorkerOptions
{
    /// <summary>Names this trainer in job documents (default: host name + process id).</summary>
    public string TrainerId { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>
    /// Local scratch space: <c>jobs/</c> (a running job's files, rebuilt from the store on every start),
    /// <c>datasets/</c> (materialised dataset versions) and <c>features/</c> (the log-mel cache).
    /// </summary>
    public required string WorkDirectory { get; init; }

    /// <summary>
    /// The job's lease, and how long its queue message stays hidden: renewed every third of it while the job runs, so a
    /// dead trainer's job is taken over by another within about twice this.
    /// </summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often progress is written to the job document (and a cancel request noticed).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Wait between polls of an empty queue.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Starts after which a job failing on a transient fault (storage, I/O) is marked Failed.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>First wait before retrying after a transient fault; doubles per attempt.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(TrainerId))
        {
            errors.Add("Training:TrainerId must not be empty");
        }

        if (string.IsNullOrWhiteSpace(WorkDirectory))
        {
            errors.Add("Training:WorkPath must name a folder");
        }

        if (LeaseDuration < Leases.Min || LeaseDuration > Leases.Max || LeaseDuration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            errors.Add($"Training:LeaseDuration must be whole seconds, {Leases.Min.TotalSeconds:0}-{Leases.Max.TotalSeconds:0} (what blob leases allow)");
        }

        if (ProgressInterval <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero || RetryDelay < TimeSpan.Zero)
        {
            errors.Add("Training:ProgressInterval and Training:PollInterval must be positive, Training:RetryDelay not negative");
        }

        if (MaxAttempts is < 1 or > 100)
        {
            errors.Add("Training:MaxAttempts must be 1-100");
        }

        return errors;
    }
}
