namespace OrleansGenres.Abstractions.Datasets;

/// <summary>
/// One tenant's dataset catalogue (key: the tenant). A version's audio, manifest and description are in the blob store
/// before the grain lists it, so a listed version always has its files. Versions imported offline by
/// <c>genres datasets import</c> (into a stopped service's data folder) are adopted when the grain activates.
/// </summary>
[Alias("genres.dataset-catalog")]
public interface IDatasetCatalogGrain : IGrainWithStringKey
{
    /// <summary>The catalogue, or null when the tenant has never imported anything.</summary>
    [Alias("get")]
    Task<DatasetCatalogState?> GetAsync();

    /// <summary>Lists <paramref name="entry"/> under <paramref name="name"/>; an existing version is returned unchanged.</summary>
    [Alias("add")]
    Task<DatasetVersionAdded> AddAsync(string name, DatasetVersionEntry entry);
}

/// <summary>The version as listed, and whether this call listed it.</summary>
[GenerateSerializer, Immutable, Alias("genres.dataset-version-added")]
public sealed record DatasetVersionAdded([property: Id(0)] DatasetVersionEntry Version, [property: Id(1)] bool Created);
