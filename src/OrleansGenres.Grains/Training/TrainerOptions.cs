namespace OrleansGenres.Grains.Training;

/// <summary>How this silo's trainer runs and reports jobs (configuration section <c>Training</c>).</summary>
public sealed record TrainerOptions
{
    /// <summary>Names this trainer in job documents (default: host name + process id).</summary>
    public string TrainerId { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>
    /// Local scratch space: <c>jobs/</c> (a running job's files, rebuilt from the store on every start),
    /// <c>datasets/</c> (materialised dataset versions) and <c>features/</c> (the log-mel cache).
    /// </summary>
    public required string WorkDirectory { get; init; }

    /// <summary>How often progress is sent to the job grain (and a cancel request noticed).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(2);

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

        if (ProgressInterval <= TimeSpan.Zero)
        {
            errors.Add("Training:ProgressInterval must be positive");
        }

        return errors;
    }
}
