using Microsoft.Extensions.Logging;
using OrleansGenres.Storage;

namespace OrleansGenres.Grains.Training;

/// <summary>
/// Runs beside a job while its trainer trains: renews the job's lease and hides its queue message again every third of
/// the lease, writes the latest progress to the job document every <see cref="TrainingWorkerOptions.ProgressInterval"/>,
/// and trips <see cref="Stopping"/> when the job must stop early — a client asked to cancel it, or the lease is lost.
/// </summary>
public sealed partial class TrainingJobHeartbeat : IAsyncDisposable
{
    private readonly TrainingJobGrain _grain;
    private readonly IObjectStore _objects;
    private readonly IWorkQueue _queue;
    private readonly ObjectLease _lease;
    private readonly TrainingWorkerOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _disposed = new();
    private readonly Task _loop;
    private TrainingJobProgress? _latest;
    private QueueMessage _message;
    private int _reason;

    public TrainingJobHeartbeat(
        TrainingJobGrain grain, IObjectStore objects, IWorkQueue queue, ObjectLease lease, QueueMessage message,
        TrainingWorkerOptions options, TimeProvider clock, ILogger logger)
    {
        _grain = grain;
        _objects = objects;
        _queue = queue;
        _lease = lease;
        _message = message;
        _options = options;
        _clock = clock;
        _logger = logger;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Cancelled when the job must stop at the next step boundary; <see cref="Reason"/> says why.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public TrainingJobStopReason Reason => (TrainingJobStopReason)Volatile.Read(ref _reason);

    /// <summary>The job's queue message with its latest receipt (each extension issues a new one).</summary>
    public QueueMessage Message => Volatile.Read(ref _message);

    /// <summary>Keeps only the latest report: the job document is written with it on the next beat.</summary>
    public void Report(TrainingJobProgress progress) => Volatile.Write(ref _latest, progress);

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _disposed.Dispose();
        _stopping.Dispose();
    }

    private async Task LoopAsync()
    {
        var renewEvery = _options.LeaseDuration / 3;
        var beat = renewEvery < _options.ProgressInterval ? renewEvery : _options.ProgressInterval;
        var lastRenewal = _clock.GetTimestamp();
        while (!_disposed.IsCancellationRequested && Reason == TrainingJobStopReason.None)
        {
            try
            {
                await Task.Delay(beat, _clock, _disposed.Token).ConfigureAwait(false);
                if (_clock.GetElapsedTime(lastRenewal) >= renewEvery)
                {
                    await RenewAsync().ConfigureAwait(false);
                    lastRenewal = _clock.GetTimestamp();
                }

                if (Reason == TrainingJobStopReason.None)
                {
                    await ReportAsync().ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A storage hiccup: the lease has two more renewals' worth of slack; try again on the next beat.
                LogBeatFailed(_logger, e, _grain.Tenant.Value, _grain.Id.Value);
            }
        }
    }

    private async Task RenewAsync()
    {
        try
        {
            await _objects.RenewLeaseAsync(_lease, _disposed.Token).ConfigureAwait(false);
        }
        catch (LeaseLostException)
        {
            Stop(TrainingJobStopReason.LeaseLost);
            return;
        }

        try
        {
            Volatile.Write(ref _message, await _queue.ExtendAsync(Message, _options.LeaseDuration, _disposed.Token).ConfigureAwait(false));
        }
        catch (MessageLostException)
        {
            // The message reappeared and another trainer holds it now; the lease, still ours, is what says who runs the
            // job. That trainer re-hides it and, once the job is final, completes it.
        }
    }

    private async Task ReportAsync()
    {
        var progress = Interlocked.Exchange(ref _latest, null);
        var job = progress is null
            ? await _grain.GetAsync(_disposed.Token).ConfigureAwait(false)
            : await _grain.ReportProgressAsync(_options.TrainerId, progress, _disposed.Token).ConfigureAwait(false);
        if (job is null || job.IsFinal || job.Trainer != _options.TrainerId)
        {
            Stop(TrainingJobStopReason.LeaseLost);
        }
        else if (job.CancelRequested)
        {
            Stop(TrainingJobStopReason.CancelRequested);
        }
    }

    private void Stop(TrainingJobStopReason reason)
    {
        if (Interlocked.CompareExchange(ref _reason, (int)reason, (int)TrainingJobStopReason.None) == (int)TrainingJobStopReason.None)
        {
            LogStopping(_logger, _grain.Tenant.Value, _grain.Id.Value, reason);
            _stopping.Cancel();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training job {Tenant}/{JobId}: heartbeat failed, retrying")]
    private static partial void LogBeatFailed(ILogger logger, Exception exception, string tenant, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {Tenant}/{JobId}: stopping ({Reason})")]
    private static partial void LogStopping(ILogger logger, string tenant, string jobId, TrainingJobStopReason reason);
}
