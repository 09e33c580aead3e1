using OrleansGenres.Ml.Data;
using OrleansGenres.Ml.Features;

namespace OrleansGenres.Ml.Experiments;

/// <summary>A track ready for training or evaluation: its entry, its cached windows and its label ids (model order).</summary>
public sealed record TrackItem(DatasetEntry Entry, CachedFeatures Features, IReadOnlyList<int> LabelIds)
{
    /// <summary>Label → output index for a model's label order.</summary>
    public static IReadOnlyDictionary<string, int> IndexLabels(IReadOnlyList<string> labels) =>
        labels.Select((label, i) => (label, i)).ToDictionary(pair => pair.label, pair => pair.i, StringComparer.Ordinal);

    /// <summary>The featurised entries as tracks (entries whose features failed are left out), in entry order.</summary>
    public static IReadOnlyList<TrackItem> From(IEnumerable<FeatureBuildResult> built, IReadOnlyDictionary<string, int> labelIds) =>
    [
        .. built
            .Where(result => result.Features is not null)
            .Select(result => new TrackItem(result.Entry, result.Features!, [.. result.Entry.Labels.Select(label => labelIds[label]).Order()])),
    ];
}
