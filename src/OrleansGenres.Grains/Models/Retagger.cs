using Microsoft.Extensions.Logging;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Abstractions.Tracks;
using OrleansGenres.Grains.Tracks;
using OrleansGenres.Storage;

namespace OrleansGenres.Grains.Models;

/// <summary>
/// Carries out re-tag jobs (<see cref="RetagJob"/>): after an activation, every analysed track of the tenant is queued
/// again for the new version — throttled (<see cref="RetagOptions.PerSecond"/>, and never while the tenant has
/// <see cref="RetagOptions.MaxQueued"/> tracks waiting, so uploads are not stuck behind the catalogue) and resumable
/// (the job's cursor, a track id, is written after every batch; one process at a time works a tenant's job, under a
/// lease). Tracks are found through the tenant's index grains, in id order.
/// </summary>
public sealed partial class Retagger(IObjectStore objects, IGrainFactory grains, TimeProvider clock, RetagOptions options, ILogger<Retagger> logger)
{
    private readonly TimeProvider _clock = clock;
    private readonly TrackCatalog _catalog = new(grains);

    /// <summary>Looks for unfinished jobs and works them until <paramref name="stoppingToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var tenants = new List<TenantId>();
                await foreach (var properties in objects.ListAsync(ModelKeys.RetagJobPrefix, stoppingToken).ConfigureAwait(false))
                {
                    if (ModelKeys.TenantOfRetagJob(properties.Key) is { } tenant)
                    {
                        tenants.Add(tenant);
                    }
                }

                foreach (var tenant in tenants)
                {
                    await TryRunAsync(tenant, stoppingToken).ConfigureAwait(false);
                }

                await Task.Delay(options.PollInterval, _clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(e);
                await Task.Delay(options.PollInterval, _clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Works the tenant's job if it is unfinished and no other process holds it; returns when it is done or lost.</summary>
    public async Task TryRunAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        var job = await objects.GetJsonAsync<RetagJob>(ModelKeys.RetagJob(tenant), ct: cancellationToken).ConfigureAwait(false);
        if (job is null || job.Value.Done)
        {
            return;
        }

        var lease = await objects.TryAcquireLeaseAsync(ModelKeys.RetagLease(tenant), options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return;
        }

        try
        {
            await RunJobAsync(tenant, lease, cancellationToken).ConfigureAwait(false);
        }
        catch (LeaseLostException)
        {
            // Someone else continues from the last cursor written.
        }
        finally
        {
            await objects.ReleaseLeaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task RunJobAsync(TenantId tenant, ObjectLease lease, CancellationToken cancellationToken)
    {
        var key = ModelKeys.RetagJob(tenant);
        var renewAt = _clock.GetUtcNow() + (options.LeaseDuration / 3);
        async Task KeepLeaseAsync()
        {
            if (_clock.GetUtcNow() >= renewAt)
            {
                await objects.RenewLeaseAsync(lease, cancellationToken).ConfigureAwait(false);
                renewAt = _clock.GetUtcNow() + (options.LeaseDuration / 3);
            }
        }

        var current = await objects.GetJsonAsync<RetagJob>(key, ct: cancellationToken).ConfigureAwait(false);
        while (current is { Value.Done: false })
        {
            var job = current.Value;
            if (job.Cursor is null && !job.Scanned)
            {
                LogStarted(tenant.Value, job.Version, job.JobId);
            }

            var queued = 0;
            var deferred = new List<string>();
            RetagJob next;
            if (!job.Scanned)
            {
                var (ids, last, exhausted) = await NextBatchAsync(tenant, job.Cursor, cancellationToken).ConfigureAwait(false);
                foreach (var id in ids)
                {
                    await KeepLeaseAsync().ConfigureAwait(false);
                    await PaceAsync(tenant, cancellationToken).ConfigureAwait(false);
                    Tally(await Track(tenant, id).ReanalyzeAsync(job.Version, cancellationToken).ConfigureAwait(false), job.Version, ref queued, deferred);
                }

                next = job with { Cursor = last ?? job.Cursor, Scanned = exhausted, Queued = job.Queued + queued, Deferred = [.. job.Deferred, .. deferred] };
                if (exhausted && next.Deferred.Count == 0)
                {
                    next = next with { CompletedAt = _clock.GetUtcNow() };
                }
            }
            else
            {
                // Tracks that were being analysed when their turn came: once their analysis is done they can be queued.
                await Task.Delay(options.DeferredDelay, _clock, cancellationToken).ConfigureAwait(false);
                foreach (var value in job.Deferred)
                {
                    await KeepLeaseAsync().ConfigureAwait(false);
                    if (TrackId.TryParse(value, out var id))
                    {
                        await PaceAsync(tenant, cancellationToken).ConfigureAwait(false);
                        Tally(await Track(tenant, id).ReanalyzeAsync(job.Version, cancellationToken).ConfigureAwait(false), job.Version, ref queued, deferred);
                    }
                }

                var rounds = job.DeferredRounds + 1;
                next = job with { Queued = job.Queued + queued, Deferred = deferred, DeferredRounds = rounds };
                if (deferred.Count == 0 || rounds >= options.MaxDeferredRounds)
                {
                    next = next with { CompletedAt = _clock.GetUtcNow() };
                }
            }

            next = next with { UpdatedAt = _clock.GetUtcNow() };
            try
            {
                var written = await objects.PutJsonAsync(key, next, new PutOptions { IfMatch = current.ETag }, ct: cancellationToken).ConfigureAwait(false);
                current = new VersionedValue<RetagJob>(next, written.ETag);
                if (next.Done)
                {
                    LogCompleted(tenant.Value, next.Version, next.Queued, next.Deferred.Count);
                }
            }
            catch (PreconditionFailedException)
            {
                // A newer activation replaced the job: start over with it (what was queued for the old one is harmless).
                current = await objects.GetJsonAsync<RetagJob>(key, ct: cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The next <see cref="RetagOptions.BatchSize"/> analysed tracks after the cursor, the last id, and whether the scan ended.</summary>
    private async Task<(IReadOnlyList<TrackId> Ids, string? Last, bool Exhausted)> NextBatchAsync(TenantId tenant, string? cursor, CancellationToken cancellationToken)
    {
        // Only analysed tracks are re-tagged: queued ones are analysed with the active model anyway, and failed ones
        // failed on their input, not on the model.
        TrackId? after = TrackId.TryParse(cursor, out var parsed) ? parsed : null;
        var ids = await _catalog.ListAfterAsync(tenant, after, TrackStatus.Completed, options.BatchSize).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return (ids, ids.Count > 0 ? ids[^1].Value : cursor, ids.Count < options.BatchSize);
    }

    private ITrackGrain Track(TenantId tenant, TrackId id) => grains.GetGrain<ITrackGrain>(TrackKey.Of(tenant, id));

    private async Task PaceAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        while (await _catalog.CountAsync(tenant, TrackStatus.Queued).ConfigureAwait(false) >= options.MaxQueued)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), _clock, cancellationToken).ConfigureAwait(false);
        }

        await Task.Delay(TimeSpan.FromSeconds(1 / options.PerSecond), _clock, cancellationToken).ConfigureAwait(false);
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-tagging tenant {Tenant}'s tracks with model {Version} (job {JobId})")]
    private partial void LogStarted(string tenant, string version, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-tag of tenant {Tenant} with {Version} done: {Queued} tracks queued, {Deferred} left busy")]
    private partial void LogCompleted(string tenant, string version, int queued, int deferred);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-tagging failed; trying again shortly")]
    private partial void LogFailed(Exception error);
}
