namespace OrleansGenres.Abstractions.Tracks;

/// <summary>
/// One shard of a tenant's track list (key: <see cref="TrackIndex.ShardKey"/>): each track grain keeps its entry up to
/// date, so listing and filtering never read every track. <see cref="TrackIndex.Shards"/> shards by the track id's first
/// hex digit keep each grain's state bounded (100k tracks a tenant ≈ 6k entries a shard).
/// </summary>
[Alias("genres.track-index")]
public interface ITrackIndexGrain : IGrainWithStringKey
{
    [Alias("upsert")]
    Task UpsertAsync(TrackIndexEntry entry);

    [Alias("remove")]
    Task RemoveAsync(string trackId);

    /// <summary>How many entries match, and the newest <see cref="TrackIndexQuery.Take"/> of them (upload time, then id).</summary>
    [Alias("query")]
    Task<TrackIndexPage> QueryAsync(TrackIndexQuery query);

    /// <summary>Up to <paramref name="limit"/> ids with <paramref name="status"/> after <paramref name="afterTrackId"/>, in id order (resumable scans).</summary>
    [Alias("list-after")]
    Task<string[]> ListAfterAsync(string? afterTrackId, TrackStatus status, int limit);

    [Alias("count")]
    Task<int> CountAsync(TrackStatus status);
}

/// <summary>
/// What the index knows of a track: enough to filter and order without asking the track. <see cref="Revision"/> is the
/// track state's (<see cref="TrackState.Revision"/>): an entry older than the one held is ignored.
/// </summary>
[GenerateSerializer, Immutable, Alias("genres.track-index-entry")]
public sealed record TrackIndexEntry(
    [property: Id(0)] string TrackId,
    [property: Id(1)] DateTimeOffset UploadedAt,
    [property: Id(2)] TrackStatus Status,
    [property: Id(3)] string[] AssignedTags,
    [property: Id(4)] long Revision = 0);

[GenerateSerializer, Immutable, Alias("genres.track-index-query")]
public sealed record TrackIndexQuery([property: Id(0)] TrackStatus? Status, [property: Id(1)] string? Tag, [property: Id(2)] int Take);

[GenerateSerializer, Immutable, Alias("genres.track-index-page")]
public sealed record TrackIndexPage([property: Id(0)] int Total, [property: Id(1)] TrackIndexEntry[] Newest);
