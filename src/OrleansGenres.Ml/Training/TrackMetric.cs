using System.Numerics.Tensors;

namespace OrleansGenres.Ml.Training;

/// <summary>
/// The one number a run watches: accuracy of the argmax (single-label) or samples-F1 at the thresholds (multi-label),
/// per item, so training windows and validation tracks use the same definition.
/// </summary>
public static class TrackMetric
{
    public static string NameFor(bool multiLabel) => multiLabel ? "samplesF1" : "accuracy";

    /// <summary>The metric of one item: 1/0 for a right/wrong argmax, or that item's F1 of assigned vs true labels.</summary>
    public static double Of(ReadOnlySpan<float> scores, IReadOnlyList<int> truth, bool multiLabel, Func<int, float> thresholdOf)
    {
        if (!multiLabel)
        {
            return TensorPrimitives.IndexOfMax(scores) == truth[0] ? 1 : 0;
        }

        int truePositives = 0, predicted = 0;
        for (var c = 0; c < scores.Length; c++)
        {
            if (scores[c] >= thresholdOf(c))
            {
                predicted++;
                truePositives += truth.Contains(c) ? 1 : 0;
            }
        }

        var denominator = predicted + truth.Count;
        return denominator == 0 ? 0 : 2.0 * truePositives / denominator;
    }
}
