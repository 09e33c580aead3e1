using System.Net;
using System.Text.Json;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Functional;

/// <summary>The Orleans Dashboard at /dashboard shows the live cluster to admin keys and to nobody else.</summary>
public sealed class DashboardTests : IDisposable
{
    private readonly TempDirectory _data = new("host-dashboard");

    [Fact]
    public async Task The_dashboard_is_off_unless_asked_for()
    {
        var settings = ServiceSettings.Local(_data.Path).With();
        settings["Auth:Tenants:acme:Admin"] = "true";
        await using var host = await HostProcess.StartAsync(settings);
        using var admin = host.Client(ServiceSettings.AcmeKey);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/dashboard/index.html")).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_answers_admin_keys_only_and_shows_this_silo()
    {
        var settings = ServiceSettings.Local(_data.Path).With();
        settings["Auth:Tenants:acme:Admin"] = "true";
        settings["Dashboard"] = "true";
        await using var host = await HostProcess.StartAsync(settings);
        using var admin = host.Client(ServiceSettings.AcmeKey);
        using var tenant = host.Client(ServiceSettings.GlobexKey);
        using var anonymous = host.Client();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/dashboard/index.html")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tenant.GetAsync("/dashboard/index.html")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tenant.GetAsync("/dashboard/ClusterStats")).StatusCode);

        using var page = await admin.GetAsync("/dashboard/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // The counters name the silo and the service's grains once a track has been through them.
        var (status, _) = await admin.UploadRawAsync(TestAudio.ToneWav(440, 2), "tone.wav");
        Assert.Equal(HttpStatusCode.Accepted, status);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        string counters = "";
        while (DateTime.UtcNow < deadline && !counters.Contains("TrackGrain", StringComparison.Ordinal))
        {
            using var response = await admin.GetAsync("/dashboard/DashboardCounters");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            counters = await response.Content.ReadAsStringAsync();
            await Task.Delay(500);
        }

        using var parsed = JsonDocument.Parse(counters);
        Assert.True(parsed.RootElement.GetProperty("totalActiveHostCount").GetInt32() >= 1, counters[..Math.Min(counters.Length, 500)]);
        Assert.Contains("TrackGrain", counters, StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();
}
