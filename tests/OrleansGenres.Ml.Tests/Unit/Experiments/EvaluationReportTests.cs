using OrleansGenres.Ml.Evaluation;
using OrleansGenres.Ml.Experiments;

namespace OrleansGenres.Ml.Tests.Unit.Experiments;

public sealed class EvaluationReportTests
{
    [Fact]
    public void Multi_label_balanced_accuracy_is_the_mean_of_recall_and_specificity_per_label()
    {
        // Four tracks, labels x, y. Truth: {x}, {x, y}, {y}, {}. Assigned: {x}, {x}, {x, y}, {}.
        // x: tp 2, fp 1, fn 0, tn 1 → recall 1, specificity 1/2 → 0.75.
        // y: tp 1, fp 0, fn 1, tn 2 → recall 1/2, specificity 1 → 0.75.
        var predictions = new TrackPredictions(
            "m", ["x", "y"], MultiLabel: true, ["1", "2", "3", "4"],
            [[0], [0, 1], [1], []],
            [[0.9f, 0.1f], [0.8f, 0.2f], [0.7f, 0.6f], [0.1f, 0.1f]],
            [[true, false], [true, false], [true, true], [false, false]]);

        var report = EvaluationReport.Create(predictions, resamples: 50);

        Assert.Equal(0.75, report.BalancedAccuracy, 10);
        Assert.Equal(0.5, report.Accuracy, 10); // subset accuracy: tracks 1 and 4
        Assert.NotNull(report.F1Samples);
        Assert.Contains("f1Samples", report.Intervals.Keys);
        Assert.Contains("samples avg", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_label_reports_carry_confusion_baselines_and_intervals()
    {
        var predictions = new TrackPredictions(
            "m", ["a", "b"], MultiLabel: false, ["1", "2", "3", "4"],
            [[0], [0], [1], [1]],
            [[0.9f, 0.1f], [0.4f, 0.6f], [0.2f, 0.8f], [0.3f, 0.7f]],
            [[true, false], [false, true], [false, true], [false, true]]);

        var report = EvaluationReport.Create(predictions, trainTruth: [0, 0, 0, 1], resamples: 50);

        Assert.Equal(0.75, report.Accuracy, 10);
        Assert.Equal(0.75, report.BalancedAccuracy, 10); // recall a 1/2, b 1
        Assert.Equal([[1, 1], [0, 2]], report.Confusion!.Select(row => row.ToArray()));
        Assert.Equal(0.5, report.Baselines!["majorityAccuracy"], 10);
        Assert.Equal(0.75, report.Intervals["accuracy"].Estimate, 10);
        Assert.Contains("majority", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Group_accuracy_takes_the_best_scoring_label_of_the_group_named_by_a_column()
    {
        var predictions = new TrackPredictions(
            "m", ["brass", "flute", "trumpet", "woodwind"], MultiLabel: true, ["1", "2", "3"],
            [[2, 0], [1, 3], [1, 3]],
            [[0.2f, 0.1f, 0.9f, 0.3f], [0.1f, 0.4f, 0.6f, 0.9f], [0.1f, 0.8f, 0.2f, 0.9f]],
            [[false, false, true, false], [false, false, true, true], [false, true, false, true]]);
        var extra = new[] { "trumpet", "flute", "flute" }
            .Select(instrument => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["instrument"] = instrument, ["note"] = "A4" })
            .ToArray();

        var groups = GroupAccuracy.Find(predictions, extra);

        var instrument = Assert.Single(groups); // "note" values are not labels: no group
        Assert.Equal("instrument", instrument.Column);
        Assert.Equal(2, instrument.Correct); // track 2 scores trumpet above flute
        Assert.Equal(3, instrument.Tracks);
    }

    [Fact]
    public void Comparison_needs_the_same_labels_and_tracks()
    {
        var a = new TrackPredictions("a", ["x", "y"], false, ["1", "2"], [[0], [1]], [[0.9f, 0.1f], [0.2f, 0.8f]], [[true, false], [false, true]]);
        var b = a with { ModelName = "b", Assigned = [[true, false], [true, false]] };
        var c = a with { ModelName = "c", TrackPaths = ["1", "3"] };

        var report = ModelComparisonReport.Create([a, b], resamples: 50);

        Assert.Equal(1.0, report.Models["a"].Estimate);
        Assert.Equal(0.5, report.Models["b"].Estimate);
        Assert.Single(report.Pairs);
        Assert.Throws<ArgumentException>(() => ModelComparisonReport.Create([a, c], resamples: 50));
        Assert.Throws<ArgumentException>(() => ModelComparisonReport.Create([a], resamples: 50));
    }
}
