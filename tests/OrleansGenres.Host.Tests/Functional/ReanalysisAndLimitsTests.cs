using System.Net;
using System.Text.Json.Nodes;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Functional;

/// <summary>Re-analysis with a newer active model, and the per-tenant rate limit.</summary>
public sealed class ReanalysisAndLimitsTests : IDisposable
{
    private readonly TempDirectory _data = new("host-reanalysis");

    [Fact]
    public async Task A_newer_active_model_reanalyses_a_track_and_the_history_keeps_both_versions()
    {
        string firstVersion, id;
        await using (var host = await HostProcess.StartAsync(ServiceSettings.Local(_data.Path).With()))
        {
            using var acme = host.Client(ServiceSettings.AcmeKey);
            var (_, body) = await acme.UploadRawAsync(TestAudio.ToneWav(660, 3), "tone.wav");
            id = body.Id();
            var done = await acme.WaitForTrackAsync(id, TimeSpan.FromSeconds(60));
            firstVersion = done.GetProperty("model").GetProperty("version").GetString()!;
            // Same model: nothing to do, the track is not analysed twice for one version.
            using var again = await acme.PostAsync($"/api/tracks/{id}/reanalyze", null);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            var same = await acme.WaitForTrackAsync(id, TimeSpan.FromSeconds(60));
            Assert.Single(same.GetProperty("history").EnumerateArray());
        }

        // A retrained model: same weights copied under another name is another version.
        var model = Path.Combine(_data.Path, "model-v2");
        Directory.CreateDirectory(model);
        var shipped = Path.Combine(AppContext.BaseDirectory, "models", "default");
        File.Copy(Path.Combine(shipped, "model.pt"), Path.Combine(model, "model.pt"));
        var card = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(shipped, "model.json")))!;
        card["name"] = "retrained";
        await File.WriteAllTextAsync(Path.Combine(model, "model.json"), card.ToJsonString());

        var settings = ServiceSettings.Local(_data.Path).With();
        settings["Models:Path"] = model;
        await using var upgraded = await HostProcess.StartAsync(settings);
        using var client = upgraded.Client(ServiceSettings.AcmeKey);
        using (var reanalyze = await client.PostAsync($"/api/tracks/{id}/reanalyze", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, reanalyze.StatusCode);
        }

        var track = await client.WaitForTrackAsync(id, TimeSpan.FromSeconds(60), t => t.Status() == "Completed" && t.GetProperty("history").GetArrayLength() == 2);
        var versions = track.GetProperty("history").EnumerateArray().Select(r => r.GetProperty("modelVersion").GetString()).ToList();
        Assert.Equal(firstVersion, versions[0]);
        Assert.StartsWith("retrained@", versions[1]);
        Assert.Equal(versions[1], track.GetProperty("model").GetProperty("version").GetString());
    }

    [Fact]
    public async Task Requests_over_the_tenant_rate_get_429_with_a_problem()
    {
        var settings = ServiceSettings.Local(_data.Path).With(roles: "api");
        settings["RequestsPerSecond"] = "1";
        settings["RequestBurst"] = "3";
        await using var host = await HostProcess.StartAsync(settings);
        using var acme = host.Client(ServiceSettings.AcmeKey);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await acme.GetJsonAsync("/api/tracks")).Status);
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        var (status, problem) = await acme.GetJsonAsync("/api/tracks");
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        // Health probes are never limited.
        using var anonymous = host.Client();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
    }

    public void Dispose() => _data.Dispose();
}
