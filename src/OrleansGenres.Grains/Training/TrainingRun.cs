using Microsoft.Extensions.Logging;
using OrleansGenres.Abstractions.Training;
using OrleansGenres.Ml.Training;

namespace OrleansGenres.Grains.Training;

/// <summary>
/// The trainer's side of one run of a job: tells the job grain it starts, sends the latest progress every
/// <see cref="TrainerOptions.ProgressInterval"/> and each finished epoch, and trips <see cref="Stopping"/> when the grain
/// answers that the job was cancelled or that the run is no longer this trainer's.
/// </summary>
public sealed partial class TrainingRun : IAsyncDisposable
{
    private readonly ITrainingJobGrain _grain;
    private readonly TrainerOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _disposed = new();
    private Task _loop = Task.CompletedTask;
    private TrainingJobProgress? _latest;
    private int _reason;

    public TrainingRun(ITrainingJobGrain grain, TrainingRequest request, TrainerOptions options, TimeProvider clock, ILogger logger)
    {
        _grain = grain;
        Request = request;
        _options = options;
        _clock = clock;
        _logger = logger;
    }

    public TrainingRequest Request { get; }

    /// <summary>Cancelled when the run must stop at the next step boundary; <see cref="Reason"/> says why.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary><see cref="TrainingDirective.Continue"/> while the run goes on; otherwise what the job grain answered.</summary>
    public TrainingDirective Reason => (TrainingDirective)Volatile.Read(ref _reason);

    /// <summary>
    /// Tells the job grain this trainer starts, resuming after <paramref name="resumedAfterEpoch"/>; false when the grain
    /// no longer wants the run (cancelled, ended, or handed to another trainer meanwhile).
    /// </summary>
    public async Task<bool> StartAsync(int resumedAfterEpoch)
    {
        Obey(await _grain.StartedAsync(Request.Attempt, _options.TrainerId, resumedAfterEpoch).ConfigureAwait(false));
        if (Reason != TrainingDirective.Continue)
        {
            return false;
        }

        _loop = Task.Run(LoopAsync);
        return true;
    }

    /// <summary>Keeps only the latest report: it goes to the job grain on the next beat.</summary>
    public void Report(TrainingJobProgress progress) => Volatile.Write(ref _latest, progress);

    /// <summary>An epoch and its checkpoint are stored: the job grain records them (and may answer stop).</summary>
    public async Task EpochCompletedAsync(TrainingState state, TrainingJobCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(state);
        TrainingEpoch[] history = [.. state.History.Select(e => new TrainingEpoch(
            e.Epoch, e.TrainLoss, e.TrainMetric, e.ValidationLoss, e.ValidationMetric, e.LearningRate, e.Seconds, e.WindowsPerSecond))];
        Obey(await _grain.EpochCompletedAsync(Request.Attempt, history, checkpoint, state.TrainingSeconds).ConfigureAwait(false));
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _disposed.Dispose();
        _stopping.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_disposed.IsCancellationRequested && Reason == TrainingDirective.Continue)
        {
            try
            {
                await Task.Delay(_options.ProgressInterval, _clock, _disposed.Token).ConfigureAwait(false);
                var progress = Interlocked.Exchange(ref _latest, null);
                Obey(await _grain.ReportProgressAsync(Request.Attempt, progress).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The job grain's silo is going away: the next beat reaches its new activation.
                LogBeatFailed(_logger, e, Request.Tenant, Request.JobId);
            }
        }
    }

    private void Obey(TrainingDirective directive)
    {
        if (directive != TrainingDirective.Continue
            && Interlocked.CompareExchange(ref _reason, (int)directive, (int)TrainingDirective.Continue) == (int)TrainingDirective.Continue)
        {
            LogStopping(_logger, Request.Tenant, Request.JobId, directive);
            _stopping.Cancel();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training job {Tenant}/{JobId}: reporting progress failed, retrying")]
    private static partial void LogBeatFailed(ILogger logger, Exception exception, string tenant, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {Tenant}/{JobId}: stopping ({Directive})")]
    private static partial void LogStopping(ILogger logger, string tenant, string jobId, TrainingDirective directive);
}
