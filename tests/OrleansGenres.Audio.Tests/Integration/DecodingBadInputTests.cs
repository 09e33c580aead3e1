using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Tests.Support;
using static OrleansGenres.Audio.Tests.Integration.DecodingHelpers;

namespace OrleansGenres.Audio.Tests.Integration;

/// <summary>Broken, empty and wrong inputs fail with the right <see cref="DecodeErrorKind"/>, promptly.</summary>
public abstract class DecodingBadInputTests : DecoderTestBase, IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Empty_file_is_Empty()
    {
        var path = _temp.File("empty.mp3");
        await File.WriteAllBytesAsync(path, []);

        var error = await DecodeFileErrorAsync(path);

        Assert.Equal(DecodeErrorKind.Empty, error.Kind);
        var probeError = await Assert.ThrowsAsync<AudioDecodeException>(() => new FfprobeAudioProbe().ProbeAsync(path).WaitAsync(DecodeTimeout));
        Assert.Equal(DecodeErrorKind.Empty, probeError.Kind);
    }

    [Fact]
    public async Task Random_bytes_are_InvalidData()
    {
        var path = _temp.File("random.mp3");
        await File.WriteAllBytesAsync(path, RandomBytes(seed: 42, length: 5000));

        var error = await DecodeFileErrorAsync(path);

        Assert.Equal(DecodeErrorKind.InvalidData, error.Kind);
        Assert.Contains("random.mp3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_file_is_InvalidData()
    {
        var path = _temp.File("notes.wav");
        await File.WriteAllTextAsync(path, string.Concat(Enumerable.Repeat("This is not audio, just a line of text.\n", 50)));

        var error = await DecodeFileErrorAsync(path);

        Assert.Equal(DecodeErrorKind.InvalidData, error.Kind);
    }

    [Fact]
    public async Task Video_without_audio_is_NoAudioStream_for_decoder_and_probe()
    {
        var path = GeneratedAudio.Create(_temp.File("silent-video.mp4"), "testsrc=duration=1:size=64x64", "-c:v", "mpeg4");

        var error = await DecodeFileErrorAsync(path);
        Assert.Equal(DecodeErrorKind.NoAudioStream, error.Kind);

        var probeError = await Assert.ThrowsAsync<AudioDecodeException>(() => new FfprobeAudioProbe().ProbeAsync(path).WaitAsync(DecodeTimeout));
        Assert.Equal(DecodeErrorKind.NoAudioStream, probeError.Kind);
    }

    [Fact]
    public async Task Mp3_cut_to_40_percent_is_Truncated_but_decodes_when_corruption_is_tolerated()
    {
        var whole = GeneratedAudio.Create(_temp.File("whole.mp3"), "sine=frequency=440:duration=5", "-c:a", "libmp3lame");
        var path = Truncate(whole, _temp.File("cut.mp3"), 0.4);

        var error = await DecodeFileErrorAsync(path);
        Assert.Equal(DecodeErrorKind.Truncated, error.Kind);

        var samples = await DecodeFileAsync(path, 16000, failOnCorruption: false);

        // Roughly the first 40 % of 5 s survives.
        Assert.InRange(samples.Length, 1.5 * 16000, 2.5 * 16000);
        Assert.True(Rms(samples) > 0.05, $"RMS {Rms(samples)}");
    }

    [Fact]
    public async Task Mp3_cut_to_its_first_300_bytes_is_InvalidData()
    {
        var whole = GeneratedAudio.Create(_temp.File("whole.mp3"), "sine=frequency=440:duration=5", "-c:a", "libmp3lame");
        var path = TruncateToBytes(whole, _temp.File("head.mp3"), 300);

        var error = await DecodeFileErrorAsync(path);

        Assert.Equal(DecodeErrorKind.InvalidData, error.Kind);
    }

    [Fact]
    public async Task Ogg_vorbis_cut_to_40_percent_is_Truncated()
    {
        // 128 kbit/s so that 40 % of the bytes lie well past the Vorbis headers (see the skipped test below).
        var whole = GeneratedAudio.Create(
            _temp.File("whole.ogg"), "sine=frequency=440:duration=5", "-c:a", "libvorbis", "-b:a", "128k");
        var path = Truncate(whole, _temp.File("cut.ogg"), 0.4);

        var error = await DecodeFileErrorAsync(path);

        Assert.Equal(DecodeErrorKind.Truncated, error.Kind);
        Assert.NotNull(await DecodeFileAsync(whole, 16000));
    }

    [Fact]
    public async Task Real_ogg_vorbis_cut_to_40_percent_is_Truncated_but_decodes_when_corruption_is_tolerated()
    {
        var path = Truncate(SharedData.Dataset("esc10", "audio/dog_bark/1-100032-A.ogg"), _temp.File("dog.ogg"), 0.4);

        var error = await DecodeFileErrorAsync(path);
        Assert.Equal(DecodeErrorKind.Truncated, error.Kind);

        var samples = await DecodeFileAsync(path, 16000, failOnCorruption: false);
        Assert.InRange(samples.Length, 1, (5 * 16000) - 1);
    }

    [Fact]
    public async Task Small_ogg_vorbis_cut_to_40_percent_is_Truncated()
    {
        // 12 KB at the default quality: 40 % ends inside the first audio page, just after the setup header.
        var whole = GeneratedAudio.Create(_temp.File("whole.ogg"), "sine=frequency=440:duration=5", "-c:a", "libvorbis");
        var path = Truncate(whole, _temp.File("cut.ogg"), 0.4);

        var error = await DecodeFileErrorAsync(path);

        Assert.Equal(DecodeErrorKind.Truncated, error.Kind);
    }

    [Fact]
    public async Task Wav_cut_mid_data_is_Truncated()
    {
        var whole = GeneratedAudio.Create(_temp.File("whole.wav"), "sine=frequency=440:duration=5", "-c:a", "pcm_s16le");
        var path = Truncate(whole, _temp.File("cut.wav"), 0.4);

        var error = await DecodeFileErrorAsync(path);

        Assert.Equal(DecodeErrorKind.Truncated, error.Kind);
    }

    [Fact]
    public async Task Missing_file_is_NotFound()
    {
        var path = _temp.File("does-not-exist.ogg");

        var error = await DecodeFileErrorAsync(path);

        Assert.Equal(DecodeErrorKind.NotFound, error.Kind);
        var probeError = await Assert.ThrowsAsync<AudioDecodeException>(() => new FfprobeAudioProbe().ProbeAsync(path).WaitAsync(DecodeTimeout));
        Assert.Equal(DecodeErrorKind.NotFound, probeError.Kind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    [InlineData(384_001)]
    public void Sample_rate_out_of_range_is_rejected(int rate)
    {
        var path = GeneratedAudio.Create(_temp.File("ok.wav"), "sine=frequency=440:duration=0.1");

        Assert.Throws<ArgumentOutOfRangeException>(() => CreateDecoder().OpenFile(path, rate));
        Assert.Throws<ArgumentOutOfRangeException>(() => CreateDecoder().OpenStream(new MemoryStream([1, 2, 3]), rate));
    }
}
