using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Abstractions.Training;
using OrleansGenres.Grains.Lifecycle;
using OrleansGenres.Storage;

namespace OrleansGenres.Grains.Training;

/// <summary>
/// Owns one training job (see <see cref="ITrainingJobGrain"/>). Orleans runs one activation per job, so a cancel and a
/// trainer's report are decided one after the other; the state is written after every change. The run is offered to the
/// trainers of the <c>training</c> silos in turn (each takes one job at a time); while the job is not final a reminder
/// looks at it every <see cref="TrainingJobLifecycleOptions.ReminderPeriod"/> and hands a lost run to another trainer,
/// which resumes from the checkpoint the last one stored after its last epoch.
/// </summary>
public sealed partial class TrainingJobGrain(
    [PersistentState("job", GrainStorageNames.Training)] IPersistentState<TrainingJobState> job,
    IObjectStore objects,
    IClusterMembershipService membership,
    ISiloMetadataCache siloMetadata,
    TrainingJobLifecycleOptions options,
    TimeProvider clock,
    ILogger<TrainingJobGrain> logger) : Grain, ITrainingJobGrain, IRemindable
{
    private const string Watch = "training-watch";
    private static readonly TimeSpan MaxBusyDelay = TimeSpan.FromSeconds(30);

    private TenantId _tenant;
    private TrainingJobId _id;
    private RetryTimer? _retry;
    private int _busyOffers;

    private RetryTimer Retry => _retry ??= new RetryTimer(this);

    private TrainingJobState State => job.State;

    private bool Exists => job.RecordExists;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenant, _id) = TrainingJobKey.Parse(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public Task<TrainingJobState?> GetAsync() => Task.FromResult(Exists ? State : null);

    public async Task<TrainingJobState> CreateAsync(TrainingJobState created)
    {
        ArgumentNullException.ThrowIfNull(created);
        if (created.JobId != _id.Value || created.Tenant != _tenant.Value)
        {
            throw new ArgumentException("The job belongs to another grain.", nameof(created));
        }

        if (Exists)
        {
            return State;
        }

        await SaveAsync(created with { Status = TrainingJobStatus.Queued, Attempts = 0, Dispatch = null });
        // The watch first: from here on the job cannot be lost, whatever fails next (the watch re-indexes and dispatches).
        await WatchAsync();
        await TryIndexAsync();
        await DispatchAsync();
        return State;
    }

    public async Task<TrainingJobState?> CancelAsync()
    {
        if (!Exists)
        {
            return null;
        }

        if (State.IsFinal)
        {
            return State;
        }

        // No trainer has it now (never started, or waiting to resume after its trainer was lost): cancelled on the spot.
        if (State.Status == TrainingJobStatus.Queued || State.Dispatch is not { StartedAt: not null })
        {
            await FinishAsync(State with { Status = TrainingJobStatus.Cancelled });
        }
        else if (!State.CancelRequested)
        {
            await SaveAsync(State with { CancelRequested = true });
        }

        return State;
    }

    public async Task<bool?> DeleteAsync()
    {
        if (!Exists)
        {
            return null;
        }

        if (!State.IsFinal)
        {
            return false;
        }

        await foreach (var file in objects.ListAsync(TrainingJobKeys.CheckpointPrefix(_tenant, _id)))
        {
            await objects.DeleteAsync(file.Key);
        }

        await job.ClearStateAsync();
        await Index.RemoveAsync(_id.Value);
        await UnwatchAsync();
        return true;
    }

    public async Task<TrainingDirective> StartedAsync(Guid attempt, string trainer, int resumedAfterEpoch)
    {
        if (!IsCurrent(attempt) || State.IsFinal)
        {
            return TrainingDirective.Abandon;
        }

        if (State.CancelRequested)
        {
            // Cancelled while no trainer ran it (its trainer was lost): nothing left to stop.
            await FinishAsync(State with { Status = TrainingJobStatus.Cancelled });
            return TrainingDirective.Abandon;
        }

        if (State.Attempts >= options.MaxAttempts)
        {
            await GiveUpAsync();
            return TrainingDirective.Abandon;
        }

        var now = clock.GetUtcNow();
        await SaveAsync(State with
        {
            Status = TrainingJobStatus.Running,
            Attempts = State.Attempts + 1,
            Trainer = trainer,
            StartedAt = State.StartedAt ?? now,
            Starts = [.. State.Starts, new TrainingJobStart(trainer, now, resumedAfterEpoch)],
            Dispatch = State.Dispatch! with { StartedAt = now },
            Error = null,
        });
        LogStarted(_tenant.Value, _id.Value, State.Attempts, trainer, resumedAfterEpoch);
        return TrainingDirective.Continue;
    }

    public async Task<TrainingDirective> ReportProgressAsync(Guid attempt, TrainingJobProgress? progress)
    {
        if (!IsRunning(attempt))
        {
            return TrainingDirective.Abandon;
        }

        if (progress is not null && progress != State.Progress)
        {
            await SaveAsync(State with { Progress = progress });
        }

        return State.CancelRequested ? TrainingDirective.Cancel : TrainingDirective.Continue;
    }

    public async Task<TrainingDirective> EpochCompletedAsync(Guid attempt, TrainingEpoch[] history, TrainingJobCheckpoint checkpoint, double trainingSeconds)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (!IsRunning(attempt))
        {
            return TrainingDirective.Abandon;
        }

        await SaveAsync(State with { History = history, Checkpoint = checkpoint, TrainingSeconds = trainingSeconds });
        return State.CancelRequested ? TrainingDirective.Cancel : TrainingDirective.Continue;
    }

    public async Task SucceededAsync(Guid attempt, string modelVersion, Dictionary<string, double>? metrics)
    {
        if (IsRunning(attempt))
        {
            await FinishAsync(State with { Status = TrainingJobStatus.Succeeded, ModelVersion = modelVersion, Metrics = metrics });
            LogEnded(_tenant.Value, _id.Value, State.Status, modelVersion);
        }
    }

    public async Task CancelledAsync(Guid attempt)
    {
        if (IsCurrent(attempt) && !State.IsFinal)
        {
            await FinishAsync(State with { Status = TrainingJobStatus.Cancelled });
            LogEnded(_tenant.Value, _id.Value, State.Status, null);
        }
    }

    public async Task FailedAsync(Guid attempt, string error, bool retry, bool countAttempt = true)
    {
        if (!IsCurrent(attempt) || State.IsFinal)
        {
            return;
        }

        if (!retry)
        {
            await FinishAsync(State with { Status = TrainingJobStatus.Failed, Error = error });
            LogEnded(_tenant.Value, _id.Value, State.Status, null);
            return;
        }

        var started = State.Dispatch?.StartedAt is not null;
        var attempts = countAttempt || !started ? State.Attempts : Math.Max(0, State.Attempts - 1);
        if (attempts >= options.MaxAttempts)
        {
            await GiveUpAsync(error);
            return;
        }

        var delay = countAttempt ? TimeSpan.FromTicks(options.RetryDelay.Ticks * (1L << Math.Clamp(attempts - 1, 0, 10))) : TimeSpan.Zero;
        LogRetry(_tenant.Value, _id.Value, attempts, delay.TotalSeconds, error);
        await SaveAsync(State with { Attempts = attempts, Dispatch = null, Progress = null, NotBefore = clock.GetUtcNow() + delay });
        RetryIn(delay);
    }

    /// <summary>
    /// The watch: a job with no trainer is offered (again) once its back-off has passed; one whose trainer's silo left the
    /// cluster, or whose trainer no longer holds it, is taken back and offered to another trainer.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!Exists || State.IsFinal)
        {
            await UnwatchAsync();
            return;
        }

        // Idempotent: repairs a listing that missed the job (its silo died between writing the job and indexing it).
        await TryIndexAsync();
        if (State.Dispatch is { } dispatch && await IsLostAsync(dispatch))
        {
            LogTakenBack(_tenant.Value, _id.Value, dispatch.Silo);
            await SaveAsync(State with { Dispatch = null, Progress = null });
        }

        if (State.Dispatch is null)
        {
            await DispatchAsync();
        }
    }

    private bool IsCurrent(Guid attempt) => Exists && State.Dispatch?.Attempt == attempt;

    private bool IsRunning(Guid attempt) => IsCurrent(attempt) && State.Status == TrainingJobStatus.Running && State.Dispatch!.StartedAt is not null;

    private async Task<bool> IsLostAsync(TrainingDispatch dispatch)
    {
        if (membership.HasLeft(dispatch.Silo))
        {
            return true;
        }

        try
        {
            return !await CallTrainerAsync(SiloAddress.FromParsableString(dispatch.Silo), trainer => trainer.HoldsAsync(dispatch.Attempt));
        }
        catch (Exception e)
        {
            // Unreachable but not yet declared dead: membership decides on a later tick.
            LogWatchFailed(e, _tenant.Value, _id.Value, dispatch.Silo);
            return false;
        }
    }

    /// <summary>
    /// Offers the run to each training silo's trainer in turn (shuffled, so jobs spread). Accepted: the dispatch is recorded
    /// (its attempt id is what the trainer's callbacks must name). All busy, or none up: offered again after a growing delay.
    /// </summary>
    private async Task DispatchAsync()
    {
        if (!Exists || State.IsFinal || State.Dispatch is not null)
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
        var trace = Activity.Current;
        var request = new TrainingRequest(_tenant.Value, _id.Value, attempt, trace?.Id, trace?.TraceStateString);
        var silos = membership.ActiveWith(siloMetadata, SiloRoles.Training).ToArray();
        Random.Shared.Shuffle(silos);
        foreach (var silo in silos)
        {
            TrainerAdmission admission;
            try
            {
                admission = await CallTrainerAsync(silo, trainer => trainer.OfferAsync(request));
            }
            catch (Exception e)
            {
                LogOfferFailed(e, _tenant.Value, _id.Value, silo.ToParsableString());
                continue;
            }

            if (admission.Accepted)
            {
                _busyOffers = 0;
                StopRetryTimer();
                await SaveAsync(State with { Dispatch = new TrainingDispatch(attempt, admission.Silo, clock.GetUtcNow()), NotBefore = null });
                return;
            }
        }

        _busyOffers++;
        RetryIn(RetryTimer.Doubling(options.BusyRetryDelay, _busyOffers, MaxBusyDelay));
    }

    /// <summary>
    /// Calls the trainer of <paramref name="silo"/>: the placement hint puts its activation there (its key says which),
    /// and is removed again so no other call of this turn is placed by it.
    /// </summary>
    private async Task<T> CallTrainerAsync<T>(SiloAddress silo, Func<ITrainerGrain, Task<T>> call)
    {
        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
        try
        {
            return await call(GrainFactory.GetGrain<ITrainerGrain>(silo.ToParsableString()));
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    private Task GiveUpAsync(string? lastError = null) => FinishAsync(State with
    {
        Status = TrainingJobStatus.Failed,
        Error = $"Training was started {State.Attempts} times without finishing{(lastError is null ? "" : $"; last error: {lastError}")}.",
    });

    private async Task FinishAsync(TrainingJobState final)
    {
        await SaveAsync(final with
        {
            FinishedAt = clock.GetUtcNow(),
            Progress = null,
            CancelRequested = false,
            Dispatch = null,
            NotBefore = null,
        });
        await UnwatchAsync();
        StopRetryTimer();
    }

    private async Task SaveAsync(TrainingJobState next)
    {
        job.State = next with { UpdatedAt = clock.GetUtcNow() };
        await job.WriteStateAsync();
    }

    private void RetryIn(TimeSpan delay) => Retry.Schedule(delay, DispatchAsync);

    private void StopRetryTimer() => _retry?.Stop();

    private Task WatchAsync() => this.WatchAsync(Watch, options.ReminderPeriod);

    private Task UnwatchAsync() => this.UnwatchAsync(Watch);

    private ITrainingJobIndexGrain Index => GrainFactory.GetGrain<ITrainingJobIndexGrain>(_tenant.Value);

    /// <summary>Lists the job for its tenant; when the index grain cannot be reached the watch tries again on its next tick.</summary>
    private async Task TryIndexAsync()
    {
        try
        {
            await Index.AddAsync(_id.Value, State.CreatedAt);
        }
        catch (Exception e)
        {
            LogIndexFailed(e, _tenant.Value, _id.Value);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {Tenant}/{JobId}: start {Attempt} by trainer {Trainer}, after epoch {ResumedAfterEpoch}")]
    private partial void LogStarted(string tenant, string jobId, int attempt, string trainer, int resumedAfterEpoch);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {Tenant}/{JobId}: {Status} {ModelVersion}")]
    private partial void LogEnded(string tenant, string jobId, TrainingJobStatus status, string? modelVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training job {Tenant}/{JobId}: attempt {Attempt} failed ({Reason}); resumed in {DelaySeconds} s")]
    private partial void LogRetry(string tenant, string jobId, int attempt, double delaySeconds, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training job {Tenant}/{JobId}: the run on silo {Silo} was lost; handing it to another trainer")]
    private partial void LogTakenBack(string tenant, string jobId, string silo);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Training job {Tenant}/{JobId}: the trainer on {Silo} could not be asked")]
    private partial void LogWatchFailed(Exception error, string tenant, string jobId, string silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training job {Tenant}/{JobId}: listing it failed; its watch tries again")]
    private partial void LogIndexFailed(Exception error, string tenant, string jobId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Training job {Tenant}/{JobId}: offering to the trainer on {Silo} failed")]
    private partial void LogOfferFailed(Exception error, string tenant, string jobId, string silo);
}
