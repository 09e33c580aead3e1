using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Abstractions.Tracks;
using OrleansGenres.Grains.Tracks;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Storage;

namespace OrleansGenres.Host.Tests.Grains;

/// <summary>A track's lifecycle on real silos: upload → Completed once, duplicates, bad input, delete, stale attempts.</summary>
public sealed class TrackGrainTests : IAsyncLifetime
{
    private static readonly TenantId Tenant = new("acme");
    private GrainTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await GrainTestCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task An_upload_is_analysed_once_and_its_timeline_stored_under_its_attempt()
    {
        var (id, grain) = await TrackUploads.UploadAsync(_cluster, Tenant, TestAudio.ToneWav(440, 5));
        var done = await TrackUploads.WaitUntilSettledAsync(grain);

        Assert.Equal(TrackStatus.Completed, done.Status);
        Assert.Equal(1, done.Attempts);
        Assert.Null(done.Dispatch);
        var analysis = done.Analysis!;
        Assert.InRange(analysis.DurationSeconds, 4.99, 5.01);
        Assert.Contains(analysis.Tags, t => t.Assigned);
        Assert.Equal("silo-0", Assert.Single(done.History).Worker);
        var windows = await _cluster.Objects.GetJsonAsync<TrackWindows>(TrackKeys.Windows(Tenant, id, analysis.Attempt));
        Assert.Equal(analysis.WindowCount, windows!.Value.Windows.Count);

        // Listed by the tenant's index (with its assigned tag), and by no other tenant's.
        var catalog = new TrackCatalog(_cluster.Grains);
        var page = await catalog.ListAsync(Tenant, TrackStatus.Completed, tag: analysis.Tags.First(t => t.Assigned).Label, 1, 10);
        Assert.Equal(id.Value, Assert.Single(page.Items).TrackId);
        Assert.Equal(0, (await catalog.ListAsync(Tenant, TrackStatus.Queued, null, 1, 10)).Total);
        Assert.Equal(0, (await catalog.ListAsync(new TenantId("globex"), null, null, 1, 10)).Total);
    }

    [Fact]
    public async Task The_same_bytes_uploaded_again_are_the_same_track_and_not_analysed_again()
    {
        var bytes = TestAudio.ToneWav(330, 3);
        var (_, grain) = await TrackUploads.UploadAsync(_cluster, Tenant, bytes);
        var first = await TrackUploads.WaitUntilSettledAsync(grain);
        var again = await grain.AcceptUploadAsync(new TrackUploadInfo("again.wav", null, bytes.Length, TrackUploads.Sha256(bytes)), "any@000000000000");

        Assert.False(again.Created);
        Assert.Equal("tone.wav", again.State.FileName);
        await Task.Delay(1000);
        var after = (await grain.GetAsync())!;
        Assert.Single(after.History);
        Assert.Equal(first.Analysis!.Attempt, after.Analysis!.Attempt);
    }

    [Fact]
    public async Task Bytes_that_are_not_audio_fail_with_the_decoders_reason_and_are_not_retried()
    {
        var (_, grain) = await TrackUploads.UploadAsync(_cluster, Tenant, TestAudio.NotAudio("TrackGrainTests.cs"));
        var failed = await TrackUploads.WaitUntilSettledAsync(grain);

        Assert.Equal(TrackStatus.Failed, failed.Status);
        Assert.Equal("InvalidData", failed.Failure!.Kind);
        Assert.Equal(1, failed.Attempts);
        Assert.Empty(failed.History);
    }

    [Fact]
    public async Task A_deleted_track_is_gone_from_grain_index_and_blob_store()
    {
        var (id, grain) = await TrackUploads.UploadAsync(_cluster, Tenant, TestAudio.ToneWav(550, 3));
        var done = await TrackUploads.WaitUntilSettledAsync(grain);

        Assert.True(await grain.DeleteAsync());
        Assert.Null(await grain.GetAsync());
        Assert.False(await grain.DeleteAsync());
        Assert.Null(await _cluster.Objects.GetAsync(TrackKeys.Audio(Tenant, id)));
        Assert.Null(await _cluster.Objects.GetAsync(TrackKeys.Windows(Tenant, id, done.Analysis!.Attempt)));
        Assert.Equal(0, (await new TrackCatalog(_cluster.Grains).ListAsync(Tenant, null, null, 1, 10)).Total);
    }

    [Fact]
    public async Task Callbacks_naming_another_attempt_change_nothing()
    {
        var (_, grain) = await TrackUploads.UploadAsync(_cluster, Tenant, TestAudio.ToneWav(660, 3));
        var done = await TrackUploads.WaitUntilSettledAsync(grain);
        var stale = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;

        Assert.False(await grain.AnalysisStartedAsync(stale, "rogue"));
        Assert.False(await grain.AnalysisCompletedAsync(stale, new TrackAnalysis("m", "m@000000000000", [], "Mean", 1, 1, now, now, 1, 1, "rogue", stale)));
        await grain.AnalysisFailedAsync(stale, new TrackFailure("Transient", "x", now), retry: false);

        var after = (await grain.GetAsync())!;
        Assert.Equal(TrackStatus.Completed, after.Status);
        Assert.Equal(done.Analysis!.Attempt, after.Analysis!.Attempt);
        Assert.Single(after.History);
    }

    [Fact]
    public async Task Reanalysis_with_another_version_queues_again_and_replaces_the_timeline()
    {
        var (id, grain) = await TrackUploads.UploadAsync(_cluster, Tenant, TestAudio.ToneWav(770, 3));
        var first = await TrackUploads.WaitUntilSettledAsync(grain);

        var same = await grain.ReanalyzeAsync(first.Analysis!.ModelVersion);
        Assert.Equal(TrackStatus.Completed, same!.Status);
        var queued = await grain.ReanalyzeAsync("retrained@0123456789ab");
        Assert.Equal(TrackStatus.Queued, queued!.Status);
        var second = await GrainTestCluster.WaitForAsync(async () => (await grain.GetAsync())!, s => s.History.Length == 2, TimeSpan.FromSeconds(60));
        Assert.Equal(TrackStatus.Completed, second.Status);
        Assert.NotEqual(first.Analysis.Attempt, second.Analysis!.Attempt);
        Assert.Null(await _cluster.Objects.GetAsync(TrackKeys.Windows(Tenant, id, first.Analysis.Attempt)));
        Assert.NotNull(await _cluster.Objects.GetPropertiesAsync(TrackKeys.Windows(Tenant, id, second.Analysis.Attempt)));
    }
}
