using OrleansGenres.Abstractions.Datasets;

namespace OrleansGenres.Grains.Datasets;

/// <summary>The imported version, and whether this call added it (false: the same content was there already).</summary>
public sealed record DatasetImportOutcome(string Name, DatasetVersionEntry Version, bool Created);
