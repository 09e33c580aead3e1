namespace OrleansGenres.Grains.Datasets;

/// <summary>One version as the catalogue lists it (the full description is its <c>dataset.json</c>).</summary>
public sealed record DatasetVersionEntry(string Version, DateTimeOffset CreatedAt, int Tracks, long TotalBytes, int Labels, bool MultiLabel);
