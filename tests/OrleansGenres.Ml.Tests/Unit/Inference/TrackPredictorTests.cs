using OrleansGenres.Ml.Features;
using OrleansGenres.Ml.Inference;
using OrleansGenres.Ml.Models;
using OrleansGenres.Torch.Models;

namespace OrleansGenres.Ml.Tests.Unit.Inference;

public sealed class TrackPredictorTests
{
    // Three windows, two classes, worked by hand.
    private static readonly float[] Probabilities = [0.2f, 0.8f, 0.6f, 0.4f, 0.1f, 0.9f];

    [Fact]
    public void Mean_and_max_aggregate_per_label_over_windows()
    {
        var mean = TrackPredictor.Aggregate(Probabilities, windows: 3, classes: 2, Aggregation.Mean);
        var max = TrackPredictor.Aggregate(Probabilities, windows: 3, classes: 2, Aggregation.Max);

        Assert.Equal(0.3f, mean[0], 5);
        Assert.Equal(0.7f, mean[1], 5);
        Assert.Equal([0.6f, 0.9f], max);
    }

    [Fact]
    public void The_accumulator_agrees_with_aggregate_for_windows_arriving_in_any_order()
    {
        foreach (var aggregation in new[] { Aggregation.Mean, Aggregation.Max })
        {
            var accumulator = new TrackScoreAccumulator(tracks: 2, classes: 2, aggregation);
            accumulator.Add(0, Probabilities.AsSpan(4, 2));
            accumulator.Add(1, [0.5f, 0.5f]);
            accumulator.Add(0, Probabilities.AsSpan(0, 2));
            accumulator.Add(0, Probabilities.AsSpan(2, 2));

            var scores = accumulator.Scores();

            var expected = TrackPredictor.Aggregate(Probabilities, 3, 2, aggregation);
            Assert.Equal(expected[0], scores[0][0], 5);
            Assert.Equal(expected[1], scores[0][1], 5);
            Assert.Equal([0.5f, 0.5f], scores[1]);
        }
    }

    [Fact]
    public void A_track_without_windows_is_an_error_not_a_zero_score()
    {
        var accumulator = new TrackScoreAccumulator(tracks: 2, classes: 2, Aggregation.Mean);
        accumulator.Add(0, [1f, 0f]);
        Assert.Throws<InvalidOperationException>(accumulator.Scores);
    }

    [Fact]
    public void Single_label_assigns_the_argmax_and_multi_label_uses_each_labels_threshold()
    {
        using var model = TaggingModel.Create(new NetworkOptions { Classes = 3, NMels = 16, Device = DeviceChoice.Cpu });
        using var single = new TrackPredictor(Card(multiLabel: false, thresholds: null), model);
        using var multi = new TrackPredictor(Card(multiLabel: true, thresholds: [0.5f, 0.2f, 0.9f]), model);

        Assert.Equal([false, true, false], single.Assign([0.3f, 0.4f, 0.3f]));
        Assert.Equal([true, true, false], multi.Assign([0.5f, 0.25f, 0.85f]));
    }

    [Fact]
    public void Tags_come_sorted_by_score_with_the_timeline_kept()
    {
        using var model = TaggingModel.Create(new NetworkOptions { Classes = 2, NMels = 16, Device = DeviceChoice.Cpu });
        using var predictor = new TrackPredictor(Card(multiLabel: false, thresholds: null, labels: ["a", "b"]), model);
        var positions = new[] { new Audio.Pipeline.WindowPosition(0, 0, 4, false), new(1, 2, 6, false), new(2, 4, 8, true) };

        var prediction = predictor.Predict(Probabilities, positions);

        Assert.Equal(["b", "a"], prediction.Tags.Select(t => t.Label));
        Assert.True(prediction.Tags[0].Assigned);
        Assert.False(prediction.Tags[1].Assigned);
        Assert.Equal(3, prediction.Windows.Count);
        Assert.Equal([0.1f, 0.9f], prediction.Windows[2].Scores);
        Assert.Equal(4, prediction.Windows[2].StartSeconds);
    }

    private static ModelCard Card(bool multiLabel, IReadOnlyList<float>? thresholds, IReadOnlyList<string>? labels = null) => new()
    {
        Name = "t",
        Labels = labels ?? ["a", "b", "c"],
        MultiLabel = multiLabel,
        Thresholds = thresholds,
        FrontEnd = FrontEnd.Default with { Mel = FrontEnd.Default.Mel with { NMels = 16 } },
        Model = new NetworkOptions { Classes = (labels ?? ["a", "b", "c"]).Count, NMels = 16 },
    };
}
