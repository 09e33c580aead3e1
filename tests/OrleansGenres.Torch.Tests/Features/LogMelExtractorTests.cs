using OrleansGenres.Audio.Features;
using OrleansGenres.Torch.Features;

namespace OrleansGenres.Torch.Tests.Features;

/// <summary>Behaviour of the front end beyond the presets: batching, normalisation, options, errors.</summary>
public sealed class LogMelExtractorTests
{
    private static readonly MelOptions Small = MelOptions.Torchaudio with { NMels = 40 };

    [Fact]
    public void A_batch_equals_each_signal_computed_alone()
    {
        using var extractor = LogMelExtractor.Create(Small);
        var a = Sine(16000, 440);
        var b = Sine(16000, 3000);
        var frames = (int)Small.FrameCount(16000);
        var batch = new float[2 * 40 * frames];

        extractor.ComputeBatch([.. a, .. b], 2, batch);

        AssertClose(extractor.Compute(a).Data, batch.AsSpan(0, 40 * frames).ToArray());
        AssertClose(extractor.Compute(b).Data, batch.AsSpan(40 * frames).ToArray());
    }

    [Fact]
    public void A_long_signal_computed_in_chunks_equals_each_frame_computed_alone()
    {
        // 20 s at 16 kHz = 1601 frames: the native side works through it in chunks of 512 frames.
        var options = Small with { Decibels = false, TopDb = null };
        using var whole = LogMelExtractor.Create(options);
        using var single = LogMelExtractor.Create(options with { Center = false });
        var signal = Noise(20 * 16000, 4);
        var mel = whole.Compute(signal);

        foreach (var frame in new[] { 1, 511, 512, 513, 1024, 1599 })
        {
            var start = (frame * options.HopLength) - (options.NFft / 2);
            var alone = single.Compute(signal.AsSpan(start, options.NFft));
            var column = Enumerable.Range(0, mel.NMels).Select(m => mel[m, frame]).ToArray();
            var scale = column.Max();
            Assert.InRange(column.Zip(alone.Data, (a, b) => Math.Abs(a - b)).Max() / scale, 0, 1e-5);
        }
    }

    [Fact]
    public void Decibels_of_a_long_signal_are_floored_at_its_global_maximum()
    {
        using var power = LogMelExtractor.Create(Small with { Decibels = false });
        using var decibels = LogMelExtractor.Create(Small with { TopDb = 20 });
        var signal = Sine(20 * 16000, 700).Select((v, i) => i < 10 * 16000 ? v * 0.001f : v).ToArray();

        var expected = power.Compute(signal).Data.Select(p => 10 * Math.Log10(Math.Max(p, 1e-10))).ToArray();
        var floor = expected.Max() - 20;
        var actual = decibels.Compute(signal).Data;

        Assert.InRange(expected.Select((e, i) => Math.Abs(Math.Max(e, floor) - actual[i])).Max(), 0, 1e-3);
    }

    [Fact]
    public void The_loudest_band_follows_the_tone()
    {
        using var extractor = LogMelExtractor.Create(Small);
        var low = extractor.Compute(Sine(16000, 300));
        var high = extractor.Compute(Sine(16000, 4000));

        Assert.True(LoudestBand(high) > LoudestBand(low) + 10);
    }

    [Fact]
    public void Min_max_normalisation_spans_zero_to_one_per_window()
    {
        using var extractor = LogMelExtractor.Create(Small with { Normalization = FeatureNormalization.MinMax });
        var mel = extractor.Compute(Noise(16000, 1));

        Assert.Equal(0f, mel.Data.Min(), 5);
        Assert.Equal(1f, mel.Data.Max(), 5);
    }

    [Fact]
    public void Standardisation_gives_zero_mean_and_unit_variance_per_window()
    {
        using var extractor = LogMelExtractor.Create(Small with { Normalization = FeatureNormalization.Standardize });
        var mel = extractor.Compute(Noise(16000, 2));
        var mean = mel.Data.Average();
        var variance = mel.Data.Select(v => (v - mean) * (v - mean)).Average();

        Assert.Equal(0, mean, 3);
        Assert.Equal(1, variance, 3);
    }

    [Fact]
    public void Top_db_floors_each_window_at_its_own_maximum()
    {
        using var extractor = LogMelExtractor.Create(Small with { TopDb = 30 });
        var mel = extractor.Compute(Sine(16000, 1000));

        Assert.Equal(mel.Data.Max() - 30, mel.Data.Min(), 3);
    }

    [Fact]
    public void Reflect_padding_of_a_too_short_signal_is_a_clear_error()
    {
        using var extractor = LogMelExtractor.Create(MelOptions.Torchaudio);

        var error = Assert.Throws<ArgumentException>(() => extractor.Compute(new float[150]));

        Assert.Contains("reflect", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_are_refused_before_reaching_torch()
    {
        var error = Assert.Throws<ArgumentException>(() => LogMelExtractor.Create(MelOptions.Librosa with { NMels = 0 }));

        Assert.Contains("n_mels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_too_small_output_buffer_is_refused()
    {
        using var extractor = LogMelExtractor.Create(Small);

        var error = Assert.Throws<ArgumentException>(() => extractor.ComputeBatch(new float[16000], 1, new float[10]));

        Assert.Contains("needed", error.Message, StringComparison.Ordinal);
    }

    // BLAS may sum a batched product in another order than a single one: equal to float rounding, in dB.
    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.InRange(expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max(), 0, 1e-3);
    }

    private static int LoudestBand(MelSpectrogram mel) =>
        Enumerable.Range(0, mel.NMels).MaxBy(m => Enumerable.Range(0, mel.Frames).Sum(f => mel[m, f]));

    private static float[] Sine(int n, double hz) =>
        Enumerable.Range(0, n).Select(i => (float)(0.5 * Math.Sin(2 * Math.PI * hz * i / 16000))).ToArray();

    private static float[] Noise(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
    }
}
