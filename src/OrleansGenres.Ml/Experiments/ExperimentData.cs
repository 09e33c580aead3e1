using OrleansGenres.Ml.Data;
using OrleansGenres.Ml.Features;

namespace OrleansGenres.Ml.Experiments;

/// <summary>
/// The tracks of one experiment, split and featurised: the label order the model will use, train / validation / test
/// tracks with cached windows, the dataset version, and the files that could not be featurised (left out, listed).
/// </summary>
public sealed record ExperimentData(
    string DatasetName,
    DatasetVersion Version,
    FrontEnd FrontEnd,
    IReadOnlyList<string> Labels,
    bool MultiLabel,
    IReadOnlyList<TrackItem> Train,
    IReadOnlyList<TrackItem> Validation,
    IReadOnlyList<TrackItem> Test,
    int? TestFold,
    IReadOnlyList<FeatureBuildResult> Failures)
{
    /// <summary>
    /// Cross-entropy class weights, "balanced" as in scikit-learn: training tracks / (classes × tracks of the class),
    /// so every class carries the same total weight (1 where a class has no training track).
    /// </summary>
    public float[] BalancedClassWeights()
    {
        var counts = new int[Labels.Count];
        foreach (var track in Train)
        {
            counts[track.LabelIds[0]]++;
        }

        return [.. counts.Select(n => n == 0 ? 1f : (float)Train.Count / (Labels.Count * n))];
    }

    /// <summary>BCE positive weights: negatives / positives per class over the training tracks (1 where a class has none).</summary>
    public float[] PositiveWeights()
    {
        var positives = new int[Labels.Count];
        foreach (var track in Train)
        {
            foreach (var id in track.LabelIds)
            {
                positives[id]++;
            }
        }

        return [.. positives.Select(p => p == 0 ? 1f : (float)(Train.Count - p) / p)];
    }
}
