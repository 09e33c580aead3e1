using OrleansGenres.Ml.Evaluation;

namespace OrleansGenres.Ml.Tests.Unit.Evaluation;

public sealed class ModelComparisonTests
{
    private const int Tracks = 200;
    private static readonly string[] Genres = ["blues", "jazz", "rock", "pop"];
    private static readonly int[] Truth = Enumerable.Range(0, Tracks).Select(i => i % 4).ToArray();

    /// <summary>Predictions wrong (shifted to the next class) on the tracks where <paramref name="wrong"/> holds.</summary>
    private static int[] PredictWrongWhere(Func<int, bool> wrong) =>
        Truth.Select((t, i) => wrong(i) ? (t + 1) % 4 : t).ToArray();

    private static EvaluatedModel Model(string name, int[] predicted) =>
        EvaluatedModel.SingleLabel(name, Truth, predicted, Genres, m => m.Accuracy);

    // good: wrong on 1 track in 10 (accuracy 0.9); poor: wrong on 1 in 2 (0.5)
    private static readonly EvaluatedModel Good = Model("good", PredictWrongWhere(i => i % 10 == 0));
    private static readonly EvaluatedModel Poor = Model("poor", PredictWrongWhere(i => i % 2 == 0));

    [Fact]
    public void Clearly_better_model_gets_the_smallest_p_value_and_an_interval_above_zero()
    {
        var result = ModelComparison.PairedBootstrap(Tracks, Good.Metric, Poor.Metric);

        Assert.Equal(0.9, result.EstimateA, 1e-12);
        Assert.Equal(0.5, result.EstimateB, 1e-12);
        Assert.Equal(0.4, result.Difference, 1e-12);
        Assert.True(result.Lower > 0.3 && result.Upper < 0.5, $"[{result.Lower}, {result.Upper}]");
        // every replicate has d > 0 → 2·min(0, 1) = 0, clipped to 1/(B + 1)
        Assert.Equal(1.0 / 1001, result.PValue, 1e-15);
    }

    [Fact]
    public void Identical_models_get_p_one_and_a_zero_interval()
    {
        var result = ModelComparison.PairedBootstrap(Tracks, Good.Metric, Good.Metric, resamples: 300);

        // d = 0 on every replicate → P(d ≤ 0) = P(d ≥ 0) = 1 → 2·1 clipped to 1
        Assert.Equal(1.0, result.PValue);
        Assert.Equal((0.0, 0.0, 0.0, 0.0), (result.Difference, result.MeanDifference, result.Lower, result.Upper));
    }

    [Fact]
    public void Equally_good_models_with_different_errors_get_a_large_p_value()
    {
        // both accuracy 0.9, wrong on disjoint tracks: the resampled difference is centred on 0
        var a = Model("a", PredictWrongWhere(i => i % 10 == 0));
        var b = Model("b", PredictWrongWhere(i => i % 10 == 5));

        var comparison = ModelComparison.Compare(Tracks, a, b, seed: 1);

        Assert.Equal(0.0, comparison.Bootstrap.Difference, 1e-12);
        Assert.True(comparison.Bootstrap.PValue > 0.5, $"p = {comparison.Bootstrap.PValue}");
        Assert.True(comparison.Bootstrap.Lower < 0 && comparison.Bootstrap.Upper > 0);
        Assert.Equal(1.0, comparison.McNemar!.PValue); // 20 vs 20 discordant tracks
    }

    [Fact]
    public void Paired_bootstrap_is_deterministic_for_a_seed()
    {
        var first = ModelComparison.PairedBootstrap(Tracks, Good.Metric, Poor.Metric, 200, 0.9, seed: 11);
        var second = ModelComparison.PairedBootstrap(Tracks, Good.Metric, Poor.Metric, 200, 0.9, seed: 11);

        Assert.Equal(first, second);
    }

    [Fact]
    public void All_pairs_compares_every_pair_on_the_same_resamples()
    {
        var middling = Model("middling", PredictWrongWhere(i => i % 4 == 0)); // accuracy 0.75

        var table = ModelComparison.AllPairs(Tracks, [Good, middling, Poor], resamples: 400, seed: 7);

        Assert.Equal(["good", "middling", "poor"], table.Models);
        Assert.Equal(
            [("good", "middling"), ("good", "poor"), ("middling", "poor")],
            table.Pairs.Select(p => (p.ModelA, p.ModelB)));
        // the table's A–B comparison is exactly the two-model paired bootstrap with the same seed
        Assert.Equal(
            ModelComparison.PairedBootstrap(Tracks, Good.Metric, middling.Metric, resamples: 400, seed: 7),
            table.Get("middling", "good").Bootstrap);
        Assert.All(table.Pairs, p => Assert.True(p.Bootstrap.PValue < 0.01));
        // good vs poor: good alone right on tracks ≡ 2, 4, 6, 8 (mod 10) = 80, poor alone right on none
        var mcNemar = table.Get("good", "poor").McNemar!;
        Assert.Equal((80, 0), (mcNemar.OnlyACorrect, mcNemar.OnlyBCorrect));
        Assert.Equal(2 * Math.Pow(0.5, 80), mcNemar.PValue, 1e-30);
    }

    [Fact]
    public void Table_formats_one_line_per_pair()
    {
        var noCorrectness = new EvaluatedModel("custom", Poor.Metric);

        var text = ModelComparison.AllPairs(Tracks, [Good, noCorrectness], resamples: 100).Format();
        var lines = text.Split('\n');

        Assert.Equal(3, lines.Length); // header, one pair, trailing empty
        Assert.StartsWith("A     B       metric A  metric B  diff A-B  95% CI", lines[0]);
        Assert.StartsWith("good  custom     0.900     0.500     0.400  [0.", lines[1]);
        Assert.EndsWith("-", lines[1]); // no McNemar without per-track correctness
    }

    [Fact]
    public void Multi_label_models_compare_on_any_metric()
    {
        var truth = ThresholdingTests.Truth;
        var loose = Thresholding.Apply(ThresholdingTests.Scores, 0.5f);
        var tuned = ThresholdTuner.Tune(ThresholdingTests.Scores, truth, ThresholdingTests.Instruments).Apply(ThresholdingTests.Scores);
        var a = EvaluatedModel.MultiLabel("tuned", truth, tuned, ThresholdingTests.Instruments, m => m.Macro.F1);
        var b = EvaluatedModel.MultiLabel("0.5", truth, loose, ThresholdingTests.Instruments, m => m.Macro.F1);

        var comparison = ModelComparison.Compare(12, a, b, resamples: 200);

        Assert.True(comparison.Bootstrap.Difference > 0); // tuned on the same data: better by construction
        Assert.NotNull(comparison.McNemar);
        Assert.InRange(comparison.Bootstrap.PValue, 1.0 / 201, 1.0);
    }

    [Fact]
    public void Invalid_inputs_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ModelComparison.AllPairs(Tracks, [Good]));
        Assert.Throws<ArgumentException>(() => ModelComparison.AllPairs(Tracks, [Good, Good]));
        Assert.Throws<ArgumentException>(() => ModelComparison.AllPairs(Tracks - 1, [Good, Poor]));
    }
}
