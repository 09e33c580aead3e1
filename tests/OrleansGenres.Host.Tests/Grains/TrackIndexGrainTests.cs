using OrleansGenres.Abstractions.Tracks;
using OrleansGenres.Host.Tests.Support;

namespace OrleansGenres.Host.Tests.Grains;

/// <summary>A track index shard on real silos: entries by revision, so a stale writer cannot undo a newer entry.</summary>
public sealed class TrackIndexGrainTests : IAsyncLifetime
{
    private GrainTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await GrainTestCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task An_entry_older_than_the_one_held_is_ignored_and_a_newer_one_replaces_it()
    {
        var shard = _cluster.Grains.GetGrain<ITrackIndexGrain>("acme/a");
        var uploaded = DateTimeOffset.UtcNow;
        await shard.UpsertAsync(new TrackIndexEntry("a1", uploaded, TrackStatus.Completed, ["rock"], Revision: 5));

        // A duplicate activation of the track, left by a silo's death, still holds revision 3 (Analyzing).
        await shard.UpsertAsync(new TrackIndexEntry("a1", uploaded, TrackStatus.Analyzing, [], Revision: 3));
        Assert.Equal(1, await shard.CountAsync(TrackStatus.Completed));
        Assert.Equal(0, await shard.CountAsync(TrackStatus.Analyzing));

        // Re-analysis: a newer revision wins, and survives the shard's reactivation (it was stored).
        await shard.UpsertAsync(new TrackIndexEntry("a1", uploaded, TrackStatus.Queued, ["rock"], Revision: 6));
        await _cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(1, await shard.CountAsync(TrackStatus.Queued));
        Assert.Equal(0, await shard.CountAsync(TrackStatus.Completed));
    }
}
