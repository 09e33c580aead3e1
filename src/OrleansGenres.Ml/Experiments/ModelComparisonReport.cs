using OrleansGenres.Ml.Evaluation;

namespace OrleansGenres.Ml.Experiments;

/// <summary>
/// Two or more models on the same test tracks: each model's bootstrap interval of the compared metric (accuracy, or
/// samples-F1 for multi-label) and every pair's paired bootstrap difference with its p-value (and McNemar's).
/// </summary>
public sealed record ModelComparisonReport(
    string Metric,
    int Tracks,
    IReadOnlyDictionary<string, BootstrapInterval> Models,
    IReadOnlyList<PairwiseComparison> Pairs,
    string Text)
{
    public static ModelComparisonReport Create(IReadOnlyList<TrackPredictions> models, int resamples = Bootstrap.DefaultResamples, int seed = Bootstrap.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count < 2)
        {
            throw new ArgumentException("compare needs two or more models");
        }

        var first = models[0];
        foreach (var other in models.Skip(1))
        {
            if (!other.Labels.SequenceEqual(first.Labels, StringComparer.Ordinal) || other.MultiLabel != first.MultiLabel)
            {
                throw new ArgumentException($"{other.ModelName} and {first.ModelName} have different label sets; compared models must tag the same labels");
            }

            if (!other.TrackPaths.SequenceEqual(first.TrackPaths, StringComparer.Ordinal))
            {
                throw new ArgumentException($"{other.ModelName} and {first.ModelName} were evaluated on different tracks");
            }
        }

        var names = models.Select(m => m.ModelName).ToArray();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            throw new ArgumentException($"model names must differ: {string.Join(", ", names)}");
        }

        var evaluated = models.Select(m => m.ToEvaluatedModel()).ToArray();
        var intervals = evaluated.ToDictionary(m => m.Name, m => Bootstrap.Interval(first.Count, m.Metric, resamples, seed: seed));
        var table = ModelComparison.AllPairs(first.Count, evaluated, resamples, seed: seed);
        var metric = TrackPredictions.ComparedMetricName(first.MultiLabel);
        var width = Math.Max(names.Max(n => n.Length), 5);
        var text = $"{metric} on {first.Count} test tracks, {resamples} paired bootstrap resamples\n\n" +
            $"{"model".PadRight(width)}  {"estimate",8}  {"boot mean",9}  95% interval\n" +
            string.Concat(intervals.Select(pair =>
                $"{pair.Key.PadRight(width)}  {pair.Value.Estimate,8:F4}  {pair.Value.Mean,9:F4}  [{pair.Value.Lower:F4}, {pair.Value.Upper:F4}]\n")) +
            "\n" + table.Format(4);
        return new ModelComparisonReport(metric, first.Count, intervals, table.Pairs, text);
    }
}
