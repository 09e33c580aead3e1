using Orleans.Runtime;
using Orleans.Storage;
using OrleansGenres.Abstractions.Tracks;

namespace OrleansGenres.Host.Tests.Contract;

/// <summary>
/// What the service relies on from a grain storage provider, run against ours (Local files) and Orleans' Azure Blob
/// provider alike: absent state reads as new, writes and clears are conditional on the ETag, and a stale writer fails
/// with <see cref="InconsistentStateException"/> instead of overwriting.
/// </summary>
public abstract class GrainStorageContract : IAsyncLifetime
{
    private ProviderSilo _silo = null!;

    protected abstract Task<ProviderSilo> StartSiloAsync();

    public async Task InitializeAsync() => _silo = await StartSiloAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private IGrainStorage Storage => _silo.Storage;

    private static GrainId NewGrain() => GrainId.Create("contract", Guid.NewGuid().ToString("N"));

    private static TrackState Sample(string file) => new() { Tenant = "acme", TrackId = "0123", FileName = file, Status = TrackStatus.Queued, History = [new AnalysisRecord("m@1", "w", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)] };

    [Fact]
    public async Task Absent_state_reads_as_new()
    {
        var state = new GrainState<TrackState>();
        await Storage.ReadStateAsync("track", NewGrain(), state);
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.NotNull(state.State);
    }

    [Fact]
    public async Task A_written_state_reads_back_with_its_etag()
    {
        var grain = NewGrain();
        var written = new GrainState<TrackState> { State = Sample("a.wav") };
        await Storage.WriteStateAsync("track", grain, written);
        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);

        var read = new GrainState<TrackState>();
        await Storage.ReadStateAsync("track", grain, read);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("a.wav", read.State!.FileName);
        Assert.Equal("m@1", Assert.Single(read.State.History).ModelVersion);
    }

    [Fact]
    public async Task A_stale_writer_fails_instead_of_overwriting()
    {
        var grain = NewGrain();
        var first = new GrainState<TrackState> { State = Sample("first.wav") };
        await Storage.WriteStateAsync("track", grain, first);
        var other = new GrainState<TrackState>();
        await Storage.ReadStateAsync("track", grain, other);

        first.State = Sample("second.wav");
        await Storage.WriteStateAsync("track", grain, first);
        other.State = Sample("lost.wav");
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("track", grain, other));

        // A writer that believes the state is new cannot replace an existing one either.
        var newcomer = new GrainState<TrackState> { State = Sample("newcomer.wav") };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("track", grain, newcomer));

        var read = new GrainState<TrackState>();
        await Storage.ReadStateAsync("track", grain, read);
        Assert.Equal("second.wav", read.State!.FileName);
    }

    [Fact]
    public async Task Cleared_state_reads_as_new_and_states_are_kept_apart_by_name()
    {
        var grain = NewGrain();
        var track = new GrainState<TrackState> { State = Sample("t.wav") };
        var other = new GrainState<TrackState> { State = Sample("o.wav") };
        await Storage.WriteStateAsync("track", grain, track);
        await Storage.WriteStateAsync("other", grain, other);

        await Storage.ClearStateAsync("track", grain, track);
        Assert.False(track.RecordExists);
        var read = new GrainState<TrackState>();
        await Storage.ReadStateAsync("track", grain, read);
        Assert.False(read.RecordExists);
        await Storage.ReadStateAsync("other", grain, read);
        Assert.Equal("o.wav", read.State!.FileName);

        // Written again after the clear: a fresh record.
        track.State = Sample("again.wav");
        await Storage.WriteStateAsync("track", grain, track);
        await Storage.ReadStateAsync("track", grain, read);
        Assert.Equal("again.wav", read.State.FileName);
    }
}
