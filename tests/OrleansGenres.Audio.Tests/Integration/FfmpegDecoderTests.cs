using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Tests.Support;
using static OrleansGenres.Audio.Tests.Integration.DecodingHelpers;

namespace OrleansGenres.Audio.Tests.Integration;

/// <summary>What only the ffmpeg child-process decoder has: an executable that may be missing, and a byte pipe.</summary>
public sealed class FfmpegDecoderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Missing_ffmpeg_is_DecoderMissing_with_install_hint()
    {
        var path = GeneratedAudio.Create(_temp.File("ok.wav"), "sine=frequency=440:duration=1");
        var options = new FfmpegOptions { FfmpegPath = "/nonexistent/ffmpeg", FfprobePath = "/nonexistent/ffprobe" };

        var error = await DecodeErrorAsync(() => new FfmpegDecoder(options).OpenFile(path, 16000));

        Assert.Equal(DecodeErrorKind.DecoderMissing, error.Kind);
        Assert.Contains("apt-get install ffmpeg", error.Message, StringComparison.Ordinal);

        var streamError = await DecodeErrorAsync(() => new FfmpegDecoder(options).OpenStream(new MemoryStream([1, 2, 3]), 16000));
        Assert.Equal(DecodeErrorKind.DecoderMissing, streamError.Kind);

        var probeError = await Assert.ThrowsAsync<AudioDecodeException>(() => new FfprobeAudioProbe(options).ProbeAsync(path).WaitAsync(DecodeTimeout));
        Assert.Equal(DecodeErrorKind.DecoderMissing, probeError.Kind);
        Assert.Contains("apt-get install ffmpeg", probeError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pipe_buffer_that_splits_samples_gives_the_same_samples_with_any_read_size()
    {
        // 4099 bytes is not a whole number of floats: partial samples must carry over between pipe reads.
        var path = GeneratedAudio.Create(_temp.File("tone.wav"), "sine=frequency=1000:duration=1:sample_rate=8000", "-c:a", "pcm_s16le");
        var decoder = new FfmpegDecoder(new FfmpegOptions { ReadBufferBytes = 4099 });
        var expected = await DecodeAllAsync(() => new FfmpegDecoder().OpenFile(path, 8000));
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
        }
    }
}
