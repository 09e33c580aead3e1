using OrleansGenres.Ml.Evaluation;

namespace OrleansGenres.Ml.Tests.Unit.Evaluation;

public sealed class MultiLabelMetricsTests
{
    private const double Tolerance = 1e-12;

    internal static readonly string[] Tags = ["guitar", "vocals", "drums"];

    //            guitar vocals drums
    // truth  s0:   1      0      1
    //        s1:   0      1      0
    //        s2:   1      1      0
    //        s3:   0      0      0     (no tag at all)
    internal static readonly bool[,] Truth =
    {
        { true, false, true }, { false, true, false }, { true, true, false }, { false, false, false },
    };

    // pred   s0:   1      0      0
    //        s1:   0      1      1
    //        s2:   1      0      0
    //        s3:   0      0      0
    internal static readonly bool[,] Predicted =
    {
        { true, false, false }, { false, true, true }, { true, false, false }, { false, false, false },
    };

    private static MultiLabelMetrics Metrics => MultiLabelMetrics.Compute(Truth, Predicted, Tags);

    [Fact]
    public void Per_class_counts_and_ratios()
    {
        var m = Metrics;

        // guitar: TP 2 (s0, s2), FP 0, FN 0 → 1, 1, 1
        Assert.Equal(new ClassMetrics("guitar", 1, 1, 1, 2, 2, 0, 0), m.PerClass[0]);
        // vocals: TP 1 (s1), FP 0, FN 1 (s2) → P 1, R 1/2, F1 2/3
        Assert.Equal(1.0, m.PerClass[1].Precision);
        Assert.Equal(0.5, m.PerClass[1].Recall);
        Assert.Equal(2.0 / 3, m.PerClass[1].F1, Tolerance);
        Assert.Equal((2, 1, 0, 1), (m.PerClass[1].Support, m.PerClass[1].TruePositives, m.PerClass[1].FalsePositives, m.PerClass[1].FalseNegatives));
        // drums: TP 0, FP 1 (s1), FN 1 (s0) → 0, 0, 0
        Assert.Equal(new ClassMetrics("drums", 0, 0, 0, 1, 0, 1, 1), m.PerClass[2]);
    }

    [Fact]
    public void Micro_macro_and_weighted_averages()
    {
        var m = Metrics;

        // micro: TP 3, FP 1, FN 2 → P 3/4, R 3/5, F1 = 2·0.45/1.35 = 2/3 (sklearn 1.2.1: 0.75, 0.6, 0.6666666666666665)
        Assert.Equal(0.75, m.Micro.Precision, Tolerance);
        Assert.Equal(0.6, m.Micro.Recall, Tolerance);
        Assert.Equal(2.0 / 3, m.Micro.F1, Tolerance);
        Assert.Equal(5, m.Micro.Support);
        // macro: P (1 + 1 + 0)/3, R (1 + 1/2 + 0)/3 = 1/2, F1 (1 + 2/3 + 0)/3 = 5/9
        Assert.Equal(2.0 / 3, m.Macro.Precision, Tolerance);
        Assert.Equal(0.5, m.Macro.Recall, Tolerance);
        Assert.Equal(5.0 / 9, m.Macro.F1, Tolerance);
        // weighted by support 2, 2, 1: P (2 + 2)/5 = 0.8, R (2 + 1)/5 = 0.6, F1 (2 + 4/3)/5 = 2/3
        Assert.Equal(0.8, m.Weighted.Precision, Tolerance);
        Assert.Equal(0.6, m.Weighted.Recall, Tolerance);
        Assert.Equal(2.0 / 3, m.Weighted.F1, Tolerance);
    }

    [Fact]
    public void Samples_average_is_the_mean_of_per_track_scores_with_empty_tracks_scoring_zero()
    {
        // s0: TP 1 of 1 predicted, 2 true → P 1,   R 1/2, F1 2/3
        // s1: TP 1 of 2 predicted, 1 true → P 1/2, R 1,   F1 2/3
        // s2: TP 1 of 1 predicted, 2 true → P 1,   R 1/2, F1 2/3
        // s3: nothing true, nothing predicted → 0/0 → 0, 0, 0 (zero_division=0, as sklearn)
        // mean: P 2.5/4 = 0.625, R 2/4 = 0.5, F1 2/4 = 0.5 (sklearn 1.2.1 average='samples': 0.625, 0.5, 0.5)
        Assert.Equal(new AveragedMetrics(0.625, 0.5, 0.5, 5), Metrics.Samples);
    }

    [Fact]
    public void Subset_accuracy_and_hamming_loss()
    {
        // exact matches: only s3 → 1/4; wrong cells: s0 drums, s1 drums, s2 vocals → 3/12
        Assert.Equal(0.25, Metrics.SubsetAccuracy);
        Assert.Equal(0.25, Metrics.HammingLoss);
    }

    [Fact]
    public void Larger_example_matches_sklearn()
    {
        var predicted = Thresholding.Apply(ThresholdingTests.Scores, 0.5f);

        var m = MultiLabelMetrics.Compute(ThresholdingTests.Truth, predicted, ThresholdingTests.Instruments);

        // sklearn 1.2.1 on the same 12 × 5 data
        Assert.Equal(0.5902777777777778, m.Samples.Precision, Tolerance);
        Assert.Equal(0.6791666666666667, m.Samples.Recall, Tolerance);
        Assert.Equal(0.569047619047619, m.Samples.F1, Tolerance);
        Assert.Equal(2.0 / 12, m.SubsetAccuracy, Tolerance);
        Assert.Equal(0.26666666666666666, m.HammingLoss, Tolerance);
    }

    [Fact]
    public void Jagged_input_gives_the_same_result()
    {
        bool[][] truth = [[true, false, true], [false, true, false], [true, true, false], [false, false, false]];
        bool[][] predicted = [[true, false, false], [false, true, true], [true, false, false], [false, false, false]];

        var m = MultiLabelMetrics.Compute(truth, predicted, Tags);

        Assert.Equal(Metrics.PerClass, m.PerClass);
        Assert.Equal(Metrics.Samples, m.Samples);
    }

    [Fact]
    public void Indices_select_rows_and_count_repeats()
    {
        // s1 twice and s3: vocals TP 2; drums FP 2; samples F1 (2/3 + 2/3 + 0)/3 = 4/9
        var m = MultiLabelMetrics.Compute(Truth, Predicted, Tags, [1, 1, 3]);

        Assert.Equal(3, m.Count);
        Assert.Equal(2, m.PerClass[1].TruePositives);
        Assert.Equal(2, m.PerClass[2].FalsePositives);
        Assert.Equal(4.0 / 9, m.Samples.F1, Tolerance);
    }

    [Fact]
    public void Mismatched_shapes_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => MultiLabelMetrics.Compute(Truth, new bool[4, 2], Tags));
        Assert.Throws<ArgumentException>(() => MultiLabelMetrics.Compute(Truth, new bool[3, 3], Tags));
        Assert.Throws<ArgumentException>(() =>
            MultiLabelMetrics.Compute([[true, false, true], [true]], [[true, false, true], [true, false, true]], Tags));
    }
}
