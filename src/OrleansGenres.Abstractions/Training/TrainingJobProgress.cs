namespace OrleansGenres.Abstractions.Training;

/// <summary>
/// Where a running job is, as its trainer last reported (every few seconds). <see cref="Phase"/> is <c>preparing</c>
/// (dataset and log-mel features: <see cref="TracksPrepared"/> of <see cref="TracksToPrepare"/>), <c>training</c>
/// (step = batches done in the epoch; loss and metric averaged over the epoch so far; throughput; estimated seconds to
/// the last epoch's end) or <c>evaluating</c> (test split, report, registration).
/// </summary>
[GenerateSerializer, Immutable, Alias("genres.training-job-progress")]
public sealed record TrainingJobProgress(
    [property: Id(0)] string Phase,
    [property: Id(1)] DateTimeOffset ReportedAt,
    [property: Id(2)] int Epoch = 0,
    [property: Id(3)] int Epochs = 0,
    [property: Id(4)] int Step = 0,
    [property: Id(5)] int StepsPerEpoch = 0,
    [property: Id(6)] long WindowsDone = 0,
    [property: Id(7)] long WindowsPerEpoch = 0,
    [property: Id(8)] double Loss = 0,
    [property: Id(9)] double Metric = 0,
    [property: Id(10)] double WindowsPerSecond = 0,
    [property: Id(11)] double EtaSeconds = 0,
    [property: Id(12)] int TracksPrepared = 0,
    [property: Id(13)] int TracksToPrepare = 0)
{
    public const string Preparing = "preparing";
    public const string Training = "training";
    public const string Evaluating = "evaluating";
}
