using OrleansGenres.Ml.Evaluation;

namespace OrleansGenres.Ml.Tests.Unit.Evaluation;

public sealed class ThresholdingTests
{
    internal static readonly string[] Instruments = ["acoustic guitar", "vocals", "drums", "piano", "synth"];

    // 12 tracks × 5 tags, generated with numpy (default_rng(7)); scores lean towards the true tags.
    internal static readonly bool[,] Truth = ToBool(new[,]
    {
        { 1, 0, 0, 0, 0 }, { 1, 1, 1, 1, 1 }, { 0, 0, 1, 1, 0 }, { 0, 0, 0, 0, 0 }, { 0, 0, 0, 0, 0 }, { 0, 1, 0, 0, 0 },
        { 1, 0, 0, 0, 0 }, { 0, 1, 1, 1, 1 }, { 1, 0, 0, 1, 0 }, { 0, 0, 0, 1, 0 }, { 0, 0, 0, 1, 1 }, { 0, 0, 0, 0, 1 },
    });

    internal static readonly float[,] Scores =
    {
        { 0.94f, 0.52f, 0.57f, 0.34f, 0.6f }, { 0.38f, 0.37f, 0.36f, 0.51f, 0.51f },
        { 0.12f, 0.37f, 0.38f, 0.73f, 0.11f }, { 0.44f, 0.01f, 0.2f, 0.61f, 0.35f },
        { 0.53f, 0.43f, 0.4f, 0.12f, 0.37f }, { 0.03f, 0.87f, 0.62f, 0.56f, 0.03f },
        { 0.57f, 0.21f, 0.07f, 0.41f, 0.52f }, { 0.2f, 0.91f, 0.87f, 0.43f, 0.85f },
        { 0.92f, 0.13f, 0.37f, 0.77f, 0.4f }, { 0.06f, 0.43f, 0.41f, 0.89f, 0.52f },
        { 0.21f, 0.47f, 0.56f, 0.93f, 0.45f }, { 0.02f, 0.42f, 0.14f, 0.37f, 0.96f },
    };

    [Fact]
    public void Global_threshold_predicts_scores_at_or_above_it()
    {
        float[,] scores = { { 0.5f, 0.49f }, { 0.51f, 0.0f } };

        Assert.Equal(new[,] { { true, false }, { true, false } }, Thresholding.Apply(scores, 0.5f));
        Assert.Equal(new[,] { { false, false }, { true, false } }, Thresholding.Apply(scores, 0.505f));
    }

    [Fact]
    public void Per_class_thresholds_apply_column_by_column()
    {
        float[,] scores = { { 0.3f, 0.3f }, { 0.7f, 0.7f } };

        Assert.Equal(new[,] { { true, false }, { true, true } }, Thresholding.Apply(scores, [0.2f, 0.6f]));
        Assert.Equal(new[,] { { true, false }, { true, true } }, Thresholding.Apply([[0.3f, 0.3f], [0.7f, 0.7f]], [0.2f, 0.6f]));
        Assert.Throws<ArgumentException>(() => Thresholding.Apply(scores, [0.5f]));
    }

    // One tag, six tracks sorted by score:   0.9+  0.8-  0.7+  0.6+  0.3-  0.2-   (3 positives)
    // threshold → TP, FP, FN → F1 = 2TP / (2TP + FP + FN)
    //   0.9 → 1, 0, 2 → 2/4 = 0.500
    //   0.8 → 1, 1, 2 → 2/5 = 0.400
    //   0.7 → 2, 1, 1 → 4/6 = 0.667
    //   0.6 → 3, 1, 0 → 6/7 = 0.857  ← best
    //   0.3 → 3, 2, 0 → 6/8 = 0.750
    //   0.2 → 3, 3, 0 → 6/9 = 0.667
    // The second tag has no positive, so it keeps the fallback.
    private static readonly float[,] HandScores =
    {
        { 0.9f, 0.1f }, { 0.8f, 0.9f }, { 0.7f, 0.2f }, { 0.6f, 0.3f }, { 0.3f, 0.4f }, { 0.2f, 0.5f },
    };

    private static readonly bool[,] HandTruth =
    {
        { true, false }, { false, false }, { true, false }, { true, false }, { false, false }, { false, false },
    };

