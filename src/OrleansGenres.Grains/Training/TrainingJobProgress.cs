namespace OrleansGenres.Grains.Training;

/// <summary>
/// Where a running job is, as its trainer last reported (every few seconds). <see cref="Phase"/> is <c>preparing</c>
/// (dataset and log-mel features: <see cref="TracksPrepared"/> of <see cref="TracksToPrepare"/>), <c>training</c>
/// (step = batches done in the epoch; loss and metric averaged over the epoch so far; throughput; estimated seconds to
/// the last epoch's end) or <c>evaluating</c> (test split, report, registration).
/// </summary>
public sealed record TrainingJobProgress(
    string Phase,
    DateTimeOffset ReportedAt,
    int Epoch = 0,
    int Epochs = 0,
    int Step = 0,
    int StepsPerEpoch = 0,
    long WindowsDone = 0,
    long WindowsPerEpoch = 0,
    double Loss = 0,
    double Metric = 0,
    double WindowsPerSecond = 0,
    double EtaSeconds = 0,
    int TracksPrepared = 0,
    int TracksToPrepare = 0)
{
    public const string Preparing = "preparing";
    public const string Training = "training";
    public const string Evaluating = "evaluating";
}
