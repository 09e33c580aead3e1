using OrleansGenres.Abstractions.Datasets;
using OrleansGenres.Abstractions.Tenancy;

namespace OrleansGenres.Grains.Datasets;

/// <summary>
/// Where a <see cref="DatasetCatalog"/> keeps its entries: the tenant's <see cref="IDatasetCatalogGrain"/> in the service
/// (<see cref="GrainDatasetIndex"/>), or — for the offline CLI import, with no silo running — a document in the blob
/// store that the grain adopts when it next activates (<see cref="OfflineDatasetIndex"/>).
/// </summary>
public interface IDatasetIndex
{
    Task<DatasetCatalogState?> GetAsync(TenantId tenant, CancellationToken cancellationToken);

    Task<DatasetVersionAdded> AddAsync(TenantId tenant, string name, DatasetVersionEntry entry, CancellationToken cancellationToken);
}

/// <summary>The service's index: the tenant's catalogue grain.</summary>
public sealed class GrainDatasetIndex(IGrainFactory grains) : IDatasetIndex
{
    public Task<DatasetCatalogState?> GetAsync(TenantId tenant, CancellationToken cancellationToken) =>
        grains.GetGrain<IDatasetCatalogGrain>(tenant.Value).GetAsync();

    public Task<DatasetVersionAdded> AddAsync(TenantId tenant, string name, DatasetVersionEntry entry, CancellationToken cancellationToken) =>
        grains.GetGrain<IDatasetCatalogGrain>(tenant.Value).AddAsync(name, entry);
}
