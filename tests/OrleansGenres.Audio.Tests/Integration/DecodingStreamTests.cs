using System.Diagnostics;
using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Pcm;
using OrleansGenres.Audio.Tests.Support;
using static OrleansGenres.Audio.Tests.Integration.DecodingHelpers;

namespace OrleansGenres.Audio.Tests.Integration;

/// <summary>Decoding from streams, cancellation, and long inputs read in bounded chunks.</summary>
public abstract class DecodingStreamTests : DecoderTestBase, IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task OpenStream_over_an_ogg_file_gives_the_same_samples_as_OpenFile()
    {
        var path = SharedData.Dataset("esc10", "audio/dog_bark/1-100032-A.ogg");
        var decoder = CreateDecoder();

        var fromFile = await DecodeAllAsync(() => decoder.OpenFile(path, 16000));
        await using var stream = File.OpenRead(path);
        var fromStream = await DecodeAllAsync(() => decoder.OpenStream(stream, 16000, "dog-bark"));

        Assert.InRange(fromFile.Length, 80000, 80032);
        Assert.Equal(fromFile, fromStream);
    }

    [Fact]
    public async Task OpenStream_over_a_generated_flac_matches_OpenFile()
    {
        var path = GeneratedAudio.Create(_temp.File("tone.flac"), "sine=frequency=1000:duration=3:sample_rate=44100", "-c:a", "flac");
        var decoder = CreateDecoder();

        var fromFile = await DecodeAllAsync(() => decoder.OpenFile(path, 22050));
        var fromStream = await DecodeAllAsync(() => decoder.OpenStream(new MemoryStream(File.ReadAllBytes(path)), 22050));

        Assert.Equal(3 * 22050, fromFile.Length);
        Assert.Equal(fromFile, fromStream);
    }

    [Fact]
    public async Task OpenStream_over_an_empty_stream_is_Empty()
    {
        var error = await DecodeErrorAsync(() => CreateDecoder().OpenStream(new MemoryStream(), 16000, "upload"));

        Assert.Equal(DecodeErrorKind.Empty, error.Kind);
        Assert.Contains("upload", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenStream_over_random_bytes_is_InvalidData()
    {
        var error = await DecodeErrorAsync(() => CreateDecoder().OpenStream(new MemoryStream(RandomBytes(seed: 7, length: 5000)), 16000));

        Assert.Equal(DecodeErrorKind.InvalidData, error.Kind);
    }

    [Fact]
    public async Task Cancelling_while_a_slow_stream_is_still_arriving_throws_promptly()
    {
        // Ten minutes of sine as WAV through a stream that trickles the bytes (~3 s or more in all), so the input is
        // still arriving when the read is cancelled: the ffmpeg decoder is mid-decode then, the in-process one is
        // still copying the input to its temporary file.
        var path = GeneratedAudio.Create(_temp.File("ten-minutes.wav"), "sine=frequency=440:duration=600:sample_rate=8000", "-c:a", "pcm_s16le");
        await using var slow = new TrickleStream(File.OpenRead(path), chunkBytes: 16 * 1024, delay: TimeSpan.FromMilliseconds(5));
        var source = CreateDecoder().OpenStream(slow, 16000, "ten-minutes");
        try
        {
            await ReadUntilCancelledAsync(source);
        }
        finally
        {
            // Disposing after cancellation must not hang either.
            await source.DisposeAsync().AsTask().WaitAsync(DecodeTimeout);
        }
    }

    private static async Task ReadUntilCancelledAsync(IPcmSource source)
    {
        var cancelAfter = TimeSpan.FromMilliseconds(500);
        using var cts = new CancellationTokenSource(cancelAfter);
        var buffer = new float[4096];
        long total = 0;
        var stopwatch = Stopwatch.StartNew();

        var cancelled = await Record.ExceptionAsync(async () =>
        {
            while (true)
            {
                var read = await source.ReadAsync(buffer, cts.Token);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }
        }).WaitAsync(DecodeTimeout);

        Assert.IsAssignableFrom<OperationCanceledException>(cancelled);
        Assert.True(stopwatch.Elapsed - cancelAfter < TimeSpan.FromSeconds(2), $"cancellation took {stopwatch.Elapsed - cancelAfter}");
        Assert.InRange(total, 0, (600L * 16000) - 1);
    }

    [Fact]
    public async Task Cancelling_mid_read_of_a_long_file_throws_promptly()
    {
        var path = GeneratedAudio.Create(_temp.File("ten-minutes.flac"), "sine=frequency=440:duration=600:sample_rate=16000", "-c:a", "flac");
        await using var source = CreateDecoder().OpenFile(path, 22050);
        using var cts = new CancellationTokenSource();
        var buffer = new float[8192];
        long total = 0;

        var exception = await Record.ExceptionAsync(async () =>
        {
            while (true)
            {
                var read = await source.ReadAsync(buffer, cts.Token);
                Assert.True(read > 0, "the decode ended before it was cancelled");
                total += read;
                if (total > 22050 * 10)
                {
                    await cts.CancelAsync();
                }
            }
        }).WaitAsync(DecodeTimeout);

        Assert.IsAssignableFrom<OperationCanceledException>(exception);
        Assert.InRange(total, 22050 * 10, 22050 * 20);
    }

    [Fact]
    public async Task Twenty_minute_flac_streams_in_64k_chunks_with_the_right_count_and_content()
    {
        const int rate = 16000;
        const int seconds = 1200;
        var path = GeneratedAudio.Create(
            _temp.File("twenty-minutes.flac"), $"sine=frequency=1000:duration={seconds}:sample_rate={rate}", "-c:a", "flac", "-compression_level", "0");

        await using var source = CreateDecoder().OpenFile(path, rate);
        var chunk = new float[64 * 1024];
        long total = 0;
        long crossings = 0;
        double sumSquares = 0;
        var previous = 0f;
        var largestRead = 0;

        async Task ReadToEndAsync()
        {
            int read;
            while ((read = await source.ReadAsync(chunk)) > 0)
            {
                largestRead = Math.Max(largestRead, read);
                for (var i = 0; i < read; i++)
                {
                    var sample = chunk[i];
                    sumSquares += (double)sample * sample;
                    if (total + i > 0 && (previous < 0) != (sample < 0))
                    {
                        crossings++;
                    }

                    previous = sample;
                }

                total += read;
            }
        }

        await ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal((long)seconds * rate, total);
        Assert.InRange(largestRead, 1, chunk.Length);
        Assert.InRange(Math.Sqrt(sumSquares / total), 0.125 / Math.Sqrt(2) * 0.95, 0.125 / Math.Sqrt(2) * 1.05);
        Assert.InRange(crossings / (double)seconds, 2000 * 0.99, 2000 * 1.01);
    }

    [Fact]
    public async Task Reads_with_odd_buffer_sizes_give_the_same_samples_as_ReadAllAsync()
    {
        var path = GeneratedAudio.Create(_temp.File("tone.wav"), "sine=frequency=1000:duration=1:sample_rate=8000", "-c:a", "pcm_s16le");
        var decoder = CreateDecoder();
        var expected = await DecodeAllAsync(() => decoder.OpenFile(path, 8000));
        Assert.Equal(8000, expected.Length);

        foreach (var size in new[] { 1, 3, 1023, 100_000 })
        {
            await using var source = decoder.OpenFile(path, 8000);
            var buffer = new float[size];
            var all = new List<float>();
            int read;
            while ((read = await source.ReadAsync(buffer).AsTask().WaitAsync(DecodeTimeout)) > 0)
            {
                Assert.InRange(read, 1, size);
                all.AddRange(buffer.AsSpan(0, read));
            }

            Assert.Equal(expected, all);
            Assert.Equal(0, await source.ReadAsync(buffer));
        }
    }

    [Fact]
    public async Task After_the_end_or_an_error_reads_return_0()
    {
        var whole = GeneratedAudio.Create(_temp.File("whole.wav"), "sine=frequency=440:duration=2", "-c:a", "pcm_s16le");
        var cut = Truncate(whole, _temp.File("cut.wav"), 0.4);
        var buffer = new float[100_000];

        await using (var source = OpenFile(whole, 16000))
        {
            while (await source.ReadAsync(buffer).AsTask().WaitAsync(DecodeTimeout) > 0)
            {
            }

            Assert.Equal(0, await source.ReadAsync(buffer));
        }

        await using (var source = OpenFile(cut, 16000))
        {
            var error = await Record.ExceptionAsync(async () =>
            {
                while (await source.ReadAsync(buffer).AsTask().WaitAsync(DecodeTimeout) > 0)
                {
                }
            });

            Assert.Equal(DecodeErrorKind.Truncated, Assert.IsType<AudioDecodeException>(error).Kind);
            Assert.Equal(0, await source.ReadAsync(buffer));
        }
    }

    [Fact]
    public async Task OpenStream_over_a_wav_cut_mid_data_is_Truncated()
    {
        var whole = GeneratedAudio.Create(_temp.File("whole.wav"), "sine=frequency=440:duration=5", "-c:a", "pcm_s16le");
        var path = Truncate(whole, _temp.File("cut.wav"), 0.4);

        var error = await DecodeErrorAsync(() => CreateDecoder().OpenStream(new MemoryStream(File.ReadAllBytes(path)), 16000));

        Assert.Equal(DecodeErrorKind.Truncated, error.Kind);
    }

    [Fact]
    public async Task OpenStream_over_an_ogg_cut_short_is_Truncated()
    {
        var path = Truncate(SharedData.Dataset("esc10", "audio/dog_bark/1-100032-A.ogg"), _temp.File("cut.ogg"), 0.4);

        var error = await DecodeErrorAsync(() => CreateDecoder().OpenStream(new MemoryStream(File.ReadAllBytes(path)), 16000));

        Assert.Equal(DecodeErrorKind.Truncated, error.Kind);
    }

    [Fact]
    public async Task Dispose_after_cancelling_a_read_from_a_stalled_stream_does_not_hang()
    {
        var source = CreateDecoder().OpenStream(new StalledStream(), 16000);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var exception = await Record.ExceptionAsync(async () => await source.ReadAsync(new float[1024], cts.Token).AsTask().WaitAsync(DecodeTimeout));

        Assert.IsAssignableFrom<OperationCanceledException>(exception);
        await source.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
    }

    /// <summary>Serves an inner stream in small pieces with a pause before each, like a slow upload.</summary>
    private sealed class TrickleStream(Stream inner, int chunkBytes, TimeSpan delay) : ForwardOnlyStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            return await inner.ReadAsync(buffer[..Math.Min(buffer.Length, chunkBytes)], cancellationToken).ConfigureAwait(false);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, chunkBytes));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Gives a few bytes, then never more (an upload whose client went quiet); honours cancellation only.</summary>
    private sealed class StalledStream : ForwardOnlyStream
    {
        private int _calls;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_calls++ == 0)
            {
                "RIFF"u8.CopyTo(buffer.Span);
                return 4;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
