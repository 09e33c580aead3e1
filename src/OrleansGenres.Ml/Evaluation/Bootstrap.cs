using OrleansGenres.Ml.Randomness;

namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// Nonparametric bootstrap over items (tracks): each resample draws <c>itemCount</c> indices uniformly with
/// replacement and the statistic is recomputed on them. The interval is the percentile interval: quantiles of the
/// resampled statistic, interpolated linearly as numpy's default <c>np.quantile</c> does. The same seed always gives
/// the same resamples, so results are deterministic and <see cref="ModelComparison"/> can reuse them.
/// Resample tracks, not windows: windows of one track are correlated and resampling them would understate the
/// uncertainty.
/// </summary>
public static class Bootstrap
{
    public const int DefaultResamples = 1000;
    public const double DefaultLevel = 0.95;
    public const int DefaultSeed = 0;

    /// <summary>
    /// Percentile confidence interval of <paramref name="statistic"/>, which receives the item indices of one
    /// resample (a fresh array it may keep; indices repeat) — e.g.
    /// <c>idx =&gt; SingleLabelMetrics.Compute(truth, predicted, labels, idx).Macro.F1</c>.
    /// </summary>
    public static BootstrapInterval Interval(
        int itemCount,
        Func<int[], double> statistic,
        int resamples = DefaultResamples,
        double level = DefaultLevel,
        int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        CheckArguments(itemCount, resamples, level);
        var estimate = statistic(EvaluationInput.Identity(itemCount));
        var values = new List<double>(resamples);
        foreach (var indices in Resamples(itemCount, resamples, seed))
        {
            var value = statistic(indices);
            if (!double.IsNaN(value))
            {
                values.Add(value);
            }
        }

        var (mean, lower, upper) = Summarise(values, level);
        return new BootstrapInterval(estimate, mean, lower, upper, level, resamples, values.Count, seed);
    }

    /// <summary>The resamples <see cref="Interval"/> draws for these arguments, in order.</summary>
    public static IEnumerable<int[]> Resamples(int itemCount, int resamples, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(itemCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resamples);
        return Draw(itemCount, resamples, seed);

        static IEnumerable<int[]> Draw(int itemCount, int resamples, int seed)
        {
            var random = new SeededRandom(seed);
            for (var r = 0; r < resamples; r++)
            {
                var indices = new int[itemCount];
                for (var i = 0; i < itemCount; i++)
                {
                    indices[i] = random.NextInt(itemCount);
                }

                yield return indices;
            }
        }
    }

    internal static void CheckArguments(int itemCount, int resamples, double level)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(itemCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resamples);
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must lie in (0, 1).");
        }
    }

    /// <summary>Mean and the two percentile bounds; NaN for all three when no resample gave a value.</summary>
    internal static (double Mean, double Lower, double Upper) Summarise(List<double> values, double level)
    {
        if (values.Count == 0)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var alpha = 1 - level;
        return (sorted.Average(), Quantile(sorted, alpha / 2), Quantile(sorted, 1 - alpha / 2));
    }

    /// <summary>numpy's default (type 7) quantile: linear interpolation between order statistics at q·(n − 1).</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        if (below >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        var fraction = position - below;
        return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
    }
}
