namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// One model's results on the shared evaluation tracks, in the form <see cref="ModelComparison"/> needs: a metric
/// computable on any resample of track indices, and optionally per-track correctness for McNemar's test.
/// </summary>
/// <param name="Metric">The compared metric on the tracks at the given indices (which may repeat).</param>
/// <param name="Correct">Whether each track was predicted correctly (exactly, for multi-label); null skips McNemar.</param>
public sealed record EvaluatedModel(string Name, Func<int[], double> Metric, IReadOnlyList<bool>? Correct = null)
{
    /// <summary>
    /// A single-label model; <paramref name="metric"/> picks the compared number, e.g. <c>m =&gt; m.Macro.F1</c>.
    /// Correctness is predicted == truth per track.
    /// </summary>
    public static EvaluatedModel SingleLabel(
        string name, int[] truth, int[] predicted, IReadOnlyList<string> labels, Func<SingleLabelMetrics, double> metric)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(metric);
        // Private copies: the metric runs later, during the bootstrap, and must see the arrays as they are now.
        var names = EvaluationInput.Copy(labels, nameof(labels));
        truth = (int[])truth.Clone();
        predicted = (int[])predicted.Clone();
        _ = SingleLabelMetrics.Compute(truth, predicted, names); // validates the inputs now rather than mid-bootstrap
        var correct = new bool[truth.Length];
        for (var i = 0; i < truth.Length; i++)
        {
            correct[i] = truth[i] == predicted[i];
        }

        return new EvaluatedModel(
            name, indices => metric(SingleLabelMetrics.Compute(truth, predicted, names, indices)), Array.AsReadOnly(correct));
    }

    /// <summary>
    /// A multi-label model; <paramref name="metric"/> picks the compared number, e.g. <c>m =&gt; m.Micro.F1</c>.
    /// Correctness is an exact match of the track's tag set (the per-track event behind subset accuracy).
    /// </summary>
    public static EvaluatedModel MultiLabel(
        string name, bool[,] truth, bool[,] predicted, IReadOnlyList<string> labels, Func<MultiLabelMetrics, double> metric)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(metric);
        var names = EvaluationInput.Copy(labels, nameof(labels));
        truth = (bool[,])truth.Clone();
        predicted = (bool[,])predicted.Clone();
        _ = MultiLabelMetrics.Compute(truth, predicted, names);
        var correct = new bool[truth.GetLength(0)];
        for (var i = 0; i < correct.Length; i++)
        {
            correct[i] = true;
            for (var c = 0; c < names.Count && correct[i]; c++)
            {
                correct[i] = truth[i, c] == predicted[i, c];
            }
        }

        return new EvaluatedModel(
            name, indices => metric(MultiLabelMetrics.Compute(truth, predicted, names, indices)), Array.AsReadOnly(correct));
    }
}
