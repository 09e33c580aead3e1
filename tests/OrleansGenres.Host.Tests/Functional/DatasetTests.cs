using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansGenres.Abstractions.Datasets;
using OrleansGenres.Grains.Datasets;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Ml.Data;
using OrleansGenres.Storage.Local;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Functional;

/// <summary>
/// Datasets over real HTTP on a real host process (Local storage): an admin uploads a manifest with its audio, any key
/// of the tenant lists and describes it, the same upload is the same version, and other tenants never see it.
/// </summary>
public sealed class DatasetTests : IDisposable
{
    private readonly TempDirectory _data = new("host-datasets");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task An_uploaded_dataset_is_versioned_by_content_listed_described_and_private_to_its_tenant()
    {
        var manifest = ToneDatasetFiles.Write(Path.Combine(_data.Path, "tones"));
        var paths = ToneDatasetFiles.Rows.Select(r => r.Path).ToList();
        // The version the Ml layer (and so `genres datasets import`) gives the same files.
        var expected = (await DatasetVersioning.ComputeAsync(await DatasetLoader.LoadAsync(manifest))).Id;
        await using var host = await HostProcess.StartAsync(Settings());
        using var acme = host.Client(ServiceSettings.AcmeKey);
        using var globex = host.Client(ServiceSettings.GlobexKey);

        using (var forbidden = await globex.UploadDatasetAsync("tones", manifest, paths))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            Assert.Equal(403, (await forbidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        }

        string href;
        using (var created = await acme.UploadDatasetAsync("tones", manifest, paths))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var body = await created.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(expected, body.GetProperty("version").GetProperty("version").GetString());
            href = body.GetProperty("version").GetProperty("href").GetString()!;
            Assert.Equal($"/api/datasets/tones/{expected}", href);
            Assert.Equal(href, created.Headers.Location?.OriginalString);
        }

        using (var again = await acme.UploadDatasetAsync("tones", manifest, paths))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(expected, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetProperty("version").GetString());
        }

        var (listed, list) = await globex.GetJsonAsync("/api/datasets");
        Assert.Equal(HttpStatusCode.OK, listed);
        Assert.Equal(0, list.GetProperty("datasets").GetArrayLength());
        (_, list) = await acme.GetJsonAsync("/api/datasets");
        var only = Assert.Single(list.GetProperty("datasets").EnumerateArray());
        Assert.Equal("tones", only.GetProperty("name").GetString());
        Assert.Equal(expected, only.GetProperty("latest").GetString());

        var (found, versions) = await acme.GetJsonAsync("/api/datasets/tones");
        Assert.Equal(HttpStatusCode.OK, found);
        var version = Assert.Single(versions.GetProperty("versions").EnumerateArray());
        Assert.Equal(5, version.GetProperty("tracks").GetInt32());

        var (described, description) = await acme.GetJsonAsync(href);
        Assert.Equal(HttpStatusCode.OK, described);
        Assert.Equal(5, description.GetProperty("tracks").GetInt32());
        Assert.False(description.GetProperty("multiLabel").GetBoolean());
        Assert.Equal([1, 2], description.GetProperty("folds").EnumerateArray().Select(f => f.GetInt32()));
        var labels = description.GetProperty("labels").EnumerateArray().ToDictionary(l => l.GetProperty("label").GetString()!, l => l.GetProperty("tracks").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["high"] = 3, ["low"] = 2 }, labels);
        Assert.True(description.GetProperty("totalBytes").GetInt64() > 0);

        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetJsonAsync("/api/datasets/tones")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetJsonAsync(href)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetJsonAsync("/api/datasets/tones/0000000000000000")).Status);
    }

    [Fact]
    public async Task A_manifest_naming_files_that_are_not_uploaded_is_refused_naming_each_of_them()
    {
        var manifest = ToneDatasetFiles.Write(Path.Combine(_data.Path, "tones"));
        await using var host = await HostProcess.StartAsync(Settings());
        using var acme = host.Client(ServiceSettings.AcmeKey);

        using var response = await acme.UploadDatasetAsync("tones", manifest, ["low/a.wav", "low/b.wav", "high/a.wav"]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var problems = problem.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("high/b.wav", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("high/c.wav", StringComparison.Ordinal));
        Assert.Contains("high/c.wav", problem.GetProperty("detail").GetString());
        Assert.Equal(0, (await acme.GetJsonAsync("/api/datasets")).Body.GetProperty("datasets").GetArrayLength());
    }

    [Fact]
    public async Task A_class_folder_imported_as_the_cli_does_is_the_version_an_upload_of_the_same_content_gets()
    {
        // `genres datasets import` is DatasetCatalog.ImportAsync on Local storage, straight into the host's folder.
        var tones = Path.Combine(_data.Path, "tones");
        File.Delete(ToneDatasetFiles.Write(tones));
        using (var storage = new LocalStorageProvider(new LocalStorageOptions { Path = Path.Combine(_data.Path, "store") }))
        {
            var catalogs = new DatasetCatalogs(new DatasetCatalogServices(storage.Objects, new OfflineDatasetIndex(storage.Objects), TimeProvider.System, NullLogger.Instance));
            await catalogs.Get(new TenantId("acme")).ImportAsync("tones", await DatasetLoader.LoadAsync(tones));
        }

        var cliVersion = (await DatasetVersioning.ComputeAsync(await FolderDatasetLoader.LoadAsync(tones))).Id;
        var manifest = Path.Combine(tones, "upload.csv");
        File.WriteAllLines(manifest, ["path,labels", .. ToneDatasetFiles.Rows.Select(r => $"{r.Path},{r.Labels}")]);
        await using var host = await HostProcess.StartAsync(Settings());
        using var acme = host.Client(ServiceSettings.AcmeKey);

        var (found, versions) = await acme.GetJsonAsync("/api/datasets/tones");
        Assert.Equal(HttpStatusCode.OK, found);
        Assert.Equal(cliVersion, Assert.Single(versions.GetProperty("versions").EnumerateArray()).GetProperty("version").GetString());
        using var uploaded = await acme.UploadDatasetAsync("tones", manifest, ToneDatasetFiles.Rows.Select(r => r.Path));
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal(cliVersion, (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetProperty("version").GetString());
    }

    [Fact]
    public async Task Uploads_without_a_valid_name_or_manifest_or_over_the_size_limit_are_refused()
    {
        var manifest = ToneDatasetFiles.Write(Path.Combine(_data.Path, "tones"));
        var paths = ToneDatasetFiles.Rows.Select(r => r.Path).ToList();
        var settings = Settings();
        settings["MaxUploadBytes"] = "65536";
        await using var host = await HostProcess.StartAsync(settings);
        using var acme = host.Client(ServiceSettings.AcmeKey);

        using (var badName = await acme.UploadDatasetAsync("Bad_Name", manifest, paths.Take(1)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
            Assert.Contains("dataset name", (await badName.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }

        using (var noForm = await acme.PostAsJsonAsync("/api/datasets", new { name = "tones" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noForm.StatusCode);
        }

        using (var tooLarge = await acme.UploadDatasetAsync("tones", manifest, paths))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        }

        Assert.Equal(0, (await acme.GetJsonAsync("/api/datasets")).Body.GetProperty("datasets").GetArrayLength());
    }

    private Dictionary<string, string> Settings()
    {
        var settings = ServiceSettings.Local(Path.Combine(_data.Path, "store")).With();
        settings["Auth:Tenants:acme:Admin"] = "true";
        settings["Models:CachePath"] = Path.Combine(_data.Path, "model-cache");
        return settings;
    }
}
