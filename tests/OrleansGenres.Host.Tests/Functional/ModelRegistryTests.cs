using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Functional;

/// <summary>
/// The model registry over real HTTP on a real host process: registration and activation need the admin scope, an
/// activated version analyses new uploads and re-tags earlier tracks, and a version shows its card and report.
/// </summary>
public sealed class ModelRegistryTests : IDisposable
{
    private readonly TempDirectory _data = new("host-models");

    [Fact]
    public async Task Activating_a_registered_version_analyses_new_uploads_with_it_and_retags_earlier_tracks()
    {
        await using var host = await HostProcess.StartAsync(Settings());
        using var acme = host.Client(ServiceSettings.AcmeKey);
        using var globex = host.Client(ServiceSettings.GlobexKey);

        // Every tenant lists the default model from its first call.
        var (listed, list) = await acme.GetJsonAsync("/api/models");
        Assert.Equal(HttpStatusCode.OK, listed);
        Assert.Equal("default", list.GetProperty("activeSource").GetString());
        var defaultVersion = list.GetProperty("active").GetString()!;
        var only = Assert.Single(list.GetProperty("versions").EnumerateArray());
        Assert.Equal(defaultVersion, only.GetProperty("version").GetString());
        Assert.True(only.GetProperty("active").GetBoolean());

        var (_, uploaded) = await acme.UploadRawAsync(TestAudio.ToneWav(440, 3), "before.wav");
        var before = await acme.WaitForTrackAsync(uploaded.Id(), TimeSpan.FromSeconds(60));
        Assert.Equal(defaultVersion, before.GetProperty("model").GetProperty("version").GetString());

        var model = await ModelFiles.CopyAsync(_data.Path, "retrained");
        using (var forbidden = await globex.RegisterAsync(model))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            Assert.Equal(403, (await forbidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        }

        string version, href;
        using (var registered = await acme.RegisterAsync(model))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            var body = await registered.Content.ReadFromJsonAsync<JsonElement>();
            version = body.GetProperty("model").GetProperty("version").GetString()!;
            href = body.GetProperty("model").GetProperty("href").GetString()!;
            Assert.StartsWith("retrained@", version);
            Assert.Equal(href, registered.Headers.Location?.OriginalString);
        }

        using (var again = await acme.RegisterAsync(model))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        // Card and report of the version; the list shows both versions, the default still active.
        var (found, details) = await acme.GetJsonAsync(href);
        Assert.Equal(HttpStatusCode.OK, found);
        Assert.Equal("retrained", details.GetProperty("card").GetProperty("name").GetString());
        Assert.Equal(0.75, details.GetProperty("report").GetProperty("accuracy").GetDouble());
        Assert.Contains("precision", details.GetProperty("reportText").GetString());
        Assert.Equal(HttpStatusCode.OK, (await acme.GetJsonAsync($"/api/models/retrained/{Uri.EscapeDataString(version)}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetJsonAsync(href)).Status);
        (_, list) = await acme.GetJsonAsync("/api/models");
        Assert.Equal(2, list.GetProperty("versions").GetArrayLength());
        Assert.Equal(defaultVersion, list.GetProperty("active").GetString());

        using (var forbidden = await globex.PostAsync($"{href}/activate", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using (var activated = await acme.PostAsJsonAsync($"{href}/activate", new { retag = true }))
        {
            Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
            var body = await activated.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(version, body.GetProperty("active").GetString());
            Assert.Equal(JsonValueKind.Object, body.GetProperty("retag").ValueKind);
        }

        var (_, active) = await acme.GetJsonAsync("/api/models/active");
        Assert.Equal(version, active.GetProperty("version").GetString());
        (_, list) = await acme.GetJsonAsync("/api/models");
        Assert.Equal("registry", list.GetProperty("activeSource").GetString());
        // Another tenant's active model is its own.
        var (_, globexActive) = await globex.GetJsonAsync("/api/models/active");
        Assert.Equal(defaultVersion, globexActive.GetProperty("version").GetString());

        var (_, next) = await acme.UploadRawAsync(TestAudio.ToneWav(880, 3), "after.wav");
        var after = await acme.WaitForTrackAsync(next.Id(), TimeSpan.FromSeconds(60));
        Assert.Equal("Completed", after.Status());
        Assert.Equal(version, after.GetProperty("model").GetProperty("version").GetString());

        var retagged = await acme.WaitForTrackAsync(before.Id(), TimeSpan.FromSeconds(60),
            t => t.Status() == "Completed" && t.GetProperty("history").GetArrayLength() == 2);
        var versions = retagged.GetProperty("history").EnumerateArray().Select(r => r.GetProperty("modelVersion").GetString()).ToList();
        Assert.Equal(new string?[] { defaultVersion, version }, versions);
        Assert.Equal(version, retagged.GetProperty("model").GetProperty("version").GetString());

        var job = await WaitAsync(acme, "/api/models/retag", j => j.GetProperty("done").GetBoolean(), TimeSpan.FromSeconds(30));
        Assert.Equal(version, job.GetProperty("version").GetString());
        Assert.True(job.GetProperty("queued").GetInt32() >= 1);
    }

    [Fact]
    public async Task A_model_whose_weights_do_not_match_its_card_or_whose_name_is_not_valid_is_refused()
    {
        await using var host = await HostProcess.StartAsync(Settings());
        using var acme = host.Client(ServiceSettings.AcmeKey);

        var wrongHash = await ModelFiles.CopyAsync(_data.Path, "tampered", card => card["weightsSha256"] = new string('0', 64));
        var badName = await ModelFiles.CopyAsync(_data.Path, "Bad_Name");
        var noWeights = await ModelFiles.CopyAsync(_data.Path, "no-weights");
        File.Delete(Path.Combine(noWeights, "model.pt"));
        foreach (var (directory, expected) in new[] { (wrongHash, "SHA-256"), (badName, "name"), (noWeights, "model.pt") })
        {
            using var response = await acme.RegisterAsync(directory);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(expected, problem.GetProperty("detail").GetString());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await acme.PostAsync("/api/models/retrained/0123456789ab/activate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetJsonAsync("/api/models/..%2F..%2Fetc/passwd")).Status);
        var (_, list) = await acme.GetJsonAsync("/api/models");
        Assert.Single(list.GetProperty("versions").EnumerateArray());
    }

    public void Dispose() => _data.Dispose();

    /// <summary>acme is an admin tenant, globex is not.</summary>
    private Dictionary<string, string> Settings()
    {
        var settings = ServiceSettings.Local(_data.Path).With();
        settings["Auth:Tenants:acme:Admin"] = "true";
        settings["Models:CachePath"] = Path.Combine(_data.Path, "model-cache");
        return settings;
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, string path, Func<JsonElement, bool> until, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var (status, body) = await client.GetJsonAsync(path);
            if (status == HttpStatusCode.OK && until(body))
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} did not get there in {timeout}: {body}");
            await Task.Delay(200);
        }
    }
}
