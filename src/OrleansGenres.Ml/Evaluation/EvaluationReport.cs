namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// The evaluation of a model on test tracks, ready for JSON and text: headline metrics (for multi-label,
/// <see cref="Accuracy"/> is subset accuracy and <see cref="BalancedAccuracy"/> the mean over labels of
/// (recall + specificity) / 2), per-class figures, confusion matrix (single-label), bootstrap intervals over tracks,
/// baselines (single-label), accuracies within label groups, and the classification report text.
/// </summary>
public sealed record EvaluationReport
{
    public required string Model { get; init; }

    public required int Tracks { get; init; }

    public required bool MultiLabel { get; init; }

    public required IReadOnlyList<string> Labels { get; init; }

    public double Accuracy { get; init; }

    public double BalancedAccuracy { get; init; }

    public double F1Macro { get; init; }

    public double F1Weighted { get; init; }

    public double F1Micro { get; init; }

    public double? F1Samples { get; init; }

    public double? HammingLoss { get; init; }

    public required IReadOnlyList<ClassMetrics> PerClass { get; init; }

    /// <summary>Single-label: rows are true labels, columns predicted.</summary>
    public IReadOnlyList<IReadOnlyList<int>>? Confusion { get; init; }

    public required IReadOnlyDictionary<string, BootstrapInterval> Intervals { get; init; }

    public IReadOnlyDictionary<string, double>? Baselines { get; init; }

    public IReadOnlyList<GroupAccuracy> Groups { get; init; } = [];

    public required string Text { get; init; }

    /// <summary>The headline numbers kept in a model card.</summary>
    public IReadOnlyDictionary<string, double> Headline()
    {
        var headline = new Dictionary<string, double>
        {
            ["accuracy"] = Accuracy,
            ["balancedAccuracy"] = BalancedAccuracy,
            ["f1Macro"] = F1Macro,
            ["f1Weighted"] = F1Weighted,
            ["f1Micro"] = F1Micro,
        };
        if (F1Samples is { } samples)
        {
            headline["f1Samples"] = samples;
        }

        foreach (var group in Groups)
        {
            headline[$"{group.Column}Accuracy"] = group.Accuracy;
        }

        return headline;
    }

