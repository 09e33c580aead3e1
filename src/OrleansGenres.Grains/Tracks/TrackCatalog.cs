using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Abstractions.Tracks;

namespace OrleansGenres.Grains.Tracks;

/// <summary>
/// A tenant's tracks as the API lists them: asks every index shard for its matches (in parallel), merges them newest
/// first, and reads the page's tracks from their grains. Never reads tracks outside the page.
/// </summary>
public sealed class TrackCatalog(IGrainFactory grains)
{
    public const int MaxPageSize = 100;

    /// <summary>One page (1-based) of the tenant's tracks, newest upload first, optionally by status and assigned tag.</summary>
    public async Task<TrackPage> ListAsync(TenantId tenant, TrackStatus? status, string? tag, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        var take = (int)Math.Min((long)page * pageSize, int.MaxValue);
        var query = new TrackIndexQuery(status, tag, take);
        var shards = await Task.WhenAll(Enumerable.Range(0, TrackIndex.Shards)
            .Select(shard => grains.GetGrain<ITrackIndexGrain>(TrackIndex.ShardKey(tenant, shard)).QueryAsync(query))).ConfigureAwait(false);
        var ids = shards.SelectMany(s => s.Newest)
            .OrderByDescending(e => e.UploadedAt).ThenBy(e => e.TrackId, StringComparer.Ordinal)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => TrackId.Parse(e.TrackId))
            .ToList();
        var states = await Task.WhenAll(ids.Select(id => grains.GetGrain<ITrackGrain>(TrackKey.Of(tenant, id)).GetAsync(cancellationToken))).ConfigureAwait(false);
        // A track deleted between the index query and this read simply drops out of the page.
        return new TrackPage([.. states.OfType<TrackState>()], page, pageSize, shards.Sum(s => s.Total));
    }

    /// <summary>Up to <paramref name="limit"/> ids with <paramref name="status"/> after <paramref name="after"/> in id order, across shards (resumable scans).</summary>
    public async Task<IReadOnlyList<TrackId>> ListAfterAsync(TenantId tenant, TrackId? after, TrackStatus status, int limit)
    {
        var ids = new List<TrackId>();
        // Shard s holds exactly the ids starting with hex digit s, so walking shards in order walks ids in order.
        for (var shard = after is { } a ? TrackIndex.ShardOf(a) : 0; shard < TrackIndex.Shards && ids.Count < limit; shard++)
        {
            var found = await grains.GetGrain<ITrackIndexGrain>(TrackIndex.ShardKey(tenant, shard))
                .ListAfterAsync(after?.Value, status, limit - ids.Count).ConfigureAwait(false);
            ids.AddRange(found.Select(TrackId.Parse));
        }

        return ids;
    }

    /// <summary>How many of the tenant's tracks have <paramref name="status"/>.</summary>
    public async Task<int> CountAsync(TenantId tenant, TrackStatus status) =>
        (await Task.WhenAll(Enumerable.Range(0, TrackIndex.Shards)
            .Select(shard => grains.GetGrain<ITrackIndexGrain>(TrackIndex.ShardKey(tenant, shard)).CountAsync(status))).ConfigureAwait(false)).Sum();
}

/// <summary>A page of tracks and how many match in all.</summary>
public sealed record TrackPage(IReadOnlyList<TrackState> Items, int Page, int PageSize, int Total);
