using OrleansGenres.Ml.Randomness;

namespace OrleansGenres.Ml.Evaluation;

/// <summary>Reference points for a single-label model: what "no skill" scores on the same test set.</summary>
public static class Baselines
{
    public const int DefaultSimulations = 1000;

    /// <summary>Always predict the most frequent class of <paramref name="trainTruth"/> (ties: lowest index).</summary>
    public static MajorityBaseline Majority(int[] trainTruth, int[] testTruth, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(testTruth);
        var counts = ClassCounts(trainTruth, labels, nameof(trainTruth));
        var majority = 0;
        for (var c = 1; c < counts.Length; c++)
        {
            if (counts[c] > counts[majority])
            {
                majority = c;
            }
        }

        var predicted = new int[testTruth.Length];
        Array.Fill(predicted, majority);
        return new MajorityBaseline(majority, labels[majority], SingleLabelMetrics.Compute(testTruth, predicted, labels));
    }

    /// <summary>
    /// Guess at random with the training prior: accuracy and balanced accuracy exactly (analytic expectations),
    /// macro F1 by <paramref name="simulations"/> seeded draws (see <see cref="RandomBaseline"/>).
    /// </summary>
    public static RandomBaseline Random(
        int[] trainTruth,
        int[] testTruth,
        IReadOnlyList<string> labels,
        int simulations = DefaultSimulations,
        int seed = Bootstrap.DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(simulations);
        var counts = ClassCounts(trainTruth, labels, nameof(trainTruth));
        var testCounts = ClassCounts(testTruth, labels, nameof(testTruth));
        var k = counts.Length;
        var prior = new double[k];
        for (var c = 0; c < k; c++)
        {
            prior[c] = (double)counts[c] / trainTruth.Length;
        }

        double accuracy = 0, recallSum = 0;
        var present = 0;
        for (var c = 0; c < k; c++)
        {
            accuracy += (double)testCounts[c] / testTruth.Length * prior[c];
            if (testCounts[c] > 0)
            {
                recallSum += prior[c];
                present++;
            }
        }

        // Drawing a uniform training index and taking its class samples the prior exactly, with no rounding of
        // cumulative probabilities: class c covers the draws [cumulative[c - 1], cumulative[c]).
        var cumulative = new int[k];
        var running = 0;
        for (var c = 0; c < k; c++)
        {
            running += counts[c];
            cumulative[c] = running;
        }

        var random = new SeededRandom(seed);
        var predicted = new int[testTruth.Length];
        double sum = 0, sumSquares = 0;
        for (var s = 0; s < simulations; s++)
        {
            for (var i = 0; i < predicted.Length; i++)
            {
                var draw = random.NextInt(trainTruth.Length);
                var c = 0;
                while (draw >= cumulative[c])
                {
                    c++;
                }

                predicted[i] = c;
            }

            var f1 = SingleLabelMetrics.Compute(testTruth, predicted, labels).Macro.F1;
            sum += f1;
            sumSquares += f1 * f1;
        }

        var mean = sum / simulations;
        var variance = simulations > 1 ? Math.Max(0, (sumSquares - simulations * mean * mean) / (simulations - 1)) : 0;
        return new RandomBaseline(
            Array.AsReadOnly(prior),
            accuracy,
            recallSum / present,
            mean,
            Math.Sqrt(variance / simulations),
            simulations,
            seed);
    }

    /// <summary>Both baselines beside <paramref name="model"/>, which must be evaluated on <paramref name="testTruth"/>.</summary>
    public static BaselineComparison Compare(
        SingleLabelMetrics model,
        int[] trainTruth,
        int[] testTruth,
        int simulations = DefaultSimulations,
        int seed = Bootstrap.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(testTruth);
        if (model.Count != testTruth.Length)
        {
            throw new ArgumentException(
                $"The model was evaluated on {model.Count} items, the test truth has {testTruth.Length}.",
                nameof(testTruth));
        }

        return new BaselineComparison(
            model,
            Majority(trainTruth, testTruth, model.Labels),
            Random(trainTruth, testTruth, model.Labels, simulations, seed));
    }

    private static int[] ClassCounts(int[] truth, IReadOnlyList<string> labels, string paramName)
    {
        ArgumentNullException.ThrowIfNull(truth, paramName);
        ArgumentNullException.ThrowIfNull(labels);
        if (truth.Length == 0)
        {
            throw new ArgumentException("No items.", paramName);
        }

        var counts = new int[labels.Count];
        foreach (var c in truth)
        {
            if ((uint)c >= (uint)counts.Length)
            {
                throw new ArgumentOutOfRangeException(paramName, c, $"Class id outside [0, {counts.Length}).");
            }

            counts[c]++;
        }

        return counts;
    }
}
