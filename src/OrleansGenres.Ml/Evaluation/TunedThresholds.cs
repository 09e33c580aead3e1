namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// Per-class thresholds chosen by <see cref="ThresholdTuner"/>, with the F1 each reached on the validation data
/// (optimistic: it was measured on the data it was tuned on) and whether the class had any positive to tune on.
/// </summary>
public sealed record TunedThresholds(
    IReadOnlyList<string> Labels,
    IReadOnlyList<float> Thresholds,
    IReadOnlyList<double> ValidationF1,
    IReadOnlyList<bool> Tuned,
    ThresholdSearch Search)
{
    /// <summary>Applies the thresholds to new scores (<c>score &gt;= threshold</c>).</summary>
    public bool[,] Apply(float[,] scores) => Thresholding.Apply(scores, Thresholds);
}
