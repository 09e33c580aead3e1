using OrleansGenres.Abstractions.Tenancy;

using OrleansGenres.Abstractions.Datasets;

namespace OrleansGenres.Grains.Datasets;

/// <summary>Hands out each tenant's <see cref="DatasetCatalog"/>.</summary>
public sealed class DatasetCatalogs(DatasetCatalogServices services)
{
    public DatasetCatalogServices Services { get; } = services;

    public DatasetCatalog Get(TenantId tenant) => new(tenant, Services);
}
