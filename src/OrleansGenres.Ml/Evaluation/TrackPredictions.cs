namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// A model's results on a list of tracks: true label ids, aggregated scores [track][label] and assigned labels —
/// everything metrics, reports and comparisons need, with no audio or model attached.
/// </summary>
public sealed record TrackPredictions(
    string ModelName,
    IReadOnlyList<string> Labels,
    bool MultiLabel,
    IReadOnlyList<string> TrackPaths,
    IReadOnlyList<IReadOnlyList<int>> Truth,
    IReadOnlyList<float[]> Scores,
    IReadOnlyList<bool[]> Assigned)
{
    public int Count => TrackPaths.Count;

    public int[] TruthIds() => [.. Truth.Select(labels => labels[0])];

    public int[] PredictedIds() => [.. Assigned.Select(row => Array.IndexOf(row, true))];

    public bool[,] TruthMatrix()
    {
        var matrix = new bool[Count, Labels.Count];
        for (var t = 0; t < Count; t++)
        {
            foreach (var id in Truth[t])
            {
                matrix[t, id] = true;
            }
        }

        return matrix;
    }

    public bool[,] AssignedMatrix()
    {
        var matrix = new bool[Count, Labels.Count];
        for (var t = 0; t < Count; t++)
        {
            for (var c = 0; c < Labels.Count; c++)
            {
                matrix[t, c] = Assigned[t][c];
            }
        }

        return matrix;
    }

    /// <summary>The compared metric for <see cref="ModelComparison"/>: accuracy (single-label) or samples-F1 (multi-label).</summary>
    public EvaluatedModel ToEvaluatedModel() => MultiLabel
        ? EvaluatedModel.MultiLabel(ModelName, TruthMatrix(), AssignedMatrix(), Labels, metrics => metrics.Samples.F1)
        : EvaluatedModel.SingleLabel(ModelName, TruthIds(), PredictedIds(), Labels, metrics => metrics.Accuracy);

    public static string ComparedMetricName(bool multiLabel) => multiLabel ? "samplesF1" : "accuracy";
}
