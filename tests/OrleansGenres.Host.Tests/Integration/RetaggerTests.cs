using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansGenres.Grains.Analysis;
using OrleansGenres.Grains.Models;
using OrleansGenres.Grains.Telemetry;
using OrleansGenres.Grains.Tenancy;
using OrleansGenres.Grains.Tracks;
using OrleansGenres.Ml.Inference;
using OrleansGenres.Storage;
using OrleansGenres.Storage.Local;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Integration;

/// <summary>The re-tagger on real (Local) storage and real track grains: it resumes from its cursor and respects the queue cap.</summary>
public sealed class RetaggerTests : IDisposable
{
    private const string OldVersion = "old@000000000000", NewVersion = "new@111111111111";
    private readonly TempDirectory _data = new("retagger");
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly TenantId _tenant = new("acme");
    private readonly LocalStorageProvider _storage;
    private readonly TrackGrains _grains;

    public RetaggerTests()
    {
        _storage = new LocalStorageProvider(new LocalStorageOptions { Path = _data.Path });
        _grains = new TrackGrains(new TrackGrainServices(
            _storage.Objects, _storage.GetQueue(AnalysisQueues.Analyze), TimeProvider.System, new GenresTelemetry(_metrics.GetRequiredService<IMeterFactory>())));
    }

    [Fact]
    public async Task A_restarted_job_continues_after_its_cursor_and_queues_only_analysed_tracks()
    {
        var ids = await AnalysedTracksAsync(6);
        var failed = ids[5];
        await _grains.Get(_tenant, failed).FailAsync("InvalidData", "not audio");
        var keys = ids.Select(id => TrackKeys.State(_tenant, id)).Order(StringComparer.Ordinal).ToList();
        // As if a re-tagger had handled the first two tracks and then died.
        await _storage.Objects.PutJsonAsync(ModelKeys.RetagJob(_tenant), new RetagJob { JobId = "j1", Version = NewVersion, Cursor = keys[1], Queued = 2 });

        var retagger = new Retagger(_storage.Objects, _grains, new RetagOptions { PerSecond = 1000, BatchSize = 2 }, NullLogger<Retagger>.Instance);
        await retagger.TryRunAsync(_tenant, CancellationToken.None);

        var job = (await _storage.Objects.GetJsonAsync<RetagJob>(ModelKeys.RetagJob(_tenant)))!.Value;
        Assert.True(job.Done);
        Assert.Equal(keys[^1], job.Cursor);
        foreach (var id in ids)
        {
            var state = (await _grains.Get(_tenant, id).GetAsync())!;
            var index = keys.IndexOf(TrackKeys.State(_tenant, id));
            if (id == failed)
            {
                Assert.Equal(TrackStatus.Failed, state.Status);
            }
            else if (index <= 1)
            {
                Assert.Equal(TrackStatus.Completed, state.Status);
            }
            else
            {
                Assert.Equal((TrackStatus.Queued, NewVersion), (state.Status, state.RequestedModelVersion));
            }
        }

        var expected = 2 + ids.Count(id => id != failed && keys.IndexOf(TrackKeys.State(_tenant, id)) > 1);
        Assert.Equal(expected, job.Queued);
    }

    [Fact]
    public async Task Re_tagging_waits_while_the_analysis_queue_is_full()
    {
        var ids = await AnalysedTracksAsync(8);
        await _storage.Objects.PutJsonAsync(ModelKeys.RetagJob(_tenant), new RetagJob { JobId = "j2", Version = NewVersion });
        var queue = _storage.GetQueue(AnalysisQueues.Analyze);
        var retagger = new Retagger(_storage.Objects, _grains, new RetagOptions { PerSecond = 1000, MaxQueued = 3 }, NullLogger<Retagger>.Instance);
        var running = retagger.TryRunAsync(_tenant, CancellationToken.None);

        // A slow worker: the queue never holds more than the cap while the re-tagger runs.
        var highest = 0;
        var drained = 0;
        while (drained < ids.Count)
        {
            await Task.Delay(100);
            highest = Math.Max(highest, await queue.GetApproximateCountAsync());
            foreach (var message in await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30)))
            {
                await queue.CompleteAsync(message);
                drained++;
            }

            Assert.False(running.IsFaulted, running.Exception?.ToString());
        }

        await running.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.InRange(highest, 1, 3);
        Assert.True((await _storage.Objects.GetJsonAsync<RetagJob>(ModelKeys.RetagJob(_tenant)))!.Value.Done);
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _data.Dispose();
    }

    /// <summary>Tracks uploaded and completed with <see cref="OldVersion"/>, their analysis messages consumed.</summary>
    private async Task<List<TrackId>> AnalysedTracksAsync(int count)
    {
        var ids = new List<TrackId>();
        for (var i = 0; i < count; i++)
        {
            var bytes = RandomNumberGenerator.GetBytes(64);
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var id = TrackId.FromContent(_tenant, sha);
            var grain = _grains.Get(_tenant, id);
            using var content = new MemoryStream(bytes);
            await grain.UploadAsync(new TrackUpload(content, bytes.Length, sha, "x.wav", null), OldVersion);
            await grain.TryClaimAsync("w", OldVersion, TimeSpan.FromMinutes(1), 5);
            var now = DateTimeOffset.UtcNow;
            var analysis = new TrackAnalysis("old", OldVersion, [], Aggregation.Mean, 1, 1, now, now, 0.1, 10, "w");
            Assert.True(await grain.CompleteAsync("w", analysis, new TrackWindows(id.Value, OldVersion, [], [])));
            ids.Add(id);
        }

        var queue = _storage.GetQueue(AnalysisQueues.Analyze);
        for (var messages = await queue.ReceiveAsync(32, TimeSpan.FromMinutes(1)); messages.Count > 0; messages = await queue.ReceiveAsync(32, TimeSpan.FromMinutes(1)))
        {
            foreach (var message in messages)
            {
                await queue.CompleteAsync(message);
            }
        }

        return ids;
    }
}
