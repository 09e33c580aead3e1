using OrleansGenres.Grains.Training;

namespace OrleansGenres.Host.Configuration;

/// <summary>Configuration section <c>Training</c>: the training role (see <see cref="TrainingWorkerOptions"/> for each setting).</summary>
public sealed class TrainingRoleSettings
{
    public string? TrainerId { get; set; }

    /// <summary>
    /// Local scratch folder for running jobs (<c>jobs/</c>), materialised datasets and the feature cache. The default is
    /// the comparisons' folder too, so a node with both roles materialises and featurises a dataset version once.
    /// </summary>
    public string WorkPath { get; set; } = Path.Combine(Path.GetTempPath(), "orleans-genres-work");

    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int MaxAttempts { get; set; } = 3;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TrainingWorkerOptions ToWorkerOptions()
    {
        var defaults = new TrainingWorkerOptions { WorkDirectory = WorkPath };
        return defaults with
        {
            TrainerId = string.IsNullOrWhiteSpace(TrainerId) ? defaults.TrainerId : TrainerId,
            WorkDirectory = string.IsNullOrWhiteSpace(WorkPath) ? "" : Path.GetFullPath(WorkPath),
            LeaseDuration = LeaseDuration,
            ProgressInterval = ProgressInterval,
            PollInterval = PollInterval,
            MaxAttempts = MaxAttempts,
            RetryDelay = RetryDelay,
        };
    }
}
