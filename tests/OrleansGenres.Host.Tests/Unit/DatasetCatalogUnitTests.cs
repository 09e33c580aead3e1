using OrleansGenres.Abstractions.Datasets;
using OrleansGenres.Grains.Datasets;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Ml.Data;
using OrleansGenres.Storage.Local;
using OrleansGenres.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace OrleansGenres.Host.Tests.Unit;

/// <summary>Dataset names, and the catalogue on real (Local) storage: import, re-import, shared audio, materialise.</summary>
public sealed class DatasetCatalogUnitTests : IDisposable
{
    private readonly TempDirectory _data = new("datasets-unit");

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData("tones", true)]
    [InlineData("esc-10-v2", true)]
    [InlineData("a", true)]
    [InlineData("", false)]
    [InlineData("Upper", false)]
    [InlineData("under_score", false)]
    [InlineData("dots.not", false)]
    [InlineData("../etc", false)]
    [InlineData("a/b", false)]
    [InlineData("with space", false)]
    public void Dataset_names_are_lower_case_letters_digits_and_dashes(string name, bool valid) => Assert.Equal(valid, DatasetName.IsValid(name));

    [Fact]
    public void Dataset_names_are_at_most_64_characters_and_invalid_ones_never_become_keys()
    {
        Assert.True(DatasetName.IsValid(new string('a', 64)));
        Assert.False(DatasetName.IsValid(new string('a', 65)));
        Assert.Throws<ArgumentException>(() => DatasetKeys.Manifest(new TenantId("acme"), "../x", "0123456789abcdef"));
        Assert.Throws<ArgumentException>(() => DatasetKeys.Manifest(new TenantId("acme"), "x", "../../../etc/pwd"));
        Assert.Throws<ArgumentException>(() => DatasetKeys.Audio(new TenantId("acme"), "not-a-hash"));
    }

    [Fact]
    public async Task An_imported_version_materialises_to_a_folder_that_loads_as_the_same_version()
    {
        var manifest = ToneDatasetFiles.Write(Path.Combine(_data.Path, "source"));
        var dataset = await DatasetLoader.LoadAsync(manifest);
        var expected = (await DatasetVersioning.ComputeAsync(dataset)).Id;
        using var storage = new LocalStorageProvider(new LocalStorageOptions { Path = Path.Combine(_data.Path, "store") });
        var catalogs = new DatasetCatalogs(new DatasetCatalogServices(storage.Objects, new OfflineDatasetIndex(storage.Objects), TimeProvider.System, NullLogger.Instance));
        var acme = catalogs.Get(new TenantId("acme"));

        var first = await acme.ImportAsync("tones", dataset);
        var again = await acme.ImportAsync("tones", dataset);
        var renamed = await acme.ImportAsync("tones-copy", dataset);

        Assert.True(first.Created);
        Assert.Equal(expected, first.Version.Version);
        Assert.False(again.Created);
        Assert.Equal(first.Version, again.Version);
        Assert.True(renamed.Created);
        // Content-addressed: two names, one copy of each file.
        var audio = await storage.Objects.ListAsync("datasets/acme/audio/").CountAsync();
        Assert.Equal(ToneDatasetFiles.Rows.Length, audio);

        var description = await acme.DescribeAsync("tones", expected);
        Assert.NotNull(description);
        Assert.Equal(5, description.Tracks);
        Assert.Equal([new DatasetLabelCount("high", 3), new DatasetLabelCount("low", 2)], description.Labels);
        Assert.Equal([1, 2], description.Folds);
        Assert.False(description.MultiLabel);

        var target = Path.Combine(_data.Path, "materialised");
        var written = await acme.MaterializeAsync("tones", expected, target);
        var reloaded = await DatasetLoader.LoadAsync(written);
        Assert.Equal(expected, (await DatasetVersioning.ComputeAsync(reloaded)).Id);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_data.Path, "source", "high", "c.wav")), File.ReadAllBytes(Path.Combine(target, "high", "c.wav")));

        // Per tenant: another tenant has no such version.
        var globex = catalogs.Get(new TenantId("globex"));
        Assert.Null(await globex.DescribeAsync("tones", expected));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => globex.MaterializeAsync("tones", expected, Path.Combine(_data.Path, "other")));
    }

    [Fact]
    public async Task Concurrent_imports_of_different_datasets_all_land_in_the_catalogue()
    {
        var manifest = ToneDatasetFiles.Write(Path.Combine(_data.Path, "source"));
        var dataset = await DatasetLoader.LoadAsync(manifest);
        using var storage = new LocalStorageProvider(new LocalStorageOptions { Path = Path.Combine(_data.Path, "store") });
        var catalogs = new DatasetCatalogs(new DatasetCatalogServices(storage.Objects, new OfflineDatasetIndex(storage.Objects), TimeProvider.System, NullLogger.Instance));
        var tenant = new TenantId("acme");
        var names = Enumerable.Range(0, 5).Select(i => $"set-{i}").ToList();

        // Offline imports in parallel (separate CLI processes): only the ETag keeps them from losing entries.
        await Task.WhenAll(names.Select(name => catalogs.Get(tenant).ImportAsync(name, dataset)));

        var state = (await catalogs.Get(tenant).GetAsync())!;
        Assert.Equal(names, state.Datasets.Select(d => d.Name));
    }
}
