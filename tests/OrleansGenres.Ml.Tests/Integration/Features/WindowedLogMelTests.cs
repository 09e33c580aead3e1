using OrleansGenres.Audio.Features;
using OrleansGenres.Audio.Pcm;
using OrleansGenres.Audio.Pipeline;
using OrleansGenres.Audio.Windowing;
using OrleansGenres.Ml.Features;
using OrleansGenres.Torch.Features;

namespace OrleansGenres.Ml.Tests.Integration.Features;

/// <summary>PCM → windows → batched log-mels: batches, positions and features equal to each window's own mel.</summary>
public sealed class WindowedLogMelTests
{
    private static readonly MelOptions Small = MelOptions.Torchaudio with { NMels = 40 };

    [Fact]
    public async Task Windowed_pipeline_batches_windows_and_equals_per_window_mel()
    {
        using var extractor = LogMelExtractor.Create(Small);
        var signal = Noise(16000 * 9, 3); // 9 s: windows at 0, 2, 4 and a padded one at 6
        var batches = new List<LogMelWindowBatch>();
        await foreach (var batch in WindowedLogMel.BatchesAsync(new ArrayPcmSource(signal, 16000), WindowingOptions.Default, extractor, batchSize: 3))
        {
            batches.Add(batch with { Features = batch.Features.ToArray() }); // the batch is a view: keep a copy
        }

        Assert.Equal([3, 1], batches.Select(b => b.Count));
        Assert.Equal([0.0, 2.0, 4.0, 6.0], batches.SelectMany(b => b.Windows).Select(w => w.StartSeconds));
        Assert.True(batches[1].Windows[0].Padded);
        Assert.Equal(9.0, batches[1].Windows[0].EndSeconds);
        AssertClose(extractor.Compute(signal.AsSpan(2 * 16000, 4 * 16000)).Data, batches[0].Window(1).ToArray());
    }

    private static float[] Noise(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.InRange(expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max(), 0, 1e-3);
    }
}
