using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Pcm;
using OrleansGenres.Audio.Tests.Support;
using static OrleansGenres.Audio.Tests.Integration.DecodingHelpers;

namespace OrleansGenres.Audio.Tests.Integration;

/// <summary>One real file from each shared dataset: probed and decoded at the rates the models use.</summary>
public abstract class DecodingDatasetTests : DecoderTestBase
{
    // dataset, file, codec, probed sample rate, container (ffprobe format_name), duration in seconds (as ffprobe states it).
    // Opus always decodes at 48 kHz, so ffprobe (and AudioInfo) report 48000 for the 24 kHz midi-genres files.
    public static TheoryData<string, string, string, int, string, double> Files => new()
    {
        { "fsdd", "recordings/0_george_0.wav", "pcm_s16le", 8000, "wav", 0.298 },
        { "esc10", "audio/dog_bark/1-100032-A.ogg", "vorbis", 44100, "ogg", 5.000998 },
        { "philharmonia", "audio/banjo/banjo_A3_very-long_piano_normal.mp3", "mp3", 44100, "mp3", 3.500417 },
        { "midi-genres", "audio/classic/classic.396b0c74a5.opus", "opus", 48000, "ogg", 30.0065 },
    };

    public static TheoryData<string, string, string, int> FilesAtRates
    {
        get
        {
            var data = new TheoryData<string, string, string, int>();
            foreach (var row in Files)
            {
                foreach (var rate in new[] { 16000, 22050 })
                {
                    data.Add((string)row[0], (string)row[1], (string)row[2], rate);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Probe_reports_codec_rate_channels_and_duration(
        string dataset, string file, string codec, int sampleRate, string container, double duration)
    {
        var path = SharedData.Dataset(dataset, file);

        var info = await new FfprobeAudioProbe().ProbeAsync(path).WaitAsync(DecodeTimeout);

        Assert.Equal(codec, info.Codec);
        Assert.Equal(sampleRate, info.SampleRate);
        Assert.Equal(1, info.Channels);
        Assert.Equal(duration, info.DurationSeconds, 0.001);
        Assert.Contains(container, info.Container.Split(','));
    }

    [Theory]
    [MemberData(nameof(FilesAtRates))]
    public async Task Decodes_to_probe_duration_times_rate_and_is_not_silent(
        string dataset, string file, string codec, int rate)
    {
        var path = SharedData.Dataset(dataset, file);
        var info = await new FfprobeAudioProbe().ProbeAsync(path).WaitAsync(DecodeTimeout);

        await using var source = OpenFile(path, rate);
        Assert.Equal(rate, source.SampleRate);
        var samples = await source.ReadAllAsync().WaitAsync(DecodeTimeout);

        // MP3 carries encoder delay and padding that a player may or may not trim: allow 0.1 s. ffprobe's Ogg Opus
        // duration includes the 312-sample (6.5 ms) pre-skip that the decoder drops: allow 0.01 s. The others are
        // exact up to resampler rounding.
        var tolerance = codec switch
        {
            "mp3" => 0.1 * rate,
            "opus" => 0.01 * rate,
            _ => (0.002 * rate) + 2,
        };
        var expected = info.DurationSeconds * rate;
        Assert.True(
            Math.Abs(samples.Length - expected) <= tolerance,
            $"{dataset}/{file} at {rate} Hz: {samples.Length} samples, expected {expected:F0} ± {tolerance:F0}");
        var rms = Rms(samples);
        Assert.True(rms > 0.005, $"{dataset}/{file}: RMS {rms} looks silent");
        Assert.True(samples.All(float.IsFinite), "non-finite samples");
        Assert.True(samples.Max(Math.Abs) <= 1.5f, "samples far outside [-1, 1]");
    }

    [Fact]
    public async Task Same_file_at_two_rates_has_lengths_in_the_ratio_of_the_rates()
    {
        var path = SharedData.Dataset("esc10", "audio/dog_bark/1-100032-A.ogg");

        var at16k = await DecodeFileAsync(path, 16000);
        var at44k = await DecodeFileAsync(path, 44100);

        Assert.InRange(at44k.Length, 5.000998 * 44100 - 2, 5.000998 * 44100 + 2);
        Assert.InRange(at16k.Length * 44100.0 / 16000, at44k.Length - 4, at44k.Length + 4);

        // Same loudness: resampling must not change the level (dog bark energy is well below 8 kHz).
        Assert.InRange(Rms(at16k) / Rms(at44k), 0.8, 1.05);
    }
}
