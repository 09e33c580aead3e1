using OrleansGenres.Abstractions.Tracks;

namespace OrleansGenres.Grains.Tracks;

/// <summary>
/// One shard of a tenant's track list (<see cref="ITrackIndexGrain"/>): a map of track id → index entry, persisted after
/// every change. Queries run in memory over at most a few thousand entries.
/// </summary>
public sealed class TrackIndexGrain(
    [PersistentState("index", GrainStorageNames.Tracks)] IPersistentState<TrackIndexState> index) : Grain, ITrackIndexGrain
{
    private Dictionary<string, TrackIndexEntry> Entries => index.State.Entries;

    public async Task UpsertAsync(TrackIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Entries.TryGetValue(entry.TrackId, out var existing)
            && (entry.Revision < existing.Revision || (entry.Revision == existing.Revision && SameAs(existing, entry))))
        {
            // From a stale activation of the track (its state older than this entry's), or unchanged.
            return;
        }

        Entries[entry.TrackId] = entry;
        try
        {
            await index.WriteStateAsync();
        }
        catch
        {
            // Not stored: forget it in memory too, or the caller's retry would find it "already there" and never write it.
            Restore(entry.TrackId, existing);
            throw;
        }
    }

    public async Task RemoveAsync(string trackId)
    {
        if (Entries.Remove(trackId, out var removed))
        {
            try
            {
                await index.WriteStateAsync();
            }
            catch
            {
                Restore(trackId, removed);
                throw;
            }
        }
    }

    public Task<TrackIndexPage> QueryAsync(TrackIndexQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var matches = Entries.Values
            .Where(e => query.Status is not { } status || e.Status == status)
            .Where(e => query.Tag is null || e.AssignedTags.Contains(query.Tag, StringComparer.Ordinal))
            .ToList();
        var newest = matches.OrderByDescending(e => e.UploadedAt).ThenBy(e => e.TrackId, StringComparer.Ordinal).Take(query.Take).ToArray();
        return Task.FromResult(new TrackIndexPage(matches.Count, newest));
    }

    public Task<string[]> ListAfterAsync(string? afterTrackId, TrackStatus status, int limit) =>
        Task.FromResult(Entries.Values
            .Where(e => e.Status == status && (afterTrackId is null || string.CompareOrdinal(e.TrackId, afterTrackId) > 0))
            .Select(e => e.TrackId)
            .Order(StringComparer.Ordinal)
            .Take(limit)
            .ToArray());

    public Task<int> CountAsync(TrackStatus status) => Task.FromResult(Entries.Values.Count(e => e.Status == status));

    private void Restore(string trackId, TrackIndexEntry? previous)
    {
        if (previous is null)
        {
            Entries.Remove(trackId);
        }
        else
        {
            Entries[trackId] = previous;
        }
    }

    private static bool SameAs(TrackIndexEntry a, TrackIndexEntry b) =>
        a.Status == b.Status && a.UploadedAt == b.UploadedAt && a.AssignedTags.SequenceEqual(b.AssignedTags, StringComparer.Ordinal);
}

/// <summary>A shard's persisted entries.</summary>
[GenerateSerializer, Alias("genres.track-index-state")]
public sealed class TrackIndexState
{
    [Id(0)] public Dictionary<string, TrackIndexEntry> Entries { get; set; } = new(StringComparer.Ordinal);
}
