namespace OrleansGenres.Grains.Datasets;

/// <summary><c>datasets/{tenant}/catalog.json</c>: the tenant's datasets and their versions. Written only ETag-conditionally.</summary>
public sealed record DatasetCatalogState
{
    public IReadOnlyList<CatalogedDataset> Datasets { get; init; } = [];

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
