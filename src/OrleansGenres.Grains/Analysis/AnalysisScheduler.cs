using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OrleansGenres.Abstractions.Analysis;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Abstractions.Tracks;
using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Pipeline;
using OrleansGenres.Abstractions.Models;
using OrleansGenres.Grains.Models;
using OrleansGenres.Grains.Telemetry;
using OrleansGenres.Grains.Tracks;
using OrleansGenres.Storage;

namespace OrleansGenres.Grains.Analysis;

/// <summary>
/// One analysis silo's work: a bounded waiting list of accepted requests (ids only) and
/// <see cref="AnalysisWorkerOptions.Concurrency"/> runners that take them in order. A runner tells the track grain it
/// starts (the grain may say the attempt is no longer wanted), analyses (decode → windows → mel → shared batched
/// inference), stores the timeline under the attempt's own key and reports the result; the grain decides whether it
/// stands. Runs outside any grain turn: grains orchestrate, this computes.
/// </summary>
public sealed partial class AnalysisScheduler(
    AnalysisWorkerOptions options,
    IGrainFactory grains,
    IObjectStore objects,
    IActiveModelProvider models,
    TrackAnalyzer analyzer,
    ScratchFolder scratch,
    GenresTelemetry telemetry,
    TimeProvider clock,
    ILogger<AnalysisScheduler> logger)
{
    private readonly Channel<AnalysisRequest> _waiting = Channel.CreateBounded<AnalysisRequest>(
        new BoundedChannelOptions(options.MaxWaiting) { FullMode = BoundedChannelFullMode.Wait });

    private volatile bool _stopping;

    /// <summary>Requests accepted and not yet started.</summary>
    public int Waiting => _waiting.Reader.Count;

    /// <summary>Takes the request if the waiting list has room and the silo is not stopping.</summary>
    public bool TryAccept(AnalysisRequest request) => !_stopping && _waiting.Writer.TryWrite(request);

    /// <summary>Runs the runners until <paramref name="stoppingToken"/> fires; then hands every unfinished request back.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        telemetry.ObserveAnalysisWaiting(() => Waiting);
        // From the moment the silo stops, offers are refused (busy): their track grains offer them elsewhere.
        using var refuseWhenStopping = stoppingToken.Register(() => _stopping = true);
        var runners = Enumerable.Range(0, options.Concurrency).Select(_ => RunnerAsync(stoppingToken)).ToArray();
        await Task.WhenAll(runners).ConfigureAwait(false);

        // Stopping (a deployment, not a failure): what waits here goes back to its track grains, which offer it again.
        while (_waiting.Reader.TryRead(out var request))
        {
            await GiveBackAsync(request).ConfigureAwait(false);
        }
    }

    private async Task RunnerAsync(CancellationToken stoppingToken)
    {
        while (await WaitToReadAsync(stoppingToken).ConfigureAwait(false))
        {
            if (!_waiting.Reader.TryRead(out var request))
            {
                continue; // another runner took it
            }

            try
            {
                await ProcessAsync(request, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping cut the analysis short (as a cancellation or as the fault it caused): not this track's fault.
                await GiveBackAsync(request).ConfigureAwait(false);
                return;
            }
            catch (Exception e)
            {
                LogUnexpected(e, request.Tenant, request.TrackId);
            }
        }
    }

    private async Task<bool> WaitToReadAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await _waiting.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>One request, start to finish; the outcome always reaches the track grain (unless it refused the attempt).</summary>
    private async Task ProcessAsync(AnalysisRequest request, CancellationToken stoppingToken)
    {
        if (!TenantId.IsValid(request.Tenant) || !TrackId.TryParse(request.TrackId, out var id))
        {
            return;
        }

        var tenant = new TenantId(request.Tenant);
        var track = grains.GetGrain<ITrackGrain>(TrackKey.Of(tenant, id));
        if (!await track.AnalysisStartedAsync(request.Attempt, options.WorkerId).ConfigureAwait(false))
        {
            return; // deleted, done already, or taken back from this silo
        }

        using var activity = StartActivity(request);
        try
        {
            var outcome = await AnalyzeAsync(track, tenant, id, request, stoppingToken).ConfigureAwait(false);
            telemetry.TracksAnalysed.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        }
        catch (Exception e) when (e is AudioDecodeException or EmptyWindowsException)
        {
            var kind = e is AudioDecodeException decode ? decode.Kind.ToString() : DecodeErrorKind.Empty.ToString();
            await track.AnalysisFailedAsync(request.Attempt, new TrackFailure(kind, e.Message, clock.GetUtcNow()), retry: false).ConfigureAwait(false);
            telemetry.TracksAnalysed.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogTransient(e, request.Tenant, request.TrackId);
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            await track.AnalysisFailedAsync(request.Attempt, new TrackFailure("Transient", e.Message, clock.GetUtcNow()), retry: true).ConfigureAwait(false);
        }
    }

    private async Task<string> AnalyzeAsync(ITrackGrain track, TenantId tenant, TrackId id, AnalysisRequest request, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var model = await models.GetActiveAsync(tenant, request.ModelVersion, cancellationToken).ConfigureAwait(false);
        var audio = await objects.GetAsync(TrackKeys.Audio(tenant, id), cancellationToken).ConfigureAwait(false)
            ?? throw new AudioDecodeException(DecodeErrorKind.NotFound, "The uploaded audio is no longer in storage.");
        var path = scratch.NewFile("analysis");
        try
        {
            await using (audio.ConfigureAwait(false))
            {
                await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                await audio.Content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            TrackAnalysisResult result;
            try
            {
                result = await analyzer.AnalyzeAsync(path, model, cancellationToken).ConfigureAwait(false);
            }
            catch (AudioDecodeException e) when (e.Message.Contains(path, StringComparison.Ordinal))
            {
                // The decoder names the file it read, a scratch path of this server: the client's message names their file.
                throw new AudioDecodeException(e.Kind, e.Message.Replace(path, request.FileName ?? "the upload", StringComparison.Ordinal));
            }

            var windowsKey = TrackKeys.Windows(tenant, id, request.Attempt);
            await objects.PutJsonAsync(windowsKey, new TrackWindows(id.Value, model.Version, model.Card.Labels, result.Prediction.Windows), ct: cancellationToken).ConfigureAwait(false);
            var seconds = stopwatch.Elapsed.TotalSeconds;
            var analysis = new TrackAnalysis(
                model.Card.Name,
                model.Version,
                [.. result.Prediction.Tags.Select(t => new TrackTag(t.Label, t.Score, t.Assigned))],
                result.Prediction.Aggregation.ToString(),
                result.DurationSeconds,
                result.Prediction.Windows.Count,
                started,
                clock.GetUtcNow(),
                seconds,
                seconds > 0 ? result.DurationSeconds / seconds : 0,
                options.WorkerId,
                request.Attempt,
                result.Prediction.SilentWindows);
            if (!await track.AnalysisCompletedAsync(request.Attempt, analysis).ConfigureAwait(false))
            {
                // Taken back meanwhile (this silo was thought gone): the other attempt's result is the one that stands.
                await objects.DeleteAsync(windowsKey, ct: CancellationToken.None).ConfigureAwait(false);
                return "superseded";
            }

            telemetry.AnalysisDuration.Record(seconds);
            telemetry.RealtimeFactor.Record(analysis.RealtimeFactor);
            return "completed";
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task GiveBackAsync(AnalysisRequest request)
    {
        if (!TenantId.IsValid(request.Tenant) || !TrackId.TryParse(request.TrackId, out var id))
        {
            return;
        }

        try
        {
            await grains.GetGrain<ITrackGrain>(TrackKey.Of(new TenantId(request.Tenant), id))
                .AnalysisFailedAsync(request.Attempt, new TrackFailure("Stopping", "The analysis silo is stopping.", clock.GetUtcNow()), retry: true, countAttempt: false)
                .ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The track's reminder notices this silo is gone and dispatches it again.
            LogGiveBackFailed(e, request.Tenant, request.TrackId);
        }
    }

    private Activity? StartActivity(AnalysisRequest request)
    {
        ActivityContext.TryParse(request.TraceParent, request.TraceState, isRemote: true, out var parent);
        var activity = telemetry.Source.StartActivity("analyze track", ActivityKind.Consumer, parent);
        activity?.SetTag("genres.tenant", request.Tenant);
        activity?.SetTag("genres.track", request.TrackId);
        return activity;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Analysis of {Tenant}/{Track} could not be reported")]
    private partial void LogUnexpected(Exception error, string tenant, string track);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analysis of {Tenant}/{Track} failed; it will be retried")]
    private partial void LogTransient(Exception error, string tenant, string track);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handing {Tenant}/{Track} back while stopping failed; its reminder will")]
    private partial void LogGiveBackFailed(Exception error, string tenant, string track);
}
