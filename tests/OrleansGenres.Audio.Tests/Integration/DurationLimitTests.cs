using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Pcm;
using OrleansGenres.Audio.Tests.Support;

namespace OrleansGenres.Audio.Tests.Integration;

/// <summary>Audio over a duration limit stops with TooLong: early when the header says so, and while decoding when it lies.</summary>
public sealed class DurationLimitTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_header_declaring_more_than_the_limit_stops_at_the_first_read()
    {
        var path = GeneratedAudio.Create(Path.Combine(_dir.Path, "ten-minutes.flac"), "anullsrc=r=8000:cl=mono:d=600");
        await using var source = new DurationLimitedPcmSource(AudioDecoders.Create(DecoderKind.InProcess).OpenFile(path, 8000), 60, "ten-minutes.flac");

        var error = await Assert.ThrowsAsync<AudioDecodeException>(async () => await source.ReadAsync(new float[4096]));

        Assert.Equal(DecodeErrorKind.TooLong, error.Kind);
        Assert.Equal("ten-minutes.flac: the audio is longer than the limit of 0:01:00 (its header says it lasts 0:10:00)", error.Message);
    }

    [Fact]
    public async Task Audio_without_a_declared_duration_stops_once_its_samples_pass_the_limit()
    {
        var samples = new float[10 * 1000];
        await using var source = new DurationLimitedPcmSource(new ArrayPcmSource(samples, 1000), 5, "stream");
        var buffer = new float[1000];
        var read = 0;

        var error = await Assert.ThrowsAsync<AudioDecodeException>(async () =>
        {
            while (true)
            {
                read += await source.ReadAsync(buffer);
            }
        });

        Assert.Equal(DecodeErrorKind.TooLong, error.Kind);
        Assert.Contains("decodes past 0:00:05", error.Message, StringComparison.Ordinal);
        Assert.Equal(5000, read);
    }

    [Fact]
    public async Task Audio_within_the_limit_passes_through_whole()
    {
        var path = GeneratedAudio.Create(Path.Combine(_dir.Path, "short.wav"), "sine=frequency=440:sample_rate=8000:duration=3");
        await using var source = new DurationLimitedPcmSource(AudioDecoders.Create(DecoderKind.InProcess).OpenFile(path, 8000), 3.5, "short.wav");
        var buffer = new float[4096];
        long total = 0;
        for (var read = await source.ReadAsync(buffer); read > 0; read = await source.ReadAsync(buffer))
        {
            total += read;
        }

        Assert.Equal(3 * 8000, total);
        Assert.Equal(3.0, source.DeclaredSeconds!.Value, precision: 2);
    }

    public void Dispose() => _dir.Dispose();
}
