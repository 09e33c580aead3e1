using OrleansGenres.Ml.Evaluation;
using OrleansGenres.Ml.Experiments;
using OrleansGenres.Ml.Training;

namespace OrleansGenres.Ml.Tests.Unit.Experiments;

public sealed class TrackMetricTests
{
    [Fact]
    public void Single_label_is_one_for_a_right_argmax_and_zero_otherwise()
    {
        Assert.Equal(1, TrackMetric.Of([0.1f, 0.7f, 0.2f], [1], multiLabel: false, _ => 0.5f));
        Assert.Equal(0, TrackMetric.Of([0.1f, 0.7f, 0.2f], [2], multiLabel: false, _ => 0.5f));
    }

    [Fact]
    public void Multi_label_is_the_items_F1_at_the_thresholds()
    {
        // Assigned {0, 1} (0.5 and 0.6 reach 0.5), truth {1, 2}: tp 1, F1 = 2·1 / (2 + 2) = 0.5.
        Assert.Equal(0.5, TrackMetric.Of([0.5f, 0.6f, 0.4f], [1, 2], multiLabel: true, _ => 0.5f));
        // Per-label thresholds: label 2 needs only 0.3 → assigned {0, 1, 2}, F1 = 2·2 / (3 + 2) = 0.8.
        Assert.Equal(0.8, TrackMetric.Of([0.5f, 0.6f, 0.4f], [1, 2], multiLabel: true, c => c == 2 ? 0.3f : 0.5f), 10);
    }

    [Fact]
    public void Cross_validation_summary_has_the_mean_and_sample_deviation_over_folds()
    {
        var reports = new[] { (1, Report(0.8)), (2, Report(0.9)), (3, Report(1.0)) };

        var summary = CrossValidationSummary.Create("cv", reports);

        Assert.Equal(0.9, summary.Mean["accuracy"], 10);
        Assert.Equal(0.1, summary.StandardDeviation["accuracy"], 10); // sqrt((0.01 + 0 + 0.01) / 2)
        Assert.Equal([1, 2, 3], summary.Folds);
        Assert.Contains("0.9000 ± 0.1000", summary.Format(), StringComparison.Ordinal);
    }

    private static EvaluationReport Report(double accuracy) => new()
    {
        Model = "m",
        Tracks = 10,
        MultiLabel = false,
        Labels = ["a", "b"],
        Accuracy = accuracy,
        BalancedAccuracy = accuracy,
        F1Macro = accuracy,
        F1Weighted = accuracy,
        F1Micro = accuracy,
        PerClass = [],
        Intervals = new Dictionary<string, BootstrapInterval>(),
        Text = string.Empty,
    };
}
