using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Pcm;
using OrleansGenres.Grains.Analysis;
using OrleansGenres.Grains.Models;
using OrleansGenres.Grains.Telemetry;
using OrleansGenres.Grains.Tenancy;
using OrleansGenres.Grains.Tracks;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Native;
using OrleansGenres.Storage;
using OrleansGenres.Storage.Local;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Integration;

/// <summary>
/// The worker's fault handling on real storage, the real grain and the real model, with a decoder that fails the way a
/// flaky disk or network would: retried after a delay, then given up (track Failed, message in the poison queue).
/// </summary>
public sealed class AnalysisRetryTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new("worker-retries");
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly NativeThread _nativeThread = new("test-analysis");
    private LocalStorageProvider _storage = null!;
    private GenresTelemetry _telemetry = null!;
    private WindowInferenceBatcher _batcher = null!;
    private DirectoryModelProvider _models = null!;

    public Task InitializeAsync()
    {
        _storage = new LocalStorageProvider(new LocalStorageOptions { Path = _data.Path });
        _telemetry = new GenresTelemetry(_metrics.GetRequiredService<IMeterFactory>());
        _batcher = new WindowInferenceBatcher(_nativeThread, _telemetry);
        _models = new DirectoryModelProvider(Path.Combine(AppContext.BaseDirectory, "models", "default"));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Transient_faults_are_retried_after_a_delay_then_the_track_is_given_up_and_its_message_set_aside()
    {
        var queue = _storage.GetQueue(AnalysisQueues.Analyze);
        var grains = new TrackGrains(new TrackGrainServices(_storage.Objects, queue, TimeProvider.System, _telemetry));
        var options = new AnalysisWorkerOptions { WorkerId = "w", MaxAttempts = 2, RetryDelay = TimeSpan.FromSeconds(2), VisibilityTimeout = TimeSpan.FromSeconds(10) };
        var decoder = new FlakyDecoder();
        var worker = new AnalysisWorker(options, _storage, grains, _models, new TrackAnalyzer(decoder, _batcher, _nativeThread), _telemetry, NullLogger<AnalysisWorker>.Instance);

        var tenant = new TenantId("acme");
        var bytes = TestAudio.ToneWav(440, 2);
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var id = TrackId.FromContent(tenant, sha256);
        using (var content = new MemoryStream(bytes))
        {
            await grains.Get(tenant, id).UploadAsync(new TrackUpload(content, bytes.Length, sha256, "tone.wav", null), await _models.GetActiveVersionAsync(tenant));
        }

        // Attempt 1 fails; the message stays hidden for the retry delay, and the track reads Queued meanwhile.
        await worker.ProcessAsync(await ReceiveOneAsync(queue), CancellationToken.None);
        var state = await grains.Get(tenant, id).GetAsync();
        Assert.Equal((TrackStatus.Queued, 1), (state!.Status, state.Attempts));
        Assert.Empty(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(10)));

        // Attempt 2 (after the delay) fails too; the next delivery finds the track out of attempts.
        await Task.Delay(options.RetryDelay + TimeSpan.FromMilliseconds(300));
        await worker.ProcessAsync(await ReceiveOneAsync(queue), CancellationToken.None);
        Assert.Equal(2, decoder.Opened);
        await Task.Delay((2 * options.RetryDelay) + TimeSpan.FromMilliseconds(300));
        await worker.ProcessAsync(await ReceiveOneAsync(queue), CancellationToken.None);

        state = await grains.Get(tenant, id).GetAsync();
        Assert.Equal(TrackStatus.Failed, state!.Status);
        Assert.Equal("GaveUp", state.Failure!.Kind);
        Assert.Equal(2, decoder.Opened);
        Assert.Equal(0, await queue.GetApproximateCountAsync());
        var poisoned = Assert.Single(await _storage.GetQueue(AnalysisQueues.Poison).ReceiveAsync(5, TimeSpan.FromSeconds(10)));
        Assert.Contains(id.Value, poisoned.Body);
    }

    public async Task DisposeAsync()
    {
        await _batcher.DisposeAsync();
        _models.Dispose();
        _nativeThread.Dispose();
        _telemetry.Dispose();
        _storage.Dispose();
        await _metrics.DisposeAsync();
        _data.Dispose();
    }

    private static async Task<QueueMessage> ReceiveOneAsync(IWorkQueue queue)
    {
        for (var i = 0; i < 50; i++)
        {
            if ((await queue.ReceiveAsync(1, TimeSpan.FromSeconds(10))).FirstOrDefault() is { } message)
            {
                return message;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("no message became visible");
    }

    /// <summary>A decoder whose reads fail with an I/O error, as a flaky mount would: a transient fault, not bad input.</summary>
    private sealed class FlakyDecoder : IAudioDecoder
    {
        public int Opened { get; private set; }

        public IPcmSource OpenFile(string path, int sampleRate)
        {
            Opened++;
            throw new IOException("simulated: the storage mount went away");
        }

        public IPcmSource OpenStream(Stream encoded, int sampleRate, string label = "stream") => throw new NotSupportedException();
    }
}
