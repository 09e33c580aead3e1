using OrleansGenres.Audio.Decoding;
using OrleansGenres.Audio.Features;
using OrleansGenres.Audio.Pcm;
using OrleansGenres.Audio.Pipeline;
using OrleansGenres.Audio.Tests.Support;
using OrleansGenres.Ml.Data;
using OrleansGenres.Ml.Features;
using OrleansGenres.Torch.Features;

namespace OrleansGenres.Ml.Tests.Integration.Features;

public sealed class FeatureCacheTests : IDisposable
{
    private static readonly FrontEnd Small = new(MelOptions.Torchaudio with { NMels = 40 }, Audio.Windowing.WindowingOptions.Default);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Features_are_the_pipeline_windows_stored_as_npz()
    {
        var entry = Entry(GeneratedAudio.Create(_temp.File("tone.flac"), "sine=frequency=660:duration=9"));
        var cache = new FeatureCache(_temp.File("cache"), Small, AudioDecoders.Create());

        var result = Assert.Single(await cache.BuildAsync([entry], HashOf));

        var features = Assert.IsType<CachedFeatures>(result.Features);
        Assert.Equal(4, features.Windows); // 9 s at 4/2: 0, 2, 4 and a padded 6
        Assert.Equal((40, Small.FramesPerWindow), (features.NMels, features.Frames));
        Assert.Equal(await DirectlyAsync(entry.FullPath), FeatureCache.ReadWindows(features));
    }

    [Fact]
    public async Task A_second_build_reuses_the_cached_file()
    {
        var entry = Entry(GeneratedAudio.Create(_temp.File("tone.wav"), "sine=frequency=440:duration=5"));
        var cache = new FeatureCache(_temp.File("cache"), Small, AudioDecoders.Create());
        var first = (await cache.BuildAsync([entry], HashOf))[0].Features!;
        var written = File.GetLastWriteTimeUtc(first.Path);

        var second = (await cache.BuildAsync([entry], HashOf))[0].Features!;

        Assert.Equal(first, second);
        Assert.Equal(written, File.GetLastWriteTimeUtc(second.Path));
    }

    [Fact]
    public async Task Other_front_end_settings_never_share_features()
    {
        var entry = Entry(GeneratedAudio.Create(_temp.File("tone.wav"), "sine=frequency=440:duration=5"));
        var wide = Small with { Mel = Small.Mel with { NMels = 64 } };

        var a = (await new FeatureCache(_temp.File("cache"), Small, AudioDecoders.Create()).BuildAsync([entry], HashOf))[0].Features!;
        var b = (await new FeatureCache(_temp.File("cache"), wide, AudioDecoders.Create()).BuildAsync([entry], HashOf))[0].Features!;

        Assert.NotEqual(Small.Key, wide.Key);
        Assert.NotEqual(a.Path, b.Path);
        Assert.Equal(64, b.NMels);
        Assert.Equal(Small.Key, (Small with { }).Key); // the key depends on the settings only
    }

    [Fact]
    public async Task A_broken_file_is_reported_and_the_others_are_built_in_parallel()
    {
        var good = Enumerable.Range(0, 5)
            .Select(i => Entry(GeneratedAudio.Create(_temp.File($"tone{i}.ogg"), $"sine=frequency={300 + (100 * i)}:duration=3")))
            .ToList();
        File.WriteAllText(_temp.File("broken.mp3"), "not audio");
        var entries = good.Append(Entry(_temp.File("broken.mp3"))).ToList();
        var reported = new List<int>();

        var results = await new FeatureCache(_temp.File("cache"), Small, AudioDecoders.Create())
            .BuildAsync(entries, HashOf, parallelism: 2, progress: new SyncProgress(reported.Add));

        Assert.Equal(5, results.Count(r => r.Succeeded));
        Assert.Contains("InvalidData", results.Single(r => !r.Succeeded).Error, StringComparison.Ordinal);
        Assert.Equal(6, reported.Max());
    }

    [Fact]
    public async Task Real_dataset_audio_is_cached()
    {
        var entry = Entry(SharedData.Dataset("esc10", "audio/dog_bark/1-100032-A.ogg"));

        var features = (await new FeatureCache(_temp.File("cache"), Small, AudioDecoders.Create()).BuildAsync([entry], HashOf))[0].Features!;

        Assert.Equal(2, features.Windows); // 5 s: 0–4 and a padded 2–6
    }

    [Theory]
    [InlineData("../../../etc/passwd")]
    [InlineData("ABCDEF0123456789ABCDEF")]
    [InlineData("abc")]
    public void Only_hex_content_hashes_become_paths(string hash)
    {
        var cache = new FeatureCache(_temp.File("cache"), Small, AudioDecoders.Create());

        Assert.Throws<ArgumentException>(() => cache.PathFor(hash));
    }

    private static DatasetEntry Entry(string path) =>
        new() { RelativePath = Path.GetFileName(path), FullPath = path, Labels = ["x"] };

    private static string HashOf(DatasetEntry entry) => ContentHash.Sha256Async(entry.FullPath).GetAwaiter().GetResult();

    private static async Task<float[]> DirectlyAsync(string path)
    {
        using var extractor = LogMelExtractor.Create(Small.Mel);
        await using var source = AudioDecoders.Create().OpenFile(path, Small.Mel.SampleRate);
        var all = new List<float>();
        await foreach (var batch in WindowedLogMel.BatchesAsync(source, Small.Windowing, extractor))
        {
            all.AddRange(batch.Features.Span);
        }

        return [.. all];
    }

    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (this)
            {
                report(value);
            }
        }
    }
}
