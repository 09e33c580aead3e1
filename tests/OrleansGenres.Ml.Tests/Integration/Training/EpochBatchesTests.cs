using OrleansGenres.Audio.Decoding;
using OrleansGenres.Ml.Data;
using OrleansGenres.Ml.Experiments;
using OrleansGenres.Ml.Features;
using OrleansGenres.Ml.Tests.Support;
using OrleansGenres.Ml.Training;

namespace OrleansGenres.Ml.Tests.Integration.Training;

public sealed class EpochBatchesTests(ToneDatasetFixture tones) : IClassFixture<ToneDatasetFixture>
{
    [Fact]
    public async Task An_epoch_covers_every_window_once_in_an_order_fixed_by_seed_and_epoch()
    {
        var tracks = await TracksAsync();
        var batches = new EpochBatches(tracks, classes: 3, multiLabel: false, batchSize: 8, maxWindowsPerTrack: null, seed: 5);

        var first = await ReadAsync(batches, epoch: 1);
        var again = await ReadAsync(batches, epoch: 1);
        var second = await ReadAsync(batches, epoch: 2);

        Assert.Equal(first, again);
        Assert.NotEqual(first, second);
        Assert.Equal(batches.WindowCount, first.Sum(b => b.Count));
        Assert.All(first.SkipLast(1), b => Assert.Equal(8, b.Count));
        // Each window appears once: compare the multiset of window fingerprints with the cached features.
        var expected = tracks.SelectMany(t => Windows(t)).Order().ToArray();
        Assert.Equal(expected, first.SelectMany(b => b.Fingerprints).Order().ToArray());
    }

    [Fact]
    public async Task A_cap_on_windows_per_track_trains_on_that_many_of_each()
    {
        var tracks = await TracksAsync();
        var batches = new EpochBatches(tracks, classes: 3, multiLabel: false, batchSize: 4, maxWindowsPerTrack: 1, seed: 5);

        var epoch = await ReadAsync(batches, epoch: 1);

        Assert.Equal(tracks.Count, epoch.Sum(b => b.Count));
    }

    private async Task<IReadOnlyList<TrackItem>> TracksAsync()
    {
        var dataset = await DatasetLoader.LoadAsync(tones.SingleLabelManifest);
        var config = ExperimentConfig.Parse(ToneDataset.TinyConfigJson("batches"), "test") with { };
        var cache = new FeatureCache(tones.CacheRoot, config.FrontEnd.ToFrontEnd(), new FfmpegDecoder());
        var data = await ExperimentDataBuilder.BuildAsync(dataset, config, cache);
        Assert.All(data.Train, t => Assert.Equal(2, t.Features.Windows)); // 1 s of audio, 0.5 s windows
        return data.Train;
    }

    private static IEnumerable<double> Windows(TrackItem track)
    {
        var data = FeatureCache.ReadWindows(track.Features);
        var per = track.Features.NMels * track.Features.Frames;
        return Enumerable.Range(0, track.Features.Windows).Select(w => Fingerprint(data.AsSpan(w * per, per)));
    }

    private static double Fingerprint(ReadOnlySpan<float> window)
    {
        double sum = 0;
        for (var i = 0; i < window.Length; i++)
        {
            sum += window[i] * ((i % 7) + 1);
        }

        return Math.Round(sum, 3);
    }

    private sealed record BatchSummary(int Count, IReadOnlyList<double> Fingerprints, IReadOnlyList<float> Targets)
    {
        public bool Equals(BatchSummary? other) =>
            other is not null && Count == other.Count && Fingerprints.SequenceEqual(other.Fingerprints) && Targets.SequenceEqual(other.Targets);

        public override int GetHashCode() => Count;
    }

    private static async Task<List<BatchSummary>> ReadAsync(EpochBatches batches, int epoch)
    {
        var result = new List<BatchSummary>();
        await foreach (var batch in batches.Start(epoch, CancellationToken.None).ReadAllAsync())
        {
            using (batch)
            {
                var per = batch.Inputs.Length / batch.Count;
                var fingerprints = new List<double>();
                for (var i = 0; i < batch.Count; i++)
                {
                    fingerprints.Add(Fingerprint(batch.Inputs.Slice(i * per, per)));
                }

                result.Add(new BatchSummary(batch.Count, fingerprints, batch.Targets.ToArray()));
            }
        }

        return result;
    }
}
