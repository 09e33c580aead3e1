using OrleansGenres.Abstractions.Tenancy;

namespace OrleansGenres.Grains.Datasets;

/// <summary>Hands out <see cref="DatasetCatalog"/> grains by tenant (what an Orleans grain factory would do).</summary>
public sealed class DatasetCatalogs(DatasetCatalogServices services)
{
    public DatasetCatalogServices Services { get; } = services;

    public DatasetCatalog Get(TenantId tenant) => new(tenant, Services);
}
