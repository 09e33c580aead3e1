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
    public async Task Mixup_blends_the_same_batches_pairwise_with_one_lambda_and_matching_target_rows()
    {
        var tracks = await TracksAsync();
        var plain = await ReadAsync(new EpochBatches(tracks, 3, false, 8, null, seed: 5), epoch: 1);
        var mixed = await ReadAsync(new EpochBatches(tracks, 3, false, 8, null, seed: 5, mixupAlpha: 0.4), epoch: 1);
        var again = await ReadAsync(new EpochBatches(tracks, 3, false, 8, null, seed: 5, mixupAlpha: 0.4), epoch: 1);

        Assert.Equal(mixed, again); // seeded: the same mixes every time
        Assert.Equal(plain.Count, mixed.Count);
        for (var b = 0; b < plain.Count; b++)
        {
            var (source, blend) = (plain[b], mixed[b]);
            Assert.Equal(source.Count * 3, blend.Targets.Count); // probability rows, not class ids
            var ownShares = new List<double>();
            for (var i = 0; i < source.Count; i++)
            {
                var row = blend.Targets.Skip(i * 3).Take(3).ToArray();
                Assert.Equal(1.0, row.Sum(), 5);
                Assert.True(row.Count(v => v > 0) <= 2);
                ownShares.Add(Math.Round(row[(int)source.Targets[i]], 4));
            }

            // One λ per batch: an item's own class holds λ, or 1 when its partner shares the class.
            var shares = ownShares.Where(share => share < 0.9999).Distinct().ToArray();
            Assert.True(shares.Length <= 1, $"batch {b}: own-class shares {string.Join(", ", ownShares)}");
            if (shares.Length == 1)
            {
                // Mixed inputs are λ·own + (1 − λ)·partner, partner from the same (unmixed) batch: the fingerprint is
                // linear, so each mixed fingerprint is such a blend of two of the batch's own fingerprints.
                var lambda = shares[0];
                foreach (var fingerprint in blend.Fingerprints)
                {
                    Assert.Contains(source.Fingerprints.SelectMany(own => source.Fingerprints.Select(partner => (own, partner))),
                        pair => Math.Abs((lambda * pair.own) + ((1 - lambda) * pair.partner) - fingerprint) <= 1e-3 * Math.Max(1, Math.Abs(fingerprint)));
                }
            }
        }

        Assert.Throws<ExperimentConfigException>(() => ExperimentConfig.Parse("""{ "name": "m", "training": { "mixup": -1 } }""", "m"));
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
        var cache = new FeatureCache(tones.CacheRoot, config.FrontEnd.ToFrontEnd(), AudioDecoders.Create());
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
