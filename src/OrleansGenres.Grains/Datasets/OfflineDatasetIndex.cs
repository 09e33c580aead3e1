using OrleansGenres.Abstractions.Datasets;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Storage;

namespace OrleansGenres.Grains.Datasets;

/// <summary>
/// The index of an offline import (<c>genres datasets import</c> into a data folder, no silo running): entries go to
/// <c>datasets/{tenant}/catalog.json</c> with ETag-conditional writes, and the tenant's catalogue grain adopts them when
/// it activates. Reads show what the grain had adopted plus what was imported offline since.
/// </summary>
public sealed class OfflineDatasetIndex(IObjectStore objects) : IDatasetIndex
{
    public async Task<DatasetCatalogState?> GetAsync(TenantId tenant, CancellationToken cancellationToken) =>
        (await objects.GetJsonAsync<DatasetCatalogState>(DatasetKeys.OfflineCatalog(tenant), ct: cancellationToken).ConfigureAwait(false))?.Value;

    public async Task<DatasetVersionAdded> AddAsync(TenantId tenant, string name, DatasetVersionEntry entry, CancellationToken cancellationToken)
    {
        var written = await objects.UpdateJsonAsync<DatasetCatalogState>(
            DatasetKeys.OfflineCatalog(tenant), state => (state ?? new DatasetCatalogState()).With(name, entry), ct: cancellationToken).ConfigureAwait(false);
        var stored = written.Value.Find(name)!.Find(entry.Version)!;
        return new DatasetVersionAdded(stored, Created: stored == entry);
    }
}
