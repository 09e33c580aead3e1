namespace OrleansGenres.Ml.Training;

/// <summary>
/// One epoch's results. The metric is accuracy (single-label) or samples-F1 (multi-label): over training windows as
/// trained (dropout and SpecAugment on), and over validation tracks after aggregation.
/// </summary>
public sealed record EpochRecord(
    int Epoch,
    double TrainLoss,
    double TrainMetric,
    double ValidationLoss,
    double ValidationMetric,
    double LearningRate,
    double Seconds,
    double WindowsPerSecond);
