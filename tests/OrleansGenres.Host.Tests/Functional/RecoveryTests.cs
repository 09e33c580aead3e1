using System.Net;
using System.Text.Json;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Functional;

/// <summary>Nothing accepted is lost when processes die: queued work survives a restart, a killed worker's track completes.</summary>
public sealed class RecoveryTests : IDisposable
{
    private readonly TempDirectory _data = new("host-recovery");

    [Fact]
    public async Task A_node_killed_with_queued_work_finishes_it_after_a_restart()
    {
        var ids = new List<string>();
        await using (var apiOnly = await HostProcess.StartAsync(ServiceSettings.Local(_data.Path).With(roles: "api")))
        {
            using var acme = apiOnly.Client(ServiceSettings.AcmeKey);
            for (var i = 0; i < 6; i++)
            {
                var (status, body) = await acme.UploadRawAsync(TestAudio.ToneWav(300 + (50 * i), 2), $"tone-{i}.wav");
                Assert.Equal(HttpStatusCode.Accepted, status);
                ids.Add(body.Id());
            }

            Assert.Equal(6, (await acme.GetJsonAsync("/api/tracks?status=Queued")).Body.GetProperty("total").GetInt32());
            apiOnly.Kill();
        }

        await using var restarted = await HostProcess.StartAsync(ServiceSettings.Local(_data.Path).With());
        using var client = restarted.Client(ServiceSettings.AcmeKey);
        foreach (var id in ids)
        {
            var track = await client.WaitForTrackAsync(id, TimeSpan.FromSeconds(60));
            Assert.Equal("Completed", track.Status());
            Assert.Single(track.GetProperty("history").EnumerateArray());
        }
    }

    [Fact]
    public async Task A_worker_killed_mid_analysis_leaves_its_track_to_the_next_worker()
    {
        await using var api = await HostProcess.StartAsync(ServiceSettings.Local(_data.Path).With(roles: "api", maxUploadBytes: 200L << 20));
        using var acme = api.Client(ServiceSettings.AcmeKey);
        // Long enough (20 minutes of audio) that the analysis is surely running when the worker dies.
        var (status, body) = await acme.UploadRawAsync(TestAudio.ToneWav(220, 20 * 60, sampleRate: 8000), "long.wav");
        Assert.Equal(HttpStatusCode.Accepted, status);
        var id = body.Id();

        await using (var doomed = await HostProcess.StartAsync(ServiceSettings.Local(_data.Path).With(roles: "analysis", workerId: "doomed")))
        {
            var analyzing = await acme.WaitForTrackAsync(id, TimeSpan.FromSeconds(60), track => track.Status() == "Analyzing");
            Assert.Equal(1, analyzing.GetProperty("attempts").GetInt32());
            doomed.Kill();
        }

        Assert.Equal("Analyzing", (await acme.GetJsonAsync($"/api/tracks/{id}")).Body.Status());
        await using var rescuer = await HostProcess.StartAsync(ServiceSettings.Local(_data.Path).With(roles: "analysis", workerId: "rescuer"));
        var done = await acme.WaitForTrackAsync(id, TimeSpan.FromSeconds(120));
        Assert.Equal("Completed", done.Status());
        var history = done.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal("rescuer", Assert.Single(history).GetProperty("worker").GetString());
        Assert.Equal(2, done.GetProperty("attempts").GetInt32());
        Assert.InRange(done.GetProperty("durationSeconds").GetDouble(), 1199.9, 1200.1);
    }

    public void Dispose() => _data.Dispose();
}
