using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Functional;

/// <summary>
/// Activation across processes on Azure storage (Azurite): a version activated through one node is seen by another
/// node within seconds; that node's workers analyse new uploads with it and re-tag the tracks analysed before.
/// </summary>
public sealed class ModelActivationScaleOutTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly TempDirectory _data = new("host-models-azure");

    [Fact]
    public async Task A_version_activated_on_one_node_is_used_by_the_workers_of_another()
    {
        var container = "t" + Guid.NewGuid().ToString("N")[..12];
        await using var api = await HostProcess.StartAsync(Settings(container, "api", "node-a"));
        await using var worker = await HostProcess.StartAsync(Settings(container, "api,analysis", "node-b"));
        using var admin = api.Client(ServiceSettings.AcmeKey);
        using var other = worker.Client(ServiceSettings.AcmeKey);

        var (_, uploaded) = await other.UploadRawAsync(TestAudio.ToneWav(330, 3), "before.wav");
        var before = await other.WaitForTrackAsync(uploaded.Id(), TimeSpan.FromSeconds(60));
        var defaultVersion = before.GetProperty("model").GetProperty("version").GetString()!;

        var model = await ModelFiles.CopyAsync(_data.Path, "scaled-out");
        using var registered = await admin.RegisterAsync(model);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var href = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("model").GetProperty("href").GetString()!;
        // Node b reads the registry now, so its view is fresh just before the activation it must notice.
        Assert.Equal(defaultVersion, (await other.GetJsonAsync("/api/models/active")).Body.GetProperty("version").GetString());
        using var activated = await admin.PostAsync($"{href}/activate", null);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        var version = (await activated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("active").GetString()!;

        var seenWithin = await TimeUntilAsync(async () => (await other.GetJsonAsync("/api/models/active")).Body.GetProperty("version").GetString() == version, TimeSpan.FromSeconds(15));
        Assert.True(seenWithin < TimeSpan.FromSeconds(5), $"node b saw the activation after {seenWithin}");

        var (_, next) = await other.UploadRawAsync(TestAudio.ToneWav(990, 3), "after.wav");
        var after = await other.WaitForTrackAsync(next.Id(), TimeSpan.FromSeconds(60));
        Assert.Equal(version, after.GetProperty("model").GetProperty("version").GetString());
        var retagged = await other.WaitForTrackAsync(before.Id(), TimeSpan.FromSeconds(60),
            t => t.Status() == "Completed" && t.GetProperty("history").GetArrayLength() == 2);
        Assert.Equal(version, retagged.GetProperty("model").GetProperty("version").GetString());
    }

    public void Dispose() => _data.Dispose();

    private Dictionary<string, string> Settings(string container, string roles, string workerId)
    {
        var settings = ServiceSettings.Azure(azurite.ConnectionString, container).With(roles: roles, workerId: workerId);
        settings["Auth:Tenants:acme:Admin"] = "true";
        settings["Models:CachePath"] = Path.Combine(_data.Path, "cache-" + workerId);
        return settings;
    }

    private static async Task<TimeSpan> TimeUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var started = DateTime.UtcNow;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow - started < timeout, $"not within {timeout}");
            await Task.Delay(100);
        }

        return DateTime.UtcNow - started;
    }
}
