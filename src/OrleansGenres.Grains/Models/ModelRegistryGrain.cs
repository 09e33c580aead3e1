using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using OrleansGenres.Abstractions.Models;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Abstractions.Tracks;
using OrleansGenres.Grains.Lifecycle;
using OrleansGenres.Grains.Tracks;

namespace OrleansGenres.Grains.Models;

/// <summary>
/// One tenant's registry (see <see cref="IModelRegistryGrain"/>), written after every change. After an activation with
/// re-tagging, a grain timer re-queues the tenant's analysed tracks for the new version, a batch per tick: at most
/// <see cref="RetagOptions.PerSecond"/> tracks a second and never while <see cref="RetagOptions.MaxQueued"/> of the
/// tenant's tracks wait, so uploads are not stuck behind the catalogue. Tracks come from the tenant's index grains in id
/// order; the cursor is saved after every batch, and a reminder re-activates the grain (and its timer) after a crash.
/// </summary>
public sealed partial class ModelRegistryGrain(
    [PersistentState("registry", GrainStorageNames.Models)] IPersistentState<ModelRegistryGrainState> registry,
    RetagOptions options,
    TimeProvider clock,
    ILogger<ModelRegistryGrain> logger) : Grain, IModelRegistryGrain, IRemindable
{
    private const string RetagReminder = "retag";

    private TenantId _tenant;
    private IGrainTimer? _retagTimer;
    private DateTimeOffset _nextDeferredRound;

    private ModelRegistryGrainState State => registry.State;

    private TrackCatalog Tracks => new(GrainFactory);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tenant = new TenantId(this.GetPrimaryKeyString());
        if (State.Retag is { Done: false })
        {
            StartRetagTimer();
        }

        return Task.CompletedTask;
    }

    public Task<ModelRegistryState?> GetAsync() => Task.FromResult(registry.RecordExists ? State.Registry : null);

    public async Task<ModelRegistration> AddAsync(RegisteredModel entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (State.Registry.Find(entry.Version) is { } existing)
        {
            return new ModelRegistration(existing, Created: false);
        }

        await SaveAsync(State with { Registry = State.Registry.With(entry) });
        return new ModelRegistration(entry, Created: true);
    }

    public async Task EnsureAsync()
    {
        if (!registry.RecordExists)
        {
            await SaveAsync(State);
        }
    }

    public async Task<ModelActivation?> ActivateAsync(string version, bool retag)
    {
        if (State.Registry.Find(version) is not { } model)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var job = retag ? new RetagJob { JobId = Guid.NewGuid().ToString("N"), Version = version, StartedAt = now, UpdatedAt = now } : null;
        await SaveAsync(State with
        {
            Registry = State.Registry with { Active = version, ActivatedAt = now },
            Retag = job ?? State.Retag,
        });
        if (job is not null)
        {
            LogRetagStarted(_tenant.Value, version, job.JobId);
            _nextDeferredRound = DateTimeOffset.MinValue;
            // The timer first: the saved job runs in this activation even if registering the reminder (crash cover) fails.
            StartRetagTimer();
            await this.WatchAsync(RetagReminder, TimeSpan.FromMinutes(1));
        }

        return new ModelActivation(model, job);
    }

    public Task<RetagJob?> GetRetagAsync() => Task.FromResult(State.Retag);

    /// <summary>Only wakes the grain: activation restarts the timer of an unfinished re-tag.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.Retag is not { Done: false })
        {
            await StopRetagAsync();
        }
    }

    private void StartRetagTimer()
    {
        // One batch per tick: BatchSize tracks at PerSecond make the period.
        var period = TimeSpan.FromSeconds(options.BatchSize / options.PerSecond);
        _retagTimer ??= this.RegisterGrainTimer(_ => RetagBatchAsync(), TimeSpan.Zero, period);
    }

    private async Task StopRetagAsync()
    {
        _retagTimer?.Dispose();
        _retagTimer = null;
        await this.UnwatchAsync(RetagReminder);
    }

    /// <summary>One batch: the next tracks after the cursor, or once the scan is done a round of the deferred ones.</summary>
    private async Task RetagBatchAsync()
    {
        if (State.Retag is not { Done: false } job)
        {
            await StopRetagAsync();
            return;
        }

        if (await Tracks.CountAsync(_tenant, TrackStatus.Queued) >= options.MaxQueued)
        {
            return; // uploads first: the next tick looks again
        }

        var queued = 0;
        var deferred = new List<string>();
        RetagJob next;
        if (!job.Scanned)
        {
            // Only analysed tracks: queued ones are analysed with the active model anyway, and failed ones failed on their input.
            TrackId? after = TrackId.TryParse(job.Cursor, out var cursor) ? cursor : null;
            var ids = await Tracks.ListAfterAsync(_tenant, after, TrackStatus.Completed, options.BatchSize);
            foreach (var id in ids)
            {
                Tally(await Track(id).ReanalyzeAsync(job.Version), job.Version, ref queued, deferred);
            }

            var exhausted = ids.Count < options.BatchSize;
            next = job with { Cursor = ids.Count > 0 ? ids[^1].Value : job.Cursor, Scanned = exhausted, Queued = job.Queued + queued, Deferred = [.. job.Deferred, .. deferred] };
            if (exhausted && next.Deferred.Length == 0)
            {
                next = next with { CompletedAt = clock.GetUtcNow() };
            }
            else if (exhausted)
            {
                _nextDeferredRound = clock.GetUtcNow() + options.DeferredDelay;
            }
        }
        else
        {
            // Tracks that were being analysed when their turn came: once their analysis is done they can be queued.
            if (clock.GetUtcNow() < _nextDeferredRound)
            {
                return;
            }

            foreach (var value in job.Deferred)
            {
                if (TrackId.TryParse(value, out var id))
                {
                    Tally(await Track(id).ReanalyzeAsync(job.Version), job.Version, ref queued, deferred);
                }
            }

            var rounds = job.DeferredRounds + 1;
            next = job with { Queued = job.Queued + queued, Deferred = [.. deferred], DeferredRounds = rounds };
            if (deferred.Count == 0 || rounds >= options.MaxDeferredRounds)
            {
                next = next with { CompletedAt = clock.GetUtcNow() };
            }

            _nextDeferredRound = clock.GetUtcNow() + options.DeferredDelay;
        }

        await SaveAsync(State with { Retag = next with { UpdatedAt = clock.GetUtcNow() } });
        if (next.Done)
        {
            LogRetagCompleted(_tenant.Value, next.Version, next.Queued, next.Deferred.Length);
            await StopRetagAsync();
        }
    }

    private ITrackGrain Track(TrackId id) => GrainFactory.GetGrain<ITrackGrain>(TrackKey.Of(_tenant, id));

    private static void Tally(TrackState? state, string version, ref int queued, List<string> deferred)
    {
        if (state is { Status: TrackStatus.Analyzing } && state.Dispatch?.ModelVersion != version)
        {
            deferred.Add(state.TrackId);
        }
        else if (state is { Status: TrackStatus.Queued } && state.RequestedModelVersion == version)
        {
            queued++;
        }
    }

    private async Task SaveAsync(ModelRegistryGrainState next)
    {
        registry.State = next;
        await registry.WriteStateAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-tagging tenant {Tenant}'s tracks with model {Version} (job {JobId})")]
    private partial void LogRetagStarted(string tenant, string version, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-tag of tenant {Tenant} with {Version} done: {Queued} tracks queued, {Deferred} left busy")]
    private partial void LogRetagCompleted(string tenant, string version, int queued, int deferred);
}

/// <summary>The registry grain's persisted state: the registry and the latest re-tag job.</summary>
[GenerateSerializer, Immutable, Alias("genres.model-registry-grain-state")]
public sealed record ModelRegistryGrainState
{
    [Id(0)] public ModelRegistryState Registry { get; init; } = new();

    [Id(1)] public RetagJob? Retag { get; init; }
}
