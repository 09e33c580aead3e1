using OrleansGenres.Ml.Evaluation;

namespace OrleansGenres.Ml.Tests.Unit.Evaluation;

public sealed class SingleLabelMetricsTests
{
    private const double Tolerance = 1e-12;

    // 8 tracks, 3 classes; "rock" is never predicted, so its precision is 0/0 (zero_division → 0).
    //   truth     0 0 0 1 1 2 2 2
    //   predicted 0 0 1 1 0 0 1 0
    internal static readonly string[] Genres = ["blues", "jazz", "rock"];
    internal static readonly int[] Truth = [0, 0, 0, 1, 1, 2, 2, 2];
    internal static readonly int[] Predicted = [0, 0, 1, 1, 0, 0, 1, 0];

    private static SingleLabelMetrics Metrics => SingleLabelMetrics.Compute(Truth, Predicted, Genres);

    [Fact]
    public void Accuracy_counts_the_diagonal()
    {
        // correct: tracks 0, 1 (blues) and 3 (jazz) → 3 / 8
        Assert.Equal(0.375, Metrics.Accuracy, Tolerance);
        Assert.Equal(8, Metrics.Count);
    }

    [Fact]
    public void Per_class_metrics_follow_the_confusion_matrix_with_zero_division_as_zero()
    {
        var m = Metrics;

        // blues: TP 2, predicted 5 (tracks 0, 1, 4, 5, 7), support 3 → P 2/5, R 2/3, F1 = 2·(2/5)(2/3)/(2/5 + 2/3) = 1/2
        AssertClass(m.PerClass[0], "blues", 2.0 / 5, 2.0 / 3, 0.5, support: 3, tp: 2, fp: 3, fn: 1);
        // jazz: TP 1, predicted 3 (tracks 2, 3, 6), support 2 → P 1/3, R 1/2, F1 = 2·(1/6)/(5/6) = 2/5
        AssertClass(m.PerClass[1], "jazz", 1.0 / 3, 0.5, 0.4, support: 2, tp: 1, fp: 2, fn: 1);
        // rock: never predicted → P = 0/0 → 0 (sklearn zero_division=0), R 0/3 = 0, F1 0
        AssertClass(m.PerClass[2], "rock", 0, 0, 0, support: 3, tp: 0, fp: 0, fn: 3);
        Assert.All(m.PerClass, c => Assert.False(double.IsNaN(c.Precision)));
    }

    [Fact]
    public void Balanced_accuracy_is_the_mean_recall_of_the_classes_in_truth()
    {
        // (2/3 + 1/2 + 0) / 3 = 7/18; sklearn 1.2.1 balanced_accuracy_score gives 0.38888888888888884
        Assert.Equal(7.0 / 18, Metrics.BalancedAccuracy, Tolerance);
    }

    [Fact]
    public void Balanced_accuracy_leaves_out_classes_absent_from_truth()
    {
        // truth has no rock; rock predicted once. Recall blues 1/2, jazz 1/1 → (1/2 + 1) / 2 = 3/4, not /3.
        var m = SingleLabelMetrics.Compute([0, 0, 1], [0, 2, 1], Genres);

        Assert.Equal(0.75, m.BalancedAccuracy, Tolerance);
        // macro still averages all three labels (sklearn with labels=[0, 1, 2]): F1 blues 2/3, jazz 1, rock 0 → 5/9
        Assert.Equal(5.0 / 9, m.Macro.F1, Tolerance);
    }

