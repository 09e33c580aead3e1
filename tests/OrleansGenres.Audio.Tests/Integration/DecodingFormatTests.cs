using System.Buffers.Binary;
using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Formats;
using OrleansGenres.Audio.Pcm;
using OrleansGenres.Audio.Tests.Support;
using static OrleansGenres.Audio.Tests.Integration.DecodingHelpers;

namespace OrleansGenres.Audio.Tests.Integration;

/// <summary>Formats generated with ffmpeg: each decodes to mono at the requested rate with the right length and pitch.</summary>
public abstract class DecodingFormatTests : DecoderTestBase, IDisposable
{
    private const int Rate = 16000;

    // lavfi's sine source has amplitude 1/8: RMS 0.125 / sqrt(2).
    private const double SineRms = 0.125 / 1.4142135623730951;

    private readonly TempDirectory _temp = new();
    private readonly FfprobeAudioProbe _probe = new();

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData("flac", "sine.flac", "flac", 0.0, new[] { "-c:a", "flac" })]
    [InlineData("aac", "sine.m4a", "aac", 0.05, new[] { "-c:a", "aac", "-b:a", "96k" })]
    [InlineData("opus", "sine.opus", "opus", 0.05, new[] { "-c:a", "libopus", "-b:a", "64k" })]
    [InlineData("vorbis", "sine.ogg", "vorbis", 0.0, new[] { "-c:a", "libvorbis" })]
    [InlineData("mp3", "sine.mp3", "mp3", 0.1, new[] { "-c:a", "libmp3lame" })]
    [InlineData("pcm16", "sine.wav", "pcm_s16le", 0.0, new[] { "-c:a", "pcm_s16le" })]
    public async Task Generated_1000Hz_sine_decodes_at_16k_with_right_length_and_pitch(
        string name, string file, string codec, double toleranceSeconds, string[] encoderArguments)
    {
        const double seconds = 3;
        var path = GeneratedAudio.Create(
            _temp.File(file), "sine=frequency=1000:duration=3:sample_rate=44100", ["-ac", "1", .. encoderArguments]);

        var info = await _probe.ProbeAsync(path).WaitAsync(DecodeTimeout);
        Assert.Equal(codec, info.Codec);
        Assert.Equal(1, info.Channels);
        Assert.Equal(seconds, info.DurationSeconds, 0.1);

        var samples = await DecodeFileAsync(path, Rate);

        // Lossless and Vorbis/PCM keep the exact length; the others are within their encoder delay/padding.
        var expected = seconds * Rate;
        Assert.True(
            Math.Abs(samples.Length - expected) <= (toleranceSeconds * Rate) + 2,
            $"{name}: {samples.Length} samples, expected {expected} ± {toleranceSeconds} s");
        Assert.InRange(Rms(samples), SineRms * 0.8, SineRms * 1.2);
        Assert.InRange(ZeroCrossingsPerSecond(samples, Rate), 2000 * 0.98, 2000 * 1.02);
    }

    [Fact]
    public async Task Stereo_file_decodes_to_mono_with_one_channel_of_samples()
    {
        var path = GeneratedAudio.Create(
            _temp.File("stereo.flac"), "sine=frequency=1000:duration=2:sample_rate=44100", "-ac", "2", "-c:a", "flac");
        var info = await _probe.ProbeAsync(path).WaitAsync(DecodeTimeout);
        Assert.Equal(2, info.Channels);
        Assert.Equal(44100, info.SampleRate);

        var samples = await DecodeFileAsync(path, 22050);

        Assert.Equal(2 * 22050, samples.Length);
        Assert.True(Rms(samples) > 0.05, $"RMS {Rms(samples)}");
        Assert.InRange(ZeroCrossingsPerSecond(samples, 22050), 2000 * 0.98, 2000 * 1.02);
    }

    [Fact]
    public async Task Stereo_channels_are_mixed_not_just_the_left_one_kept()
    {
        // Left is a 1000 Hz sine, right is silent: the mono mix must keep the sine but be quieter than the left channel.
        var path = GeneratedAudio.Create(
            _temp.File("left-only.wav"),
            "aevalsrc=exprs=0.5*sin(2*PI*1000*t)|0:duration=2:sample_rate=16000",
            "-c:a", "pcm_f32le");

        var samples = await DecodeFileAsync(path, Rate);

        Assert.Equal(2 * Rate, samples.Length);
        var rms = Rms(samples);
        var leftRms = 0.5 / Math.Sqrt(2);
        Assert.True(rms > leftRms * 0.2 && rms < leftRms * 0.9, $"mono RMS {rms} vs left channel RMS {leftRms}");
        Assert.InRange(ZeroCrossingsPerSecond(samples, Rate), 2000 * 0.98, 2000 * 1.02);
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    [InlineData(22050)]
    [InlineData(44100)]
    public async Task File_at_48k_resamples_to_requested_rate(int rate)
    {
        var path = GeneratedAudio.Create(
            _temp.File("sine48k.flac"), "sine=frequency=1000:duration=2:sample_rate=48000", "-c:a", "flac");
        var info = await _probe.ProbeAsync(path).WaitAsync(DecodeTimeout);
        Assert.Equal(48000, info.SampleRate);
        Assert.Equal(2.0, info.DurationSeconds, 0.001);

        await using var source = OpenFile(path, rate);
        Assert.Equal(rate, source.SampleRate);
        var samples = await source.ReadAllAsync().WaitAsync(DecodeTimeout);

        Assert.InRange(samples.Length, (2 * rate) - 1, (2 * rate) + 1);
        Assert.InRange(Rms(samples), SineRms * 0.9, SineRms * 1.1);
        Assert.InRange(ZeroCrossingsPerSecond(samples, rate), 2000 * 0.98, 2000 * 1.02);
    }

    [Fact]
    public async Task Decoding_a_1000Hz_sine_at_16k_gives_2000_zero_crossings_per_second()
    {
        // A 22.05 kHz source: the resampler must keep the pitch, not just the sample count.
        var path = GeneratedAudio.Create(
            _temp.File("sine22k.wav"), "sine=frequency=1000:duration=5:sample_rate=22050", "-c:a", "pcm_s16le");

        var samples = await DecodeFileAsync(path, Rate);

        Assert.Equal(5 * Rate, samples.Length);
        var perSecond = ZeroCrossings(samples) / 5.0;
        Assert.InRange(perSecond, 2000 * 0.98, 2000 * 1.02);
    }

    [Fact]
    public async Task Float32_wav_from_ffmpeg_decodes_bit_exactly_at_its_own_rate()
    {
        var path = GeneratedAudio.Create(
            _temp.File("float.wav"), "sine=frequency=440:duration=1:sample_rate=22050", "-c:a", "pcm_f32le");
        var info = await _probe.ProbeAsync(path).WaitAsync(DecodeTimeout);
        Assert.Equal("pcm_f32le", info.Codec);

        var expected = ReadFloat32WavData(path);
        Assert.Equal(22050, expected.Length);

        var decoded = await DecodeFileAsync(path, 22050);

        AssertBitExact(expected, decoded);
    }

    [Fact]
    public async Task Float32_wav_written_by_WavWriter_decodes_back_bit_exactly()
    {
        const int rate = 16000;
        var random = new Random(1234);
        var signal = new float[rate + 123];
        for (var i = 0; i < signal.Length; i++)
        {
            signal[i] = (float)((random.NextDouble() * 2) - 1);
        }

        // Values a lossy path would change: extremes, tiny and subnormal values, exact zero.
        signal[0] = 0f;
        signal[1] = 1f;
        signal[2] = -1f;
        signal[3] = 1e-30f;
        signal[4] = float.Epsilon;
        signal[5] = 0.999999940395f;
        var path = _temp.File("writer.wav");
        WavWriter.WriteFloat32(path, signal, rate);

        var decoded = await DecodeFileAsync(path, rate);

        AssertBitExact(signal, decoded);
    }

    private static void AssertBitExact(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
            {
                Assert.Fail($"sample {i}: expected {expected[i]:R}, decoded {actual[i]:R}");
            }
        }
    }

    /// <summary>The samples of a mono float WAV, read straight from its data chunk (no ffmpeg involved).</summary>
    private static float[] ReadFloat32WavData(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);
        var position = 12;
        while (position + 8 <= bytes.Length)
        {
            var id = System.Text.Encoding.ASCII.GetString(bytes, position, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(position + 4));
            if (id == "data")
            {
                var data = bytes.AsSpan(position + 8, Math.Min(size, bytes.Length - position - 8));
                var samples = new float[data.Length / sizeof(float)];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(i * sizeof(float))..]);
                }

                return samples;
            }

            position += 8 + size + (size & 1);
        }

        Assert.Fail($"{path} has no data chunk");
        return [];
    }
}
