using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Core.Internal;
using OrleansGenres.Abstractions.Datasets;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Grains.Datasets;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Ml.Data;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Grains;

/// <summary>
/// Dataset catalogue grains on real silos: concurrent imports all land in the tenant's grain, tenants are apart, and a
/// version imported offline (as <c>genres datasets import</c> does) is adopted when the grain next activates.
/// </summary>
public sealed class DatasetCatalogGrainTests : IDisposable
{
    private readonly TempDirectory _files = new("catalog-grains");
    private readonly TenantId _acme = new("acme");

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Concurrent_imports_land_in_the_grain_and_offline_imports_are_adopted_on_activation()
    {
        await using var cluster = await GrainTestCluster.StartAsync(silos: 2, analysisOn: _ => false);
        var dataset = await DatasetLoader.LoadAsync(ToneDatasetFiles.Write(Path.Combine(_files.Path, "tones")));
        var online = Catalogs(cluster, new GrainDatasetIndex(cluster.Grains));
        var names = Enumerable.Range(0, 5).Select(i => $"set-{i}").ToList();

        var outcomes = await Task.WhenAll(names.Select(name => online.Get(_acme).ImportAsync(name, dataset)));
        Assert.All(outcomes, o => Assert.True(o.Created));
        Assert.False((await online.Get(_acme).ImportAsync("set-0", dataset)).Created);
        var grain = cluster.Grains.GetGrain<IDatasetCatalogGrain>(_acme.Value);
        Assert.Equal(names, (await grain.GetAsync())!.Datasets.Select(d => d.Name));
        Assert.Null(await cluster.Grains.GetGrain<IDatasetCatalogGrain>("globex").GetAsync());
        Assert.NotNull(await online.Get(_acme).DescribeAsync("set-3", outcomes[3].Version.Version));

        // Offline: the files and an entry in the offline index, with no grain involved; the next activation adopts it.
        var offline = Catalogs(cluster, new OfflineDatasetIndex(cluster.Objects));
        var imported = await offline.Get(_acme).ImportAsync("offline-set", dataset);
        Assert.Null((await grain.GetAsync())!.Find("offline-set"));
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var adopted = await GrainTestCluster.WaitForAsync(grain.GetAsync, state => state!.Find("offline-set") is not null, TimeSpan.FromSeconds(30));
        Assert.Equal(imported.Version, adopted!.Find("offline-set")!.Find(imported.Version.Version));
        Assert.Equal(names.Count + 1, adopted.Datasets.Length);
    }

    private static DatasetCatalogs Catalogs(GrainTestCluster cluster, IDatasetIndex index) =>
        new(new DatasetCatalogServices(cluster.Objects, index, TimeProvider.System, NullLogger.Instance));
}
