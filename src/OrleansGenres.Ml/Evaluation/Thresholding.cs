namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// Turns per-class scores (sigmoid probabilities, <c>[item, class]</c>) into tag decisions. A tag is predicted when
/// its score is <b>at or above</b> the threshold (<c>score &gt;= t</c>); <see cref="ThresholdTuner"/> uses the same
/// rule, so a tuned threshold reproduces on validation data the F1 it was chosen for.
/// </summary>
public static class Thresholding
{
    public const float DefaultThreshold = 0.5f;

    /// <summary>One threshold for every class.</summary>
    public static bool[,] Apply(float[,] scores, float threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var thresholds = new float[scores.GetLength(1)];
        Array.Fill(thresholds, threshold);
        return Apply(scores, thresholds);
    }

    /// <summary>One threshold per class (column).</summary>
    public static bool[,] Apply(float[,] scores, IReadOnlyList<float> thresholds)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(thresholds);
        var (n, k) = (scores.GetLength(0), scores.GetLength(1));
        if (thresholds.Count != k)
        {
            throw new ArgumentException($"{thresholds.Count} thresholds for {k} classes.", nameof(thresholds));
        }

        var result = new bool[n, k];
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < k; c++)
            {
                result[i, c] = scores[i, c] >= thresholds[c];
            }
        }

        return result;
    }

    public static bool[,] Apply(float[][] scores, float threshold = DefaultThreshold) =>
        Apply(EvaluationInput.ToRectangular(scores, nameof(scores)), threshold);

    public static bool[,] Apply(float[][] scores, IReadOnlyList<float> thresholds) =>
        Apply(EvaluationInput.ToRectangular(scores, nameof(scores)), thresholds);
}
