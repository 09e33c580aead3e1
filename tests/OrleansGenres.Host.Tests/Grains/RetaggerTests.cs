using Microsoft.Extensions.Logging.Abstractions;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Abstractions.Tracks;
using OrleansGenres.Grains.Models;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Storage;

namespace OrleansGenres.Host.Tests.Grains;

/// <summary>The re-tagger on real silos: it walks the tenant's index from its cursor and re-queues only analysed tracks.</summary>
public sealed class RetaggerTests
{
    private const string NewVersion = "retrained@111111111111";

    [Fact]
    public async Task A_restarted_job_continues_after_its_cursor_and_queues_only_analysed_tracks()
    {
        await using var cluster = await GrainTestCluster.StartAsync();
        var tenant = new TenantId("acme");
        var tracks = new List<(TrackId Id, ITrackGrain Grain)>();
        for (var i = 0; i < 5; i++)
        {
            tracks.Add(await TrackUploads.UploadAsync(cluster, tenant, TestAudio.ToneWav(300 + (40 * i), 2)));
        }

        var failed = await TrackUploads.UploadAsync(cluster, tenant, TestAudio.NotAudio("RetaggerTests.cs"));
        foreach (var (_, grain) in tracks.Append(failed))
        {
            await TrackUploads.WaitUntilSettledAsync(grain);
        }

        var ordered = tracks.OrderBy(t => t.Id.Value, StringComparer.Ordinal).ToList();
        // As if a re-tagger had handled the first two tracks (in id order) and then died.
        await cluster.Objects.PutJsonAsync(ModelKeys.RetagJob(tenant), new RetagJob { JobId = "j1", Version = NewVersion, Cursor = ordered[1].Id.Value, Queued = 2 });
        var retagger = new Retagger(cluster.Objects, cluster.Grains, TimeProvider.System, new RetagOptions { PerSecond = 1000, BatchSize = 2 }, NullLogger<Retagger>.Instance);
        await retagger.TryRunAsync(tenant, CancellationToken.None);

        var job = (await cluster.Objects.GetJsonAsync<RetagJob>(ModelKeys.RetagJob(tenant)))!.Value;
        Assert.True(job.Done);
        Assert.Equal(2 + 3, job.Queued);
        Assert.Equal(ordered[^1].Id.Value, job.Cursor);
        for (var i = 0; i < ordered.Count; i++)
        {
            var state = await GrainTestCluster.WaitForAsync(async () => (await ordered[i].Grain.GetAsync())!, s => s.Status == TrackStatus.Completed, TimeSpan.FromSeconds(60));
            Assert.Equal(i <= 1 ? 1 : 2, state.History.Length);
        }

        var untouched = (await failed.Grain.GetAsync())!;
        Assert.Equal((TrackStatus.Failed, "InvalidData"), (untouched.Status, untouched.Failure!.Kind));
    }
}
