using OrleansGenres.Ml.Data;
using OrleansGenres.Ml.Features;

namespace OrleansGenres.Ml.Experiments;

/// <summary>A track ready for training or evaluation: its entry, its cached windows and its label ids (model order).</summary>
public sealed record TrackItem(DatasetEntry Entry, CachedFeatures Features, IReadOnlyList<int> LabelIds);
