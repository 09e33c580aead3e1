using OrleansGenres.Grains.Training;

namespace OrleansGenres.Host.Configuration;

/// <summary>
/// Configuration section <c>Training</c>: the trainer of a <c>training</c> silo (<see cref="TrainerOptions"/>) and how
/// every training-job grain dispatches and watches its job (<see cref="TrainingJobLifecycleOptions"/>).
/// </summary>
public sealed class TrainingRoleSettings
{
    public string? TrainerId { get; set; }

    /// <summary>
    /// Local scratch folder for running jobs (<c>jobs/</c>), materialised datasets and the feature cache. The default is
    /// the comparisons' folder too, so a node with both roles materialises and featurises a dataset version once.
    /// </summary>
    public string WorkPath { get; set; } = Path.Combine(Path.GetTempPath(), "orleans-genres-work");

    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int MaxAttempts { get; set; } = 3;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan BusyRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    public TrainerOptions ToTrainerOptions()
    {
        var defaults = new TrainerOptions { WorkDirectory = WorkPath };
        return defaults with
        {
            TrainerId = string.IsNullOrWhiteSpace(TrainerId) ? defaults.TrainerId : TrainerId,
            WorkDirectory = string.IsNullOrWhiteSpace(WorkPath) ? "" : Path.GetFullPath(WorkPath),
            ProgressInterval = ProgressInterval,
        };
    }

    public TrainingJobLifecycleOptions ToLifecycleOptions() => new()
    {
        MaxAttempts = MaxAttempts,
        RetryDelay = RetryDelay,
        BusyRetryDelay = BusyRetryDelay,
        ReminderPeriod = ReminderPeriod,
    };

    public IEnumerable<string> Validate() => [.. ToTrainerOptions().Validate(), .. ToLifecycleOptions().Validate()];
}