    [Theory]
    [InlineData(ThresholdSearch.DistinctScores)]
    [InlineData(ThresholdSearch.Grid)] // 0.35 … 0.60 all give 6/7; ties go to the highest, 0.60
    public void Tuning_maximises_each_class_F1(ThresholdSearch search)
    {
        var tuned = ThresholdTuner.Tune(HandScores, HandTruth, ["a", "b"], search, fallback: 0.42f);

        Assert.Equal([0.6f, 0.42f], tuned.Thresholds);
        Assert.Equal(6.0 / 7, tuned.ValidationF1[0], 1e-12);
        Assert.Equal([true, false], tuned.Tuned);
        Assert.Equal(search, tuned.Search);
    }

    [Fact]
    public void Midpoints_keep_the_best_split_with_the_threshold_centred_in_the_gap_below_it()
    {
        // Class a's best cut is at 0.6 (positives 0.9, 0.7, 0.6 and one negative at 0.8); the next lower score is 0.3.
        var tuned = ThresholdTuner.Tune(HandScores, HandTruth, ["a", "b"], ThresholdSearch.Midpoints, fallback: 0.42f);

        Assert.Equal(0.45f, tuned.Thresholds[0], 1e-6f);
        Assert.Equal(6.0 / 7, tuned.ValidationF1[0], 1e-12);
        var metrics = MultiLabelMetrics.Compute(HandTruth, tuned.Apply(HandScores), ["a", "b"]);
        Assert.Equal(6.0 / 7, metrics.PerClass[0].F1, 1e-12);
    }

    [Fact]
    public void Tied_scores_move_together()
    {
        // Both tracks at 0.8 become positive together: one positive, one negative → TP 1, FP 1, FN 0 → F1 2/3.
        // At 0.9 no track is predicted: F1 0. So 0.8 is the best and only useful threshold.
        float[,] scores = { { 0.8f }, { 0.8f }, { 0.1f } };
        bool[,] truth = { { true }, { false }, { false } };

        var tuned = ThresholdTuner.Tune(scores, truth, ["a"]);

        Assert.Equal(0.8f, tuned.Thresholds[0]);
        Assert.Equal(2.0 / 3, tuned.ValidationF1[0], 1e-12);
    }

    [Fact]
    public void Tuned_thresholds_reach_their_validation_F1_when_applied()
    {
        var tuned = ThresholdTuner.Tune(Scores, Truth, Instruments);

        var metrics = MultiLabelMetrics.Compute(Truth, tuned.Apply(Scores), Instruments);

        Assert.Equal(tuned.ValidationF1, metrics.PerClass.Select(c => c.F1));
    }

    [Fact]
    public void Tuning_on_the_instrument_example_matches_a_brute_force_search_with_sklearn_F1()
    {
        // /usr/bin/python3 with sklearn 1.2.1: for each class, try every candidate, f1_score(truth, scores >= t),
        // keep the first (highest) best.
        var distinct = ThresholdTuner.Tune(Scores, Truth, Instruments, ThresholdSearch.DistinctScores);
        var grid = ThresholdTuner.Tune(Scores, Truth, Instruments, ThresholdSearch.Grid);

        Assert.Equal([0.57f, 0.87f, 0.87f, 0.43f, 0.45f], distinct.Thresholds);
        AssertClose([6.0 / 7, 0.8, 0.5, 6.0 / 7, 0.7272727272727273], distinct.ValidationF1);
        Assert.Equal([0.55f, 0.85f, 0.85f, 0.7f, 0.45f], grid.Thresholds);
        AssertClose([6.0 / 7, 0.8, 0.5, 0.8, 0.7272727272727273], grid.ValidationF1);
    }

    [Fact]
    public void Tuning_rejects_mismatched_shapes()
    {
        Assert.Throws<ArgumentException>(() => ThresholdTuner.Tune(HandScores, new bool[5, 2], ["a", "b"]));
        Assert.Throws<ArgumentException>(() => ThresholdTuner.Tune(HandScores, HandTruth, ["a"]));
    }

    private static void AssertClose(double[] expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-12);
        }
    }

    private static bool[,] ToBool(int[,] values)
    {
        var result = new bool[values.GetLength(0), values.GetLength(1)];
        for (var i = 0; i < values.GetLength(0); i++)
        {
            for (var j = 0; j < values.GetLength(1); j++)
            {
                result[i, j] = values[i, j] != 0;
            }
        }

        return result;
    }
}
