using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Pipeline;
using OrleansGenres.Grains.Models;
using OrleansGenres.Grains.Telemetry;
using OrleansGenres.Grains.Tenancy;
using OrleansGenres.Grains.Tracks;
using OrleansGenres.Storage;

namespace OrleansGenres.Grains.Analysis;

/// <summary>
/// A stateless analysis worker: receives <see cref="AnalyzeTrackMessage"/>s, claims each track through its
/// <see cref="TrackGrain"/>, analyses it (several at once, windows batched across tracks), stores the result and only
/// then completes the message — so a worker that dies mid-track loses nothing: the message reappears after its
/// visibility timeout, the claim lapses with it, and the next worker starts over.
/// </summary>
public sealed partial class AnalysisWorker(
    AnalysisWorkerOptions options,
    IStorageProvider storage,
    TrackGrains tracks,
    IActiveModelProvider models,
    TrackAnalyzer analyzer,
    GenresTelemetry telemetry,
    ILogger<AnalysisWorker> logger)
{
    private readonly IWorkQueue _queue = storage.GetQueue(AnalysisQueues.Analyze);
    private readonly IWorkQueue _poison = storage.GetQueue(AnalysisQueues.Poison);
    private readonly TimeProvider _clock = tracks.Services.Clock;

    /// <summary>Pulls and analyses until <paramref name="stoppingToken"/> fires, then lets running analyses finish or give back.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.Concurrency);
        var running = new HashSet<Task>();
        var idle = TimeSpan.FromMilliseconds(20);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                var free = 1;
                while (free < QueueLimits.MaxMessagesPerReceive && slots.Wait(0))
                {
                    free++;
                }

                IReadOnlyList<QueueMessage> messages;
                try
                {
                    messages = await _queue.ReceiveAsync(free, options.VisibilityTimeout, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogReceiveFailed(e);
                    messages = [];
                }

                if (free > messages.Count)
                {
                    slots.Release(free - messages.Count);
                }

                if (messages.Count == 0)
                {
                    await Task.Delay(idle, stoppingToken).ConfigureAwait(false);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, options.MaxPollInterval.Ticks));
                    continue;
                }

                idle = TimeSpan.FromMilliseconds(20);
                foreach (var message in messages)
                {
                    var task = ProcessAndReleaseAsync(message, slots, stoppingToken);
                    lock (running)
                    {
                        running.Add(task);
                    }

                    _ = task.ContinueWith(t => { lock (running) { running.Remove(t); } }, TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        Task[] remaining;
        lock (running)
        {
            remaining = [.. running];
        }

        await Task.WhenAll(remaining).ConfigureAwait(false);
    }

    private async Task ProcessAndReleaseAsync(QueueMessage message, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await ProcessAsync(message, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the message reappears after its visibility timeout and another worker takes it.
        }
        catch (Exception e)
        {
            LogUnexpected(e, message.Id);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>One message, start to finish. Never throws for a bad message: it is settled or left to reappear.</summary>
    public async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!TryParse(message, out var request, out var tenant, out var trackId))
        {
            LogBadMessage(message.Id);
            await MoveToPoisonAsync(message, stoppingToken).ConfigureAwait(false);
            return;
        }

        using var activity = StartActivity(request);
        var grain = tracks.Get(tenant, trackId);
        if (message.DequeueCount > options.MaxAttempts * 10)
        {
            // Bouncing without ever being claimed (e.g. its state cannot be read): set it aside for a person.
            await GiveUpAsync(grain, message, message.DequeueCount - 1, stoppingToken).ConfigureAwait(false);
            return;
        }

        var model = await models.GetActiveAsync(tenant, request.ModelVersion, stoppingToken).ConfigureAwait(false);
        var claim = await grain.TryClaimAsync(options.WorkerId, model.Version, ClaimDuration, options.MaxAttempts, stoppingToken).ConfigureAwait(false);
        activity?.SetTag("genres.claim", claim.Outcome.ToString());
        switch (claim.Outcome)
        {
            case ClaimOutcome.Missing or ClaimOutcome.AlreadyDone:
                // Deleted, or done for this model already: this request is a duplicate.
                await CompleteQuietlyAsync(message, stoppingToken).ConfigureAwait(false);
                return;
            case ClaimOutcome.ClaimedElsewhere:
                // Someone is on it. This may be their own message back early, so never drop it: look again when
                // their claim lapses; by then it is done (and this completes) or they died (and this takes over).
                var wait = (claim.ClaimedUntil!.Value - _clock.GetUtcNow()) + TimeSpan.FromSeconds(1);
                await HideAsync(message, wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait).ConfigureAwait(false);
                return;
            case ClaimOutcome.OutOfAttempts:
                await GiveUpAsync(grain, message, claim.Attempts, stoppingToken).ConfigureAwait(false);
                return;
        }

        using var keepAlive = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var holder = new MessageHolder(message);
        var renewing = KeepAliveAsync(holder, grain, keepAlive.Token);
        try
        {
            var outcome = await AnalyzeAsync(grain, model, stoppingToken).ConfigureAwait(false);
            await StopAsync(keepAlive, renewing).ConfigureAwait(false);
            telemetry.TracksAnalysed.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
            await CompleteQuietlyAsync(holder.Message, stoppingToken).ConfigureAwait(false);
        }
        catch (AudioDecodeException e)
        {
            await StopAsync(keepAlive, renewing).ConfigureAwait(false);
            await grain.FailAsync(e.Kind.ToString(), e.Message, stoppingToken).ConfigureAwait(false);
            telemetry.TracksAnalysed.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            await CompleteQuietlyAsync(holder.Message, stoppingToken).ConfigureAwait(false);
        }
        catch (EmptyWindowsException e)
        {
            await StopAsync(keepAlive, renewing).ConfigureAwait(false);
            await grain.FailAsync(DecodeErrorKind.Empty.ToString(), e.Message, stoppingToken).ConfigureAwait(false);
            telemetry.TracksAnalysed.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            await CompleteQuietlyAsync(holder.Message, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await StopAsync(keepAlive, renewing).ConfigureAwait(false);
            var shuttingDown = stoppingToken.IsCancellationRequested;
            if (!shuttingDown)
            {
                LogTransient(e, tenant.Value, trackId.Value, message.DequeueCount);
            }

            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            // Give the track back (it reads Queued again) and let the message reappear: at once when this host is
            // stopping, after a growing delay for a fault.
            await grain.ReleaseClaimAsync(options.WorkerId, countAttempt: !shuttingDown, CancellationToken.None).ConfigureAwait(false);
            var delay = shuttingDown ? TimeSpan.Zero : TimeSpan.FromTicks(options.RetryDelay.Ticks * (1L << Math.Min(claim.Attempts - 1, 10)));
            await HideAsync(holder.Message, delay).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A claim lapses a second before the message reappears, so whoever receives a dead worker's message finds the
    /// track free to take.
    /// </summary>
    private TimeSpan ClaimDuration => options.VisibilityTimeout - TimeSpan.FromSeconds(1);

    private async Task HideAsync(QueueMessage message, TimeSpan delay)
    {
        try
        {
            await _queue.ExtendAsync(message, delay, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StorageException)
        {
            // Lost already: it reappears on its own.
        }
    }

    private async Task GiveUpAsync(TrackGrain grain, QueueMessage message, int attempts, CancellationToken cancellationToken)
    {
        await grain.FailAsync("GaveUp", $"Analysis was attempted {attempts} times without finishing; see the service's logs.", cancellationToken).ConfigureAwait(false);
        telemetry.TracksAnalysed.Add(1, new KeyValuePair<string, object?>("outcome", "gave_up"));
        await MoveToPoisonAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> AnalyzeAsync(TrackGrain grain, ActiveModel model, CancellationToken cancellationToken)
    {
        var started = _clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var audio = await tracks.Services.Objects.GetAsync(TrackKeys.Audio(grain.Tenant, grain.Id), cancellationToken).ConfigureAwait(false)
            ?? throw new AudioDecodeException(DecodeErrorKind.NotFound, "The uploaded audio is no longer in storage.");
        var path = Path.Combine(Path.GetTempPath(), $"genres-analysis-{Guid.NewGuid():N}");
        try
        {
            await using (audio.ConfigureAwait(false))
            {
                await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                await audio.Content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            var result = await analyzer.AnalyzeAsync(path, model, cancellationToken).ConfigureAwait(false);
            var seconds = stopwatch.Elapsed.TotalSeconds;
            var analysis = new TrackAnalysis(
                model.Card.Name,
                model.Version,
                result.Prediction.Tags,
                result.Prediction.Aggregation,
                result.DurationSeconds,
                result.Prediction.Windows.Count,
                started,
                _clock.GetUtcNow(),
                seconds,
                seconds > 0 ? result.DurationSeconds / seconds : 0,
                options.WorkerId);
            var windows = new TrackWindows(grain.Id.Value, model.Version, model.Card.Labels, result.Prediction.Windows);
            var stored = await grain.CompleteAsync(options.WorkerId, analysis, windows, cancellationToken).ConfigureAwait(false);
            telemetry.AnalysisDuration.Record(seconds);
            telemetry.RealtimeFactor.Record(analysis.RealtimeFactor);
            return stored ? "completed" : "superseded";
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Renews the message's invisibility and the track's claim at a third of the timeout while the analysis runs.</summary>
    private async Task KeepAliveAsync(MessageHolder holder, TrackGrain grain, CancellationToken cancellationToken)
    {
        var period = options.VisibilityTimeout / 3;
        try
        {
            while (true)
            {
                await Task.Delay(period, _clock, cancellationToken).ConfigureAwait(false);
                holder.Message = await _queue.ExtendAsync(holder.Message, options.VisibilityTimeout, cancellationToken).ConfigureAwait(false);
                await grain.ExtendClaimAsync(options.WorkerId, ClaimDuration, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (StorageException e)
        {
            LogKeepAliveFailed(e, holder.Message.Id);
        }
    }

    private static async Task StopAsync(CancellationTokenSource keepAlive, Task renewing)
    {
        await keepAlive.CancelAsync().ConfigureAwait(false);
        await renewing.ConfigureAwait(false);
    }

    private async Task CompleteQuietlyAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.CompleteAsync(message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (MessageLostException)
        {
            // It reappeared and someone else holds it now; they will find the work done and complete it.
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        await _poison.SendAsync(message.Body, ct: cancellationToken).ConfigureAwait(false);
        await CompleteQuietlyAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private Activity? StartActivity(AnalyzeTrackMessage request)
    {
        ActivityContext.TryParse(request.TraceParent, request.TraceState, isRemote: true, out var parent);
        var activity = telemetry.Source.StartActivity("analyze track", ActivityKind.Consumer, parent);
        activity?.SetTag("genres.tenant", request.Tenant);
        activity?.SetTag("genres.track", request.TrackId);
        activity?.SetTag("messaging.destination.name", AnalysisQueues.Analyze);
        return activity;
    }

    private static bool TryParse(QueueMessage message, out AnalyzeTrackMessage request, out TenantId tenant, out TrackId trackId)
    {
        request = null!;
        tenant = default;
        trackId = default;
        try
        {
            request = JsonSerializer.Deserialize<AnalyzeTrackMessage>(message.Body, StorageJson.Options)!;
        }
        catch (JsonException)
        {
            return false;
        }

        if (request is null || !TenantId.IsValid(request.Tenant) || !TrackId.TryParse(request.TrackId, out trackId))
        {
            return false;
        }

        tenant = new TenantId(request.Tenant);
        return true;
    }

    /// <summary>The message with its latest receipt (each extend issues a new one).</summary>
    private sealed class MessageHolder(QueueMessage message)
    {
        public QueueMessage Message { get; set; } = message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receiving from the analysis queue failed")]
    private partial void LogReceiveFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} could not be processed")]
    private partial void LogUnexpected(Exception error, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} is not an analysis request; moved to the poison queue")]
    private partial void LogBadMessage(string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analysis of {Tenant}/{Track} failed (attempt {Attempt}); it will be retried")]
    private partial void LogTransient(Exception error, string tenant, string track, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Keeping message {MessageId} hidden failed; another worker may take it over")]
    private partial void LogKeepAliveFailed(Exception error, string messageId);
}
