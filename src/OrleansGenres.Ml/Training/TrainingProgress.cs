namespace OrleansGenres.Ml.Training;

/// <summary>Live progress for a terminal or a job status: where the run is, how it goes, how fast, how long still.</summary>
public sealed record TrainingProgress(
    int Epoch,
    int Epochs,
    long WindowsDone,
    long WindowsPerEpoch,
    double Loss,
    double Metric,
    double WindowsPerSecond,
    TimeSpan Remaining,
    EpochRecord? Completed = null);
