using OrleansGenres.Abstractions.Tenancy;

namespace OrleansGenres.Abstractions.Tracks;

/// <summary>How a tenant's track list is sharded across <see cref="ITrackIndexGrain"/>s.</summary>
public static class TrackIndex
{
    /// <summary>One shard per first hex digit of the track id (ids are uniform: SHA-256).</summary>
    public const int Shards = 16;

    public static int ShardOf(TrackId track) => Convert.ToInt32(track.Value[..1], 16);

    public static string ShardKey(TenantId tenant, int shard) => $"{tenant.Value}/{shard:x1}";

    public static string ShardKey(TenantId tenant, TrackId track) => ShardKey(tenant, ShardOf(track));
}
