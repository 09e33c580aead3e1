using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Abstractions.Tracks;
using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Pcm;
using OrleansGenres.Grains.Tracks;
using OrleansGenres.Host.Tests.Support;

namespace OrleansGenres.Host.Tests.Grains;

/// <summary>
/// Transient faults on real silos with the real model and a decoder that fails as a flaky disk would: each attempt is
/// retried after a growing delay, and after the poison limit the track is Failed (<c>GaveUp</c>) and left alone.
/// </summary>
public sealed class AnalysisRetryTests
{
    [Fact]
    public async Task Transient_faults_are_retried_with_back_off_then_the_track_is_given_up()
    {
        var decoder = new FlakyDecoder();
        var lifecycle = new TrackLifecycleOptions { MaxAttempts = 3, RetryDelay = TimeSpan.FromMilliseconds(400), BusyRetryDelay = TimeSpan.FromMilliseconds(200), ReminderPeriod = TimeSpan.FromSeconds(2) };
        await using var cluster = await GrainTestCluster.StartAsync(lifecycle: lifecycle, decoder: () => decoder);
        var (_, grain) = await TrackUploads.UploadAsync(cluster, new TenantId("acme"), TestAudio.ToneWav(440, 2));

        var failed = await TrackUploads.WaitUntilSettledAsync(grain);

        Assert.Equal(TrackStatus.Failed, failed.Status);
        Assert.Equal("GaveUp", failed.Failure!.Kind);
        Assert.Equal(3, failed.Attempts);
        Assert.Equal(3, decoder.Opened);
        // Retries waited 0.4 s then 0.8 s (doubling): never all at once.
        Assert.True(decoder.Gaps.All(gap => gap >= TimeSpan.FromMilliseconds(350)), string.Join(", ", decoder.Gaps));
        await Task.Delay(3000); // past a reminder tick: nothing more happens to a Failed track
        Assert.Equal(3, decoder.Opened);
    }

    /// <summary>A decoder whose reads fail with an I/O error: a transient fault, not bad input.</summary>
    private sealed class FlakyDecoder : IAudioDecoder
    {
        private readonly List<DateTime> _opened = [];

        public int Opened
        {
            get
            {
                lock (_opened)
                {
                    return _opened.Count;
                }
            }
        }

        public IReadOnlyList<TimeSpan> Gaps
        {
            get
            {
                lock (_opened)
                {
                    return [.. _opened.Zip(_opened.Skip(1), (a, b) => b - a)];
                }
            }
        }

        public IPcmSource OpenFile(string path, int sampleRate)
        {
            lock (_opened)
            {
                _opened.Add(DateTime.UtcNow);
            }

            throw new IOException("simulated: the storage mount went away");
        }

        public IPcmSource OpenStream(Stream encoded, int sampleRate, string label = "stream") => throw new NotSupportedException();
    }
}
