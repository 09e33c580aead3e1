using OrleansGenres.Audio.Decoding;
using OrleansGenres.Ml.Inference;
using OrleansGenres.Torch;

namespace OrleansGenres.Bench;

/// <summary>
/// The default model tagging a 30-second MP3 end to end (decode, windows, batched log-mel, batched inference,
/// aggregation): median wall time per clip, the figure behind the "under 0.15 s" target. With the in-process decoder
/// (the default) and, for comparison, with an ffmpeg child process per clip.
/// </summary>
internal static class TagBench
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(BenchInputs inputs, bool quick)
    {
        TorchEnvironment.Initialize(null);
        var folder = Environment.GetEnvironmentVariable("GENRES_MODEL") ?? Path.Combine("models", "default");
        if (!ModelDirectory.Exists(folder))
        {
            Console.Error.WriteLine($"no model in {Path.GetFullPath(folder)}; skipping the tag benchmark");
            return [];
        }

        var clip = inputs.Get("clip.mp3", 30, "mp3", "-c:a", "libmp3lame", "-b:a", "192k");
        using var torchThread = new TorchThread();
        using var predictor = await torchThread.RunAsync(() => TrackPredictor.Load(folder));
        var results = new List<BenchResult>();
        foreach (var (name, decoder) in new (string, IAudioDecoder)[] { ("in-process decoder", new LibavDecoder()), ("ffmpeg process", new FfmpegDecoder()) })
        {
            var windows = 0;
            var seconds = await Measure.MedianSecondsAsync(quick ? 3 : 9, async () =>
                windows = (await predictor.TagFileAsync(clip, decoder, torchThread)).Windows.Count);
            results.Add(new BenchResult($"tag 30 s MP3 with the default model, {name}", 30 / seconds, Measure.PeakRssMegabytes(),
                $"{seconds * 1000:F0} ms per clip, {windows} windows, {predictor.Card.Name} ({predictor.Card.Model.Architecture})"));
        }

        return results;
    }
}
