using OrleansGenres.Abstractions.Datasets;

namespace OrleansGenres.Grains.Datasets;

/// <summary>One track of a dataset version: its manifest path (display and materialisation only), content hash and size.</summary>
public sealed record DatasetFile(string Path, string Sha256, long Bytes);
