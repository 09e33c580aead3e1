using OrleansGenres.Ml.Evaluation;

namespace OrleansGenres.Ml.Experiments;

/// <summary>k-fold cross-validation: each fold's headline test metrics and, per metric, the mean and standard deviation over folds.</summary>
public sealed record CrossValidationSummary(
    string Config,
    IReadOnlyList<int> Folds,
    IReadOnlyList<IReadOnlyDictionary<string, double>> PerFold,
    IReadOnlyDictionary<string, double> Mean,
    IReadOnlyDictionary<string, double> StandardDeviation)
{
    public static CrossValidationSummary Create(string config, IReadOnlyList<(int Fold, EvaluationReport Report)> folds)
    {
        var perFold = folds.Select(f => f.Report.Headline()).ToArray();
        var metrics = perFold.SelectMany(h => h.Keys).Distinct().Where(key => perFold.All(h => h.ContainsKey(key))).ToArray();
        var mean = metrics.ToDictionary(key => key, key => perFold.Average(h => h[key]));
        var deviation = metrics.ToDictionary(key => key, key =>
            perFold.Length < 2 ? 0 : Math.Sqrt(perFold.Sum(h => Math.Pow(h[key] - mean[key], 2)) / (perFold.Length - 1)));
        return new CrossValidationSummary(config, [.. folds.Select(f => f.Fold)], perFold, mean, deviation);
    }

    public string Format() =>
        $"{Config}: {Folds.Count}-fold cross-validation (folds {string.Join(", ", Folds)})\n" +
        string.Concat(Mean.Keys.Select(key =>
            $"  {key,-20} {Mean[key]:F4} ± {StandardDeviation[key]:F4}   folds: {string.Join("  ", PerFold.Select(h => h[key].ToString("F4", System.Globalization.CultureInfo.InvariantCulture)))}\n"));
}
