using OrleansGenres.Audio.Features;
using OrleansGenres.Audio.Pcm;
using OrleansGenres.Audio.Pipeline;
using OrleansGenres.Audio.Windowing;
using OrleansGenres.Native;

namespace OrleansGenres.Audio.Tests.Integration;

/// <summary>Behaviour of the native front end beyond the presets: batching, normalisation, options, errors.</summary>
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
    public void Reflect_padding_of_a_too_short_signal_is_a_clear_native_error()
    {
        using var extractor = LogMelExtractor.Create(MelOptions.Torchaudio);

        var error = Assert.Throws<NativeException>(() => extractor.Compute(new float[150]));

        Assert.Equal(NativeStatus.InvalidArgument, error.Status);
        Assert.Contains("reflect", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_are_refused_before_reaching_native_code()
    {
        var error = Assert.Throws<ArgumentException>(() => LogMelExtractor.Create(MelOptions.Librosa with { NMels = 0 }));

        Assert.Contains("n_mels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_too_small_output_buffer_is_refused()
    {
        using var extractor = LogMelExtractor.Create(Small);

        var error = Assert.Throws<NativeException>(() => extractor.ComputeBatch(new float[16000], 1, new float[10]));

        Assert.Equal(NativeStatus.BufferTooSmall, error.Status);
    }

    [Fact]
    public void Runtime_reports_libtorch_and_the_threads_it_was_given()
    {
        var info = TorchRuntime.Initialize(2);

        Assert.StartsWith("1.", info.TorchVersion, StringComparison.Ordinal);
        Assert.Equal(2, info.IntraOpThreads);
    }

    [Fact]
    public async Task Windowed_pipeline_batches_windows_and_equals_per_window_mel()
    {
        using var extractor = LogMelExtractor.Create(Small);
        var signal = Noise(16000 * 9, 3); // 9 s: windows at 0, 2, 4 and a padded one at 6
        var batches = new List<LogMelWindowBatch>();
        await foreach (var batch in WindowedLogMel.BatchesAsync(new ArrayPcmSource(signal, 16000), WindowingOptions.Default, extractor, batchSize: 3))
        {
            batches.Add(batch);
        }

        Assert.Equal([3, 1], batches.Select(b => b.Count));
        Assert.Equal([0.0, 2.0, 4.0, 6.0], batches.SelectMany(b => b.Windows).Select(w => w.StartSeconds));
        Assert.True(batches[1].Windows[0].Padded);
        Assert.Equal(9.0, batches[1].Windows[0].EndSeconds);
        AssertClose(extractor.Compute(signal.AsSpan(2 * 16000, 4 * 16000)).Data, batches[0].Window(1).ToArray());
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
