using OrleansGenres.Ml.Evaluation;

namespace OrleansGenres.Ml.Tests.Unit.Evaluation;

public sealed class BaselinesTests
{
    private const double Tolerance = 1e-12;
    private static readonly string[] Genres = ["blues", "jazz", "rock"];

    [Fact]
    public void Majority_predicts_the_most_frequent_training_class()
    {
        // train: rock ×3 → predict rock for test 0 1 2 2
        var baseline = Baselines.Majority([2, 2, 1, 0, 2], [0, 1, 2, 2], Genres);

        Assert.Equal(2, baseline.ClassIndex);
        Assert.Equal("rock", baseline.Label);
        Assert.Equal(0.5, baseline.Metrics.Accuracy, Tolerance);              // 2 of 4 tracks are rock
        Assert.Equal(1.0 / 3, baseline.Metrics.BalancedAccuracy, Tolerance);  // recalls 0, 0, 1
        // rock: P 2/4, R 1, F1 2/3; blues and jazz 0 → macro F1 (2/3)/3 = 2/9
        Assert.Equal(2.0 / 9, baseline.Metrics.Macro.F1, Tolerance);
    }

    [Fact]
    public void Majority_ties_go_to_the_lowest_class()
    {
        Assert.Equal(0, Baselines.Majority([1, 0, 1, 0], [0], Genres).ClassIndex);
    }

    [Fact]
    public void Random_accuracy_and_balanced_accuracy_are_exact_expectations()
    {
        // prior from train (6, 3, 1)/10 = 0.6, 0.3, 0.1; test shares (1, 3, 0)/4
        // E[accuracy] = 1/4·0.6 + 3/4·0.3 = 0.375; E[balanced] = mean prior of present classes = (0.6 + 0.3)/2 = 0.45
        int[] train = [0, 0, 0, 0, 0, 0, 1, 1, 1, 2];
        var baseline = Baselines.Random(train, [0, 1, 1, 1], Genres, simulations: 10);

        Assert.Equal([0.6, 0.3, 0.1], baseline.Prior);
        Assert.Equal(0.375, baseline.Accuracy, Tolerance);
        Assert.Equal(0.45, baseline.BalancedAccuracy, Tolerance);
    }

    [Fact]
    public void Random_macro_F1_simulation_agrees_with_exact_enumeration()
    {
        int[] train = [0, 0, 0, 0, 0, 0, 1, 1, 1, 2];
        int[] test = [0, 1, 1, 1];
        double[] prior = [0.6, 0.3, 0.1];

        // Exact expectation: all 3^4 = 81 prediction vectors, weighted by their probability under the prior.
        var exact = 0.0;
        for (var code = 0; code < 81; code++)
        {
            int[] predicted = [code % 3, code / 3 % 3, code / 9 % 3, code / 27];
            var probability = predicted.Aggregate(1.0, (p, c) => p * prior[c]);
            exact += probability * SingleLabelMetrics.Compute(test, predicted, Genres).Macro.F1;
        }

        var baseline = Baselines.Random(train, test, Genres, simulations: 20_000, seed: 3);

        Assert.InRange(baseline.MacroF1StandardError, 1e-4, 0.01);
        Assert.InRange(baseline.MacroF1, exact - 5 * baseline.MacroF1StandardError, exact + 5 * baseline.MacroF1StandardError);
    }

    [Fact]
    public void Random_baseline_is_deterministic_for_a_seed()
    {
        int[] train = [0, 1, 1, 2, 2, 2];
        int[] test = [0, 1, 2, 2, 1, 0, 2];

        Assert.Equal(
            Baselines.Random(train, test, Genres, 200, seed: 5).MacroF1,
            Baselines.Random(train, test, Genres, 200, seed: 5).MacroF1);
        Assert.NotEqual(
            Baselines.Random(train, test, Genres, 200, seed: 5).MacroF1,
            Baselines.Random(train, test, Genres, 200, seed: 6).MacroF1);
    }

    [Fact]
    public void Comparison_puts_the_model_beside_both_baselines()
    {
        int[] train = [2, 2, 1, 0, 2];
        int[] test = [0, 1, 2, 2];
        // model: accuracy 3/4; recalls 1, 1, 1/2 → balanced 5/6; F1 blues 1, jazz 2/3, rock 2/3 → macro 7/9
        var model = SingleLabelMetrics.Compute(test, [0, 1, 2, 1], Genres);

        var comparison = Baselines.Compare(model, train, test, simulations: 100);
        var lines = comparison.Format().Split('\n');

        Assert.Equal("                 accuracy  balanced accuracy  macro F1", lines[0]);
        Assert.Equal("model                0.75               0.83      0.78", lines[1]);
        Assert.Equal("majority (rock)      0.50               0.33      0.22", lines[2]);
        Assert.StartsWith("random (prior)       0.40               0.33      ", lines[3]); // 1/4·0.2 + 1/4·0.2 + 2/4·0.6
        Assert.Equal(string.Empty, lines[4]);
    }
}
