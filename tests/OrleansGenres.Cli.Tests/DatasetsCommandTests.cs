using Microsoft.Extensions.Logging.Abstractions;
using OrleansGenres.Audio.Tests.Support;
using OrleansGenres.Abstractions.Datasets;
using OrleansGenres.Grains.Datasets;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Ml.Data;
using OrleansGenres.Storage.Local;

namespace OrleansGenres.Cli.Tests;

/// <summary>
/// `genres datasets import` through the real process. The host's side (an API upload of the same content gets the same
/// version, and the host reads a catalogue written this way) is DatasetTests in OrleansGenres.Host.Tests.
/// </summary>
public sealed class DatasetsCommandTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Importing_a_class_folder_prints_its_content_version_and_writes_it_to_the_tenants_catalogue()
    {
        var tones = _data.File("tones");
        File.Delete(ToneDatasetFiles.Write(tones));
        var store = _data.File("store");

        var imported = await GenresProcess.RunAsync("datasets", "import", "--dataset", tones, "--name", "tones", "--storage-path", store, "--tenant", "acme");
        var again = await GenresProcess.RunAsync("datasets", "import", "--dataset", tones, "--name", "tones", "--storage-path", store, "--tenant", "acme");

        Assert.True(imported.ExitCode == 0, imported.Stderr);
        var version = imported.Stdout.Trim();
        var expected = (await DatasetVersioning.ComputeAsync(await FolderDatasetLoader.LoadAsync(tones))).Id;
        Assert.Equal(expected, version);
        Assert.Equal((0, version), (again.ExitCode, again.Stdout.Trim()));

        // Read back with the host's own classes on the same folder: one version, per tenant.
        using var storage = new LocalStorageProvider(new LocalStorageOptions { Path = store });
        var catalogs = new DatasetCatalogs(new DatasetCatalogServices(storage.Objects, new OfflineDatasetIndex(storage.Objects), TimeProvider.System, NullLogger.Instance));
        var dataset = await catalogs.Get(new TenantId("acme")).FindAsync("tones");
        Assert.Equal(version, Assert.Single(dataset!.Versions).Version);
        var description = await catalogs.Get(new TenantId("acme")).DescribeAsync("tones", version);
        Assert.Equal(ToneDatasetFiles.Rows.Length, description!.Tracks);
        Assert.Null(await catalogs.Get(new TenantId("globex")).FindAsync("tones"));
    }

    [Fact]
    public async Task A_bad_name_or_tenant_is_a_usage_error_and_writes_nothing()
    {
        var tones = _data.File("tones");
        ToneDatasetFiles.Write(tones);
        var store = _data.File("store");

        var badName = await GenresProcess.RunAsync("datasets", "import", "--dataset", tones, "--name", "Bad_Name", "--storage-path", store, "--tenant", "acme");
        var badTenant = await GenresProcess.RunAsync("datasets", "import", "--dataset", tones, "--name", "tones", "--storage-path", store, "--tenant", "../x");

        Assert.Equal(2, badName.ExitCode);
        Assert.Contains("dataset name", badName.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, badTenant.ExitCode);
        Assert.Contains("tenant", badTenant.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(store, "datasets")));
    }
}