    public static EvaluationReport Create(
        TrackPredictions predictions,
        int[]? trainTruth = null,
        IReadOnlyList<IReadOnlyDictionary<string, string>>? extraColumns = null,
        int resamples = Bootstrap.DefaultResamples,
        int seed = Bootstrap.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var n = predictions.Count;
        BootstrapInterval Interval(Func<int[], double> statistic) => Bootstrap.Interval(n, statistic, resamples, seed: seed);
        var groups = extraColumns is null ? [] : GroupAccuracy.Find(predictions, extraColumns);
        if (!predictions.MultiLabel)
        {
            var (truth, predicted, labels) = (predictions.TruthIds(), predictions.PredictedIds(), predictions.Labels);
            var metrics = SingleLabelMetrics.Compute(truth, predicted, labels);
            var intervals = new Dictionary<string, BootstrapInterval>
            {
                ["accuracy"] = Interval(idx => SingleLabelMetrics.Compute(truth, predicted, labels, idx).Accuracy),
                ["balancedAccuracy"] = Interval(idx => SingleLabelMetrics.Compute(truth, predicted, labels, idx).BalancedAccuracy),
                ["f1Macro"] = Interval(idx => SingleLabelMetrics.Compute(truth, predicted, labels, idx).Macro.F1),
                ["f1Weighted"] = Interval(idx => SingleLabelMetrics.Compute(truth, predicted, labels, idx).Weighted.F1),
            };
            Dictionary<string, double>? baselines = null;
            var text = metrics.Report();
            if (trainTruth is { Length: > 0 })
            {
                var comparison = Evaluation.Baselines.Compare(metrics, trainTruth, truth, seed: seed);
                baselines = new Dictionary<string, double>
                {
                    ["majorityAccuracy"] = comparison.Majority.Metrics.Accuracy,
                    ["majorityBalancedAccuracy"] = comparison.Majority.Metrics.BalancedAccuracy,
                    ["randomAccuracy"] = comparison.Random.Accuracy,
                    ["randomBalancedAccuracy"] = comparison.Random.BalancedAccuracy,
                    ["randomF1Macro"] = comparison.Random.MacroF1,
                };
                text += "\n" + comparison.Format();
            }

            return new EvaluationReport
            {
                Model = predictions.ModelName,
                Tracks = n,
                MultiLabel = false,
                Labels = labels,
                Accuracy = metrics.Accuracy,
                BalancedAccuracy = metrics.BalancedAccuracy,
                F1Macro = metrics.Macro.F1,
                F1Weighted = metrics.Weighted.F1,
                F1Micro = metrics.Micro.F1,
                PerClass = metrics.PerClass,
                Confusion = [.. Enumerable.Range(0, labels.Count).Select(r => (IReadOnlyList<int>)[.. Enumerable.Range(0, labels.Count).Select(c => metrics.Confusion[r, c])])],
                Intervals = intervals,
                Baselines = baselines,
                Groups = groups,
                Text = text + IntervalsText(intervals) + GroupsText(groups),
            };
        }

        var (truthMatrix, assigned, names) = (predictions.TruthMatrix(), predictions.AssignedMatrix(), predictions.Labels);
        var multi = MultiLabelMetrics.Compute(truthMatrix, assigned, names);
        var multiIntervals = new Dictionary<string, BootstrapInterval>
        {
            ["f1Samples"] = Interval(idx => MultiLabelMetrics.Compute(truthMatrix, assigned, names, idx).Samples.F1),
            ["f1Macro"] = Interval(idx => MultiLabelMetrics.Compute(truthMatrix, assigned, names, idx).Macro.F1),
            ["f1Micro"] = Interval(idx => MultiLabelMetrics.Compute(truthMatrix, assigned, names, idx).Micro.F1),
        };
        var balanced = multi.PerClass.Average(c =>
        {
            var negatives = n - c.Support;
            var trueNegatives = negatives - c.FalsePositives;
            var specificity = negatives == 0 ? 0 : (double)trueNegatives / negatives;
            return (c.Recall + specificity) / 2;
        });
        return new EvaluationReport
        {
            Model = predictions.ModelName,
            Tracks = n,
            MultiLabel = true,
            Labels = names,
            Accuracy = multi.SubsetAccuracy,
            BalancedAccuracy = balanced,
            F1Macro = multi.Macro.F1,
            F1Weighted = multi.Weighted.F1,
            F1Micro = multi.Micro.F1,
            F1Samples = multi.Samples.F1,
            HammingLoss = multi.HammingLoss,
            PerClass = multi.PerClass,
            Intervals = multiIntervals,
            Groups = groups,
            Text = multi.Report() + $"\nsubset accuracy {multi.SubsetAccuracy:F4}   hamming loss {multi.HammingLoss:F4}\n" + IntervalsText(multiIntervals) + GroupsText(groups),
        };
    }

    private static string IntervalsText(Dictionary<string, BootstrapInterval> intervals) =>
        "\nbootstrap 95% intervals over tracks\n" + string.Concat(intervals.Select(pair =>
            $"  {pair.Key,-17} {pair.Value.Estimate:F4}  [{pair.Value.Lower:F4}, {pair.Value.Upper:F4}]  (mean {pair.Value.Mean:F4}, {pair.Value.Resamples} resamples)\n"));

    private static string GroupsText(IReadOnlyList<GroupAccuracy> groups) =>
        groups.Count == 0 ? string.Empty : "\naccuracy within label groups\n" + string.Concat(groups.Select(g => $"  {g.Column,-17} {g.Accuracy:F4}  ({g.Correct}/{g.Tracks} tracks, {g.Labels.Count} labels)\n"));
}
