namespace OrleansGenres.Abstractions.Datasets;

/// <summary>The tenant's datasets and their versions (the catalogue grain's state); the versions' files are in the blob store.</summary>
[GenerateSerializer, Immutable, Alias("genres.dataset-catalog-state")]
public sealed record DatasetCatalogState
{
    [Id(0)] public CatalogedDataset[] Datasets { get; init; } = [];

    public CatalogedDataset? Find(string name) => Datasets.FirstOrDefault(d => d.Name == name);

    /// <summary>The state with <paramref name="entry"/> added under <paramref name="name"/>; unchanged when that version is there already.</summary>
    public DatasetCatalogState With(string name, DatasetVersionEntry entry)
    {
        var existing = Find(name);
        if (existing?.Find(entry.Version) is not null)
        {
            return this;
        }

        var updated = existing is null ? new CatalogedDataset(name, [entry]) : existing with { Versions = [.. existing.Versions, entry] };
        return this with { Datasets = [.. Datasets.Where(d => d.Name != name).Append(updated).OrderBy(d => d.Name, StringComparer.Ordinal)] };
    }
}

/// <summary>A dataset name and its immutable versions, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("genres.cataloged-dataset")]
public sealed record CatalogedDataset([property: Id(0)] string Name, [property: Id(1)] DatasetVersionEntry[] Versions)
{
    public DatasetVersionEntry? Find(string version) => Versions.FirstOrDefault(v => v.Version == version);
}

/// <summary>One version as the catalogue lists it (the full description is its <c>dataset.json</c> in the blob store).</summary>
[GenerateSerializer, Immutable, Alias("genres.dataset-version-entry")]
public sealed record DatasetVersionEntry(
    [property: Id(0)] string Version,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] int Tracks,
    [property: Id(3)] long TotalBytes,
    [property: Id(4)] int Labels,
    [property: Id(5)] bool MultiLabel);
