using Microsoft.Extensions.Logging;
using OrleansGenres.Abstractions.Datasets;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Storage;

namespace OrleansGenres.Grains.Datasets;

/// <summary>
/// One tenant's dataset catalogue (see <see cref="IDatasetCatalogGrain"/>), written after every change. On activation it
/// adopts what an offline import listed in <c>datasets/{tenant}/catalog.json</c> (one read), so a dataset imported with
/// the CLI while the service was stopped is there when it starts.
/// </summary>
public sealed partial class DatasetCatalogGrain(
    [PersistentState("catalog", GrainStorageNames.Datasets)] IPersistentState<DatasetCatalogState> catalog,
    IObjectStore objects,
    ILogger<DatasetCatalogGrain> logger) : Grain, IDatasetCatalogGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var tenant = new TenantId(this.GetPrimaryKeyString());
        var offline = (await objects.GetJsonAsync<DatasetCatalogState>(DatasetKeys.OfflineCatalog(tenant), ct: cancellationToken))?.Value;
        if (offline is null)
        {
            return;
        }

        var merged = offline.Datasets.SelectMany(d => d.Versions.Select(v => (d.Name, Version: v)))
            .Aggregate(catalog.State, (state, item) => state.With(item.Name, item.Version));
        if (!ReferenceEquals(merged, catalog.State) || !catalog.RecordExists)
        {
            catalog.State = merged;
            await catalog.WriteStateAsync(cancellationToken);
            LogAdopted(tenant.Value, merged.Datasets.Sum(d => d.Versions.Length));
        }
    }

    public Task<DatasetCatalogState?> GetAsync() => Task.FromResult(catalog.RecordExists ? catalog.State : null);

    public async Task<DatasetVersionAdded> AddAsync(string name, DatasetVersionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (catalog.State.Find(name)?.Find(entry.Version) is { } existing)
        {
            return new DatasetVersionAdded(existing, Created: false);
        }

        catalog.State = catalog.State.With(name, entry);
        await catalog.WriteStateAsync();
        return new DatasetVersionAdded(entry, Created: true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dataset catalogue of {Tenant}: adopted offline imports ({Versions} versions listed now)")]
    private partial void LogAdopted(string tenant, int versions);
}
