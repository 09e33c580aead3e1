using OrleansGenres.Ml.Evaluation;

namespace OrleansGenres.Ml.Tests.Unit.Evaluation;

public sealed class BootstrapTests
{
    // 400 tracks, every other one correct: accuracy 0.5, standard error sqrt(0.5·0.5/400) = 0.025.
    private static readonly bool[] Correct = Enumerable.Range(0, 400).Select(i => i % 2 == 0).ToArray();

    private static double Accuracy(int[] indices) => indices.Average(i => Correct[i] ? 1.0 : 0.0);

    [Fact]
    public void Same_seed_gives_the_same_interval_and_another_seed_a_different_one()
    {
        var a = Bootstrap.Interval(Correct.Length, Accuracy, resamples: 500, seed: 42);
        var b = Bootstrap.Interval(Correct.Length, Accuracy, resamples: 500, seed: 42);
        var c = Bootstrap.Interval(Correct.Length, Accuracy, resamples: 500, seed: 43);

        Assert.Equal(a, b);
        Assert.NotEqual((a.Lower, a.Upper, a.Mean), (c.Lower, c.Upper, c.Mean));
    }

    [Fact]
    public void Interval_contains_the_estimate_and_has_the_normal_width()
    {
        var interval = Bootstrap.Interval(Correct.Length, Accuracy);

        Assert.Equal(0.5, interval.Estimate);
        Assert.True(interval.Contains(interval.Estimate));
        Assert.InRange(interval.Mean, 0.49, 0.51);
        // normal approximation: 0.5 ± 1.96·0.025 = [0.451, 0.549]
        Assert.InRange(interval.Lower, 0.44, 0.46);
        Assert.InRange(interval.Upper, 0.54, 0.56);
        Assert.Equal((0.95, 1000, 1000, 0), (interval.Level, interval.Resamples, interval.ValidResamples, interval.Seed));
    }

    [Fact]
    public void Lower_level_gives_a_narrower_interval()
    {
        var wide = Bootstrap.Interval(Correct.Length, Accuracy, level: 0.95);
        var narrow = Bootstrap.Interval(Correct.Length, Accuracy, level: 0.5);

        Assert.True(narrow.Upper - narrow.Lower < wide.Upper - wide.Lower);
        Assert.True(narrow.Lower >= wide.Lower && narrow.Upper <= wide.Upper);
    }

    [Fact]
    public void Bounds_are_numpy_linear_quantiles_of_the_replicates()
    {
        // The statistic returns 0, 1, …, 999 in turn (after the estimate): sorted replicates are 0..999.
        // np.quantile(range(1000), 0.025) = 0.025·999 = 24.975; 0.975·999 = 974.025; mean 499.5.
        var call = -1;
        var interval = Bootstrap.Interval(10, _ => call++, resamples: 1000);

        Assert.Equal(-1, interval.Estimate);
        Assert.Equal(24.975, interval.Lower, 1e-9);
        Assert.Equal(974.025, interval.Upper, 1e-9);
        Assert.Equal(499.5, interval.Mean, 1e-9);
    }

    [Fact]
    public void Resamples_draw_every_index_in_range_and_are_what_the_statistic_sees()
    {
        var seen = new List<int[]>();
        Bootstrap.Interval(7, idx => { seen.Add(idx); return 0; }, resamples: 50, seed: 9);
        var drawn = Bootstrap.Resamples(7, 50, seed: 9).ToList();

        Assert.Equal(Enumerable.Range(0, 7), seen[0]); // the estimate sees every item once
        Assert.Equal(drawn, seen.Skip(1));
        Assert.All(drawn, r => Assert.Equal(7, r.Length));
        Assert.All(drawn.SelectMany(r => r), i => Assert.InRange(i, 0, 6));
        Assert.Equal(Enumerable.Range(0, 7), drawn.SelectMany(r => r).Distinct().Order());
    }

    [Fact]
    public void NaN_replicates_are_left_out_and_counted()
    {
        // NaN whenever track 0 is drawn; it is absent from a resample with probability 0.8^5 ≈ 0.33
        var interval = Bootstrap.Interval(5, idx => idx.Contains(0) ? double.NaN : 1.0, resamples: 300);

        Assert.True(double.IsNaN(interval.Estimate));
        Assert.InRange(interval.ValidResamples, 60, 140);
        Assert.Equal(300, interval.Resamples);
        Assert.Equal(1.0, interval.Mean);
    }

    [Fact]
    public void Works_with_metrics_on_resampled_tracks()
    {
        var interval = Bootstrap.Interval(
            ClassificationReportTests.GenreTruth.Length,
            idx => SingleLabelMetrics.Compute(
                ClassificationReportTests.GenreTruth, ClassificationReportTests.GenrePredicted,
                ClassificationReportTests.TenGenres, idx).Macro.F1,
            resamples: 200);

        Assert.Equal(0.5903679653679654, interval.Estimate, 1e-12); // sklearn 1.2.1 macro F1
        Assert.True(interval.Contains(interval.Estimate));
        Assert.True(interval.Upper - interval.Lower > 0.05);
    }

    [Fact]
    public void Invalid_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Interval(0, _ => 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Interval(5, _ => 0, resamples: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Interval(5, _ => 0, level: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Resamples(0, 5, 0));
    }
}
