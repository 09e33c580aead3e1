using OrleansGenres.Abstractions.Datasets;

namespace OrleansGenres.Grains.Datasets;

/// <summary>How many tracks of a dataset version carry a label.</summary>
public sealed record DatasetLabelCount(string Label, int Tracks);
