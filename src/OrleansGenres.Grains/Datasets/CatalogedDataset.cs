namespace OrleansGenres.Grains.Datasets;

/// <summary>A dataset name and its immutable versions, oldest first.</summary>
public sealed record CatalogedDataset(string Name, IReadOnlyList<DatasetVersionEntry> Versions)
{
    public DatasetVersionEntry? Find(string version) => Versions.FirstOrDefault(v => v.Version == version);
}
