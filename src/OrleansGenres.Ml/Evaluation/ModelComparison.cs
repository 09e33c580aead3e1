namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// Compares models evaluated on the same tracks. All comparisons resample tracks with <see cref="Bootstrap"/>'s
/// generator, so for a given seed every model, and every pair, sees the same resamples: the comparison of A and B in
/// <see cref="AllPairs"/> equals <see cref="PairedBootstrap"/> of A and B with that seed.
/// </summary>
public static class ModelComparison
{
    /// <summary>
    /// Paired bootstrap of metricA − metricB; see <see cref="PairedBootstrapResult"/> for the interval and p-value.
    /// </summary>
    public static PairedBootstrapResult PairedBootstrap(
        int itemCount,
        Func<int[], double> metricA,
        Func<int[], double> metricB,
        int resamples = Bootstrap.DefaultResamples,
        double level = Bootstrap.DefaultLevel,
        int seed = Bootstrap.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(metricA);
        ArgumentNullException.ThrowIfNull(metricB);
        var replicates = Replicate(itemCount, [metricA, metricB], resamples, level, seed, out var estimates);
        return Summarise(estimates[0], estimates[1], replicates[0], replicates[1], level, seed);
    }

    /// <summary>Paired bootstrap, and McNemar where both models give per-track correctness, of two models.</summary>
    public static PairwiseComparison Compare(
        int itemCount,
        EvaluatedModel a,
        EvaluatedModel b,
        int resamples = Bootstrap.DefaultResamples,
        double level = Bootstrap.DefaultLevel,
        int seed = Bootstrap.DefaultSeed) =>
        AllPairs(itemCount, [a, b], resamples, level, seed).Pairs[0];

    /// <summary>
    /// Every pair of two or more models. Each replicate resamples the tracks once and evaluates every model on it,
    /// so N models cost N metric evaluations per replicate, not N·(N − 1).
    /// </summary>
    public static ComparisonTable AllPairs(
        int itemCount,
        IReadOnlyList<EvaluatedModel> models,
        int resamples = Bootstrap.DefaultResamples,
        double level = Bootstrap.DefaultLevel,
        int seed = Bootstrap.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count < 2)
        {
            throw new ArgumentException("At least two models are needed for a comparison.", nameof(models));
        }

        var names = models.Select(m => m.Name).ToArray();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            throw new ArgumentException("Model names must be distinct.", nameof(models));
        }

        foreach (var model in models.Where(m => m.Correct is not null && m.Correct.Count != itemCount))
        {
            throw new ArgumentException(
                $"Model '{model.Name}' gives correctness for {model.Correct!.Count} tracks, not {itemCount}.",
                nameof(models));
        }

        var replicates = Replicate(
            itemCount, models.Select(m => m.Metric).ToArray(), resamples, level, seed, out var estimates);
        var pairs = new List<PairwiseComparison>();
        for (var i = 0; i < models.Count; i++)
        {
            for (var j = i + 1; j < models.Count; j++)
            {
                var bootstrap = Summarise(estimates[i], estimates[j], replicates[i], replicates[j], level, seed);
                var mcNemar = models[i].Correct is { } correctA && models[j].Correct is { } correctB
                    ? McNemarTest.Exact(correctA, correctB)
                    : null;
                pairs.Add(new PairwiseComparison(names[i], names[j], bootstrap, mcNemar));
            }
        }

        return new ComparisonTable(Array.AsReadOnly(names), pairs.AsReadOnly());
    }

    /// <summary>replicates[model][r]: each model's metric on resample r (the same resample for every model).</summary>
    private static double[][] Replicate(
        int itemCount,
        IReadOnlyList<Func<int[], double>> metrics,
        int resamples,
        double level,
        int seed,
        out double[] estimates)
    {
        Bootstrap.CheckArguments(itemCount, resamples, level);
        var all = Enumerable.Range(0, itemCount).ToArray();
        estimates = metrics.Select(m => m(all)).ToArray();
        var replicates = metrics.Select(_ => new double[resamples]).ToArray();
        var r = 0;
        foreach (var indices in Bootstrap.Resamples(itemCount, resamples, seed))
        {
            for (var m = 0; m < metrics.Count; m++)
            {
                replicates[m][r] = metrics[m](indices);
            }

            r++;
        }

        return replicates;
    }

    private static PairedBootstrapResult Summarise(
        double estimateA, double estimateB, double[] a, double[] b, double level, int seed)
    {
        var differences = new List<double>(a.Length);
        int atMostZero = 0, atLeastZero = 0;
        for (var r = 0; r < a.Length; r++)
        {
            var d = a[r] - b[r];
            if (double.IsNaN(d))
            {
                continue; // a metric undefined on this resample: the replicate says nothing about the difference
            }

            differences.Add(d);
            atMostZero += d <= 0 ? 1 : 0;
            atLeastZero += d >= 0 ? 1 : 0;
        }

        var (mean, lower, upper) = Bootstrap.Summarise(differences, level);
        var valid = differences.Count;
        var p = valid == 0
            ? double.NaN
            : Math.Clamp(2.0 * Math.Min(atMostZero, atLeastZero) / valid, 1.0 / (valid + 1), 1.0);
        return new PairedBootstrapResult(
            estimateA, estimateB, estimateA - estimateB, mean, lower, upper, p, level, a.Length, valid, seed);
    }
}