    [Fact]
    public void Macro_weighted_and_micro_averages_match_hand_arithmetic_and_sklearn()
    {
        var m = Metrics;

        // macro: P (2/5 + 1/3 + 0)/3 = 11/45, R (2/3 + 1/2 + 0)/3 = 7/18, F1 (1/2 + 2/5 + 0)/3 = 3/10
        // sklearn 1.2.1: 0.24444444444444446, 0.38888888888888884, 0.3
        Assert.Equal(11.0 / 45, m.Macro.Precision, Tolerance);
        Assert.Equal(7.0 / 18, m.Macro.Recall, Tolerance);
        Assert.Equal(0.3, m.Macro.F1, Tolerance);
        Assert.Equal(8, m.Macro.Support);

        // weighted by support 3, 2, 3: P (3·2/5 + 2·1/3)/8 = 7/30, R (2 + 1)/8 = 3/8 (= accuracy), F1 (3/2 + 4/5)/8 = 0.2875
        // sklearn 1.2.1: 0.23333333333333334, 0.375, 0.2875
        Assert.Equal(7.0 / 30, m.Weighted.Precision, Tolerance);
        Assert.Equal(0.375, m.Weighted.Recall, Tolerance);
        Assert.Equal(0.2875, m.Weighted.F1, Tolerance);

        // micro: TP 3, FP 5, FN 5 → P = R = F1 = 3/8 = accuracy
        Assert.Equal(new AveragedMetrics(0.375, 0.375, 0.375, 8), m.Micro);
    }

    [Fact]
    public void Ten_genre_example_matches_sklearn()
    {
        var m = SingleLabelMetrics.Compute(
            ClassificationReportTests.GenreTruth, ClassificationReportTests.GenrePredicted, ClassificationReportTests.TenGenres);

        // sklearn 1.2.1 (labels=range(10), zero_division=0)
        Assert.Equal(0.6, m.Accuracy, Tolerance);
        Assert.Equal(0.6392857142857143, m.BalancedAccuracy, Tolerance);
        Assert.Equal(0.5719949494949496, m.Macro.Precision, Tolerance);
        Assert.Equal(0.6392857142857143, m.Macro.Recall, Tolerance);
        Assert.Equal(0.5903679653679654, m.Macro.F1, Tolerance);
        Assert.Equal(0.5715867003367003, m.Weighted.Precision, Tolerance);
        Assert.Equal(0.6, m.Weighted.Recall, Tolerance);
        Assert.Equal(0.5683621933621933, m.Weighted.F1, Tolerance);
    }

    [Fact]
    public void Indices_select_items_and_count_repeats()
    {
        // items 0, 0, 5: truth blues, blues, rock; predicted blues, blues, blues
        var m = SingleLabelMetrics.Compute(Truth, Predicted, Genres, [0, 0, 5]);

        Assert.Equal(3, m.Count);
        Assert.Equal(2.0 / 3, m.Accuracy, Tolerance);
        Assert.Equal(2, m.Confusion[0, 0]);
        Assert.Equal(1, m.Confusion[2, 0]);
        Assert.Equal(3, m.PerClass[0].Predicted);
    }

    [Fact]
    public void Perfect_predictions_score_one_everywhere()
    {
        var m = SingleLabelMetrics.Compute(Truth, Truth, Genres);

        Assert.Equal(1.0, m.Accuracy);
        Assert.Equal(1.0, m.BalancedAccuracy);
        Assert.Equal(1.0, m.Macro.F1);
        Assert.Equal(1.0, m.Weighted.F1);
    }

    [Fact]
    public void Invalid_input_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => SingleLabelMetrics.Compute([0, 1], [0], Genres));
        Assert.Throws<ArgumentOutOfRangeException>(() => SingleLabelMetrics.Compute([0, 3], [0, 1], Genres));
        Assert.Throws<ArgumentOutOfRangeException>(() => SingleLabelMetrics.Compute([0, 1], [0, -1], Genres));
        Assert.Throws<ArgumentException>(() => SingleLabelMetrics.Compute([], [], Genres));
        Assert.Throws<ArgumentException>(() => SingleLabelMetrics.Compute([0], [0], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => SingleLabelMetrics.Compute(Truth, Predicted, Genres, [8]));
    }

    private static void AssertClass(
        ClassMetrics c, string label, double precision, double recall, double f1, int support, int tp, int fp, int fn)
    {
        Assert.Equal(label, c.Label);
        Assert.Equal(precision, c.Precision, Tolerance);
        Assert.Equal(recall, c.Recall, Tolerance);
        Assert.Equal(f1, c.F1, Tolerance);
        Assert.Equal(support, c.Support);
        Assert.Equal(tp, c.TruePositives);
        Assert.Equal(fp, c.FalsePositives);
        Assert.Equal(fn, c.FalseNegatives);
    }
}
