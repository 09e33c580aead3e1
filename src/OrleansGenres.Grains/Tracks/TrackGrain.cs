using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using OrleansGenres.Abstractions.Analysis;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Abstractions.Tracks;
using OrleansGenres.Grains.Lifecycle;
using OrleansGenres.Grains.Telemetry;
using OrleansGenres.Storage;

namespace OrleansGenres.Grains.Tracks;

/// <summary>
/// Owns one track's lifecycle (see <see cref="ITrackGrain"/>). Orleans runs one activation per track, so every decision
/// here is made with nobody racing it; the state is written after every change. The analysis is offered to an analysis
/// silo; while the track waits or is analysed a reminder looks at it every <see cref="TrackLifecycleOptions.ReminderPeriod"/>
/// and dispatches it again when the silo that took it has left the cluster (killed, restarted) — so nothing accepted is
/// lost — and each attempt is named, so a worker that was given up on can never add a second result.
/// </summary>
public sealed partial class TrackGrain(
    [PersistentState("track", GrainStorageNames.Tracks)] IPersistentState<TrackState> track,
    IObjectStore objects,
    IClusterMembershipService membership,
    TrackLifecycleOptions options,
    TimeProvider clock,
    GenresTelemetry telemetry,
    ILogger<TrackGrain> logger) : Grain, ITrackGrain, IRemindable
{
    private const string Watch = "analysis-watch";
    private static readonly TimeSpan MaxBusyDelay = TimeSpan.FromSeconds(30);

    private TenantId _tenant;
    private TrackId _id;
    private IGrainTimer? _indexTimer;
    private int _busyOffers;

    private TrackState State => track.State;

    private bool Exists => track.RecordExists;

    private RetryTimer? _retry;

    private RetryTimer Retry => _retry ??= new RetryTimer(this);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenant, _id) = TrackKey.Parse(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public Task<TrackState?> GetAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Exists ? State : null);

    public async Task<UploadOutcome> AcceptUploadAsync(TrackUploadInfo upload, string modelVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (Exists)
        {
            // The same bytes again (a retried upload): the track as it stands. Re-index it in case the first attempt
            // was interrupted between writing the state and indexing it.
            await TryIndexAsync();
            return new UploadOutcome(State, Created: false);
        }

        var now = clock.GetUtcNow();
        await SaveAsync(new TrackState
        {
            Tenant = _tenant.Value,
            TrackId = _id.Value,
            Status = TrackStatus.Queued,
            FileName = upload.FileName,
            ContentType = upload.ContentType,
            SizeBytes = upload.SizeBytes,
            ContentSha256 = upload.ContentSha256,
            UploadedAt = now,
            UpdatedAt = now,
            QueuedAt = now,
            RequestedModelVersion = modelVersion,
        });
        telemetry.TracksUploaded.Add(1);
        await WatchAsync();
        await DispatchAsync();
        return new UploadOutcome(State, Created: true);
    }

    public async Task<TrackState?> ReanalyzeAsync(string modelVersion, CancellationToken cancellationToken = default)
    {
        if (!Exists)
        {
            return null;
        }

        if (State.Status == TrackStatus.Analyzing
            || (State.Status == TrackStatus.Completed && State.Analysis?.ModelVersion == modelVersion))
        {
            return State;
        }

        if (State.Status == TrackStatus.Queued && State.Dispatch is not null)
        {
            // Already handed to a worker, which analyses with the tenant's active model when it starts.
            if (State.RequestedModelVersion != modelVersion)
            {
                await SaveAsync(State with { RequestedModelVersion = modelVersion });
            }

            return State;
        }

        await SaveAsync(State with
        {
            Status = TrackStatus.Queued,
            QueuedAt = clock.GetUtcNow(),
            RequestedModelVersion = modelVersion,
            Attempts = 0,
            Dispatch = null,
            Failure = null,
            NotBefore = null,
        });
        await WatchAsync();
        await DispatchAsync();
        return State;
    }

    public async Task<bool> DeleteAsync(CancellationToken cancellationToken = default)
    {
        if (!Exists)
        {
            return false;
        }

        var analysis = State.Analysis;
        // The state first: the track vanishes at once for readers, and a worker still on it finds nothing to report to.
        await track.ClearStateAsync(cancellationToken);
        await Index.RemoveAsync(_id.Value);
        await UnwatchAsync();
        StopRetryTimer();
        if (analysis is not null)
        {
            await objects.DeleteAsync(TrackKeys.Windows(_tenant, _id, analysis.Attempt), ct: cancellationToken);
        }

        await objects.DeleteAsync(TrackKeys.Audio(_tenant, _id), ct: cancellationToken);
        return true;
    }

    public async Task<bool> AnalysisStartedAsync(Guid attempt, string worker)
    {
        if (!IsCurrent(attempt) || State.Status != TrackStatus.Queued)
        {
            return false;
        }

        if (State.Attempts >= options.MaxAttempts)
        {
            await GiveUpAsync();
            return false;
        }

        var now = clock.GetUtcNow();
        await SaveAsync(State with
        {
            Status = TrackStatus.Analyzing,
            Attempts = State.Attempts + 1,
            Dispatch = State.Dispatch! with { StartedAt = now, Worker = worker },
        });
        return true;
    }

    public async Task<bool> AnalysisCompletedAsync(Guid attempt, TrackAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (!IsCurrent(attempt) || State.Status != TrackStatus.Analyzing)
        {
            return false;
        }

        var previous = State.Analysis;
        await SaveAsync(State with
        {
            Status = TrackStatus.Completed,
            Dispatch = null,
            Failure = null,
            NotBefore = null,
            Analysis = analysis,
            History = [.. State.History, new AnalysisRecord(analysis.ModelVersion, analysis.Worker, analysis.StartedAt, analysis.CompletedAt)],
        });
        await UnwatchAsync();
        if (previous is not null && previous.Attempt != attempt)
        {
            await objects.DeleteAsync(TrackKeys.Windows(_tenant, _id, previous.Attempt));
        }

        return true;
    }

    public async Task AnalysisFailedAsync(Guid attempt, TrackFailure failure, bool retry, bool countAttempt = true)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (!IsCurrent(attempt))
        {
            return;
        }

        if (!retry)
        {
            await FailAsync(failure);
            return;
        }

        var attempts = countAttempt || State.Status != TrackStatus.Analyzing ? State.Attempts : Math.Max(0, State.Attempts - 1);
        if (attempts >= options.MaxAttempts)
        {
            await GiveUpAsync();
            return;
        }

        var delay = countAttempt ? TimeSpan.FromTicks(options.RetryDelay.Ticks * (1L << Math.Clamp(attempts - 1, 0, 10))) : TimeSpan.Zero;
        LogRetry(_tenant.Value, _id.Value, attempts, delay.TotalSeconds, failure.Message);
        await SaveAsync(State with
        {
            Status = TrackStatus.Queued,
            Attempts = attempts,
            Dispatch = null,
            NotBefore = clock.GetUtcNow() + delay,
        });
        RetryIn(delay);
    }

    /// <summary>
    /// The watch: a track with nothing in flight is offered (again) once its back-off has passed; one whose silo has
    /// left the cluster, or whose attempt ran past <see cref="TrackLifecycleOptions.AttemptTimeout"/>, is taken back.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!Exists || State.Status is TrackStatus.Completed or TrackStatus.Failed)
        {
            // Still watched after settling: the silo died between writing the state and tidying up. Finish that.
            if (Exists)
            {
                await TryIndexAsync();
            }

            await UnwatchAsync();
            return;
        }

        if (State.Dispatch is { } dispatch && IsLost(dispatch))
        {
            LogTakenBack(_tenant.Value, _id.Value, dispatch.Silo, State.Status.ToString());
            if (State.Status == TrackStatus.Analyzing && State.Attempts >= options.MaxAttempts)
            {
                await GiveUpAsync();
                return;
            }

            await SaveAsync(State with { Status = TrackStatus.Queued, Dispatch = null });
        }

        if (State.Dispatch is null)
        {
            await DispatchAsync();
        }
    }

    private bool IsCurrent(Guid attempt) => Exists && State.Dispatch?.Attempt == attempt;

    private bool IsLost(AnalysisDispatch dispatch)
    {
        if (dispatch.StartedAt is { } started && clock.GetUtcNow() - started > options.AttemptTimeout)
        {
            return true;
        }

        return membership.HasLeft(dispatch.Silo);
    }

    /// <summary>
    /// Offers the analysis to an analysis silo. Accepted: the dispatch is recorded (its attempt id is what the worker's
    /// callbacks must name). Busy or unreachable: the track stays Queued and is offered again after a growing delay.
    /// </summary>
    private async Task DispatchAsync()
    {
        if (!Exists || State.Status != TrackStatus.Queued || State.Dispatch is not null)
        {
            return;
        }

        var wait = State.NotBefore is { } notBefore ? notBefore - clock.GetUtcNow() : TimeSpan.Zero;
        if (wait > TimeSpan.Zero)
        {
            RetryIn(wait);
            return;
        }

        var attempt = Guid.NewGuid();
        var version = State.RequestedModelVersion ?? "";
        var trace = Activity.Current;
        AnalysisAdmission admission;
        try
        {
            admission = await GrainFactory.GetGrain<IAnalysisWorkerGrain>(0)
                .OfferAsync(new AnalysisRequest(_tenant.Value, _id.Value, version, attempt, trace?.Id, trace?.TraceStateString, State.FileName))
                ;
        }
        catch (Exception e)
        {
            // No analysis silo up (yet: no silo has the role), or one going away: the retry timer and the watch try again.
            LogOfferFailed(e, _tenant.Value, _id.Value);
            admission = new AnalysisAdmission(false, "", 0);
        }

        if (!admission.Accepted)
        {
            _busyOffers++;
            RetryIn(RetryTimer.Doubling(options.BusyRetryDelay, _busyOffers, MaxBusyDelay));
            return;
        }

        _busyOffers = 0;
        StopRetryTimer();
        await SaveAsync(State with { Dispatch = new AnalysisDispatch(attempt, version, admission.Silo, clock.GetUtcNow()), NotBefore = null });
    }

    private async Task GiveUpAsync()
    {
        telemetry.TracksAnalysed.Add(1, new KeyValuePair<string, object?>("outcome", "gave_up"));
        await FailAsync(new TrackFailure(
            "GaveUp",
            $"Analysis was attempted {State.Attempts} times without finishing; see the service's logs.",
            clock.GetUtcNow()));
    }

    private async Task FailAsync(TrackFailure failure)
    {
        await SaveAsync(State with { Status = TrackStatus.Failed, Dispatch = null, NotBefore = null, Failure = failure });
        await UnwatchAsync();
        StopRetryTimer();
    }

    private void RetryIn(TimeSpan delay) => Retry.Schedule(delay, DispatchAsync);

    private void StopRetryTimer() => _retry?.Stop();

    private Task WatchAsync() => this.WatchAsync(Watch, options.ReminderPeriod);

    private Task UnwatchAsync() => this.UnwatchAsync(Watch);

    /// <summary>Writes the state, then the index entry the listing reads (status and assigned tags may have changed).</summary>
    private async Task SaveAsync(TrackState next)
    {
        var previous = Exists ? State : null;
        track.State = next with { UpdatedAt = clock.GetUtcNow(), Revision = (previous?.Revision ?? 0) + 1 };
        await track.WriteStateAsync();
        if (previous is null || previous.Status != next.Status || !ReferenceEquals(previous.Analysis, next.Analysis))
        {
            await TryIndexAsync();
        }
    }

    /// <summary>
    /// Updates the index entry; when the index grain cannot be reached (its silo is going away) the state still stands
    /// and a timer tries again until the index has it, so the listing catches up instead of the caller failing.
    /// </summary>
    private async Task TryIndexAsync()
    {
        try
        {
            await IndexAsync();
            _indexTimer?.Dispose();
            _indexTimer = null;
        }
        catch (Exception e)
        {
            LogIndexFailed(e, _tenant.Value, _id.Value);
            _indexTimer ??= this.RegisterGrainTimer(async _ =>
            {
                if (Exists)
                {
                    await TryIndexAsync();
                }
                else
                {
                    _indexTimer?.Dispose();
                    _indexTimer = null;
                }
            }, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        }
    }

    private ITrackIndexGrain Index => GrainFactory.GetGrain<ITrackIndexGrain>(TrackIndex.ShardKey(_tenant, _id));

    private Task IndexAsync() => Index.UpsertAsync(new TrackIndexEntry(
        _id.Value,
        State.UploadedAt,
        State.Status,
        [.. State.Analysis?.Tags.Where(t => t.Assigned).Select(t => t.Label) ?? []],
        State.Revision));

    [LoggerMessage(Level = LogLevel.Information, Message = "Track {Tenant}/{Track}: attempt {Attempt} failed ({Reason}); retried in {DelaySeconds} s")]
    private partial void LogRetry(string tenant, string track, int attempt, double delaySeconds, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Track {Tenant}/{Track}: the analysis on silo {Silo} was lost ({Status}); dispatching it again")]
    private partial void LogTakenBack(string tenant, string track, string silo, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Track {Tenant}/{Track}: updating the index failed; retrying")]
    private partial void LogIndexFailed(Exception error, string tenant, string track);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Track {Tenant}/{Track}: no analysis silo took the offer")]
    private partial void LogOfferFailed(Exception error, string tenant, string track);
}
