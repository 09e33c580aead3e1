using OrleansGenres.Audio.Features;
using OrleansGenres.Audio.Windowing;
using OrleansGenres.Torch;
using OrleansGenres.Torch.Features;

namespace OrleansGenres.Bench;

/// <summary>The native log-mel front end on whole signals and on batches of analysis windows.</summary>
internal static class MelBench
{
    public static IReadOnlyList<BenchResult> Run(bool quick)
    {
        var info = TorchEnvironment.Initialize();
        var repeats = quick ? 5 : 25;
        var results = new List<BenchResult>();
        foreach (var preset in new[] { "librosa", "torchaudio" })
        {
            var options = MelOptions.FromPreset(preset);
            using var extractor = LogMelExtractor.Create(options);
            var rate = options.SampleRate;

            var clip = Noise(30 * rate, 1);
            var wall = Measure.MedianSeconds(repeats, () => extractor.Compute(clip));
            results.Add(new BenchResult($"log-mel {preset}: one 30 s signal", 30 / wall, Notes: $"{wall * 1000:0.0} ms, {info.Threads} threads"));

            const int batch = 32;
            var window = WindowingOptions.Default.WindowSamples(rate);
            var windows = Noise(batch * window, 2);
            var output = new float[batch * options.NMels * (int)options.FrameCount(window)];
            wall = Measure.MedianSeconds(repeats, () => extractor.ComputeBatch(windows, batch, output));
            var audioSeconds = batch * WindowingOptions.Default.WindowSeconds;
            results.Add(new BenchResult($"log-mel {preset}: batch of {batch} 4 s windows", audioSeconds / wall, Notes: $"{wall * 1000:0.0} ms per batch"));
        }

        return results;
    }

    private static float[] Noise(int n, int seed)
    {
        var random = new Random(seed);
        var samples = new float[n];
        for (var i = 0; i < n; i++)
        {
            samples[i] = (float)(random.NextDouble() - 0.5);
        }

        return samples;
    }
}
