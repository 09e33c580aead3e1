using System.Net;
using System.Text.Json;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Functional;

/// <summary>
/// Nothing accepted is lost when processes die: the embedded silo killed with work queued or running finishes it after a
/// restart (its grain state and reminders are on disk); in a cluster, a killed analysis silo's tracks are analysed by
/// another, each exactly once.
/// </summary>
public sealed class RecoveryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly TempDirectory _data = new("host-recovery");

    [Fact]
    public async Task A_silo_killed_with_queued_work_finishes_it_after_a_restart()
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
    public async Task The_embedded_silo_killed_while_20_tracks_are_analysed_completes_them_all_after_a_restart()
    {
        var ids = new List<string>();
        await using (var doomed = await HostProcess.StartAsync(ServiceSettings.Local(_data.Path).With(maxUploadBytes: 200L << 20)))
        {
            using var acme = doomed.Client(ServiceSettings.AcmeKey);
            for (var i = 0; i < 20; i++)
            {
                // 5 minutes of audio each at 8 kHz: long enough that most are still waiting or running at the kill.
                var (status, body) = await acme.UploadRawAsync(TestAudio.ToneWav(200 + (25 * i), 300, sampleRate: 8000), $"long-{i}.wav");
                Assert.Equal(HttpStatusCode.Accepted, status);
                ids.Add(body.Id());
            }

            await acme.WaitForAsync("/api/tracks?status=Analyzing", TimeSpan.FromSeconds(60), page => page.GetProperty("total").GetInt32() > 0);
            var completedBefore = (await acme.GetJsonAsync("/api/tracks?status=Completed")).Body.GetProperty("total").GetInt32();
            Assert.True(completedBefore < 20, "the kill must come while work is in flight");
            doomed.Kill();
        }

        await using var restarted = await HostProcess.StartAsync(ServiceSettings.Local(_data.Path).With(maxUploadBytes: 200L << 20));
        using var client = restarted.Client(ServiceSettings.AcmeKey);
        foreach (var id in ids)
        {
            var track = await client.WaitForTrackAsync(id, TimeSpan.FromSeconds(180));
            Assert.Equal("Completed", track.Status());
            Assert.Single(track.GetProperty("history").EnumerateArray());
        }

        Assert.Equal(20, (await client.GetJsonAsync("/api/tracks?status=Completed")).Body.GetProperty("total").GetInt32());
        // Nothing of the killed process is left in the scratch folder.
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_data.Path, "scratch"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_silo_killed_mid_upload_leaves_no_spooled_file_after_a_restart()
    {
        var scratch = Path.Combine(_data.Path, "scratch");
        await using (var doomed = await HostProcess.StartAsync(ServiceSettings.Local(_data.Path).With(maxUploadBytes: 64L << 20)))
        {
            using var acme = doomed.Client(ServiceSettings.AcmeKey);
            using var slow = new SlowContent(chunks: 200, chunkBytes: 64 * 1024, pause: TimeSpan.FromMilliseconds(50));
            var upload = acme.PostAsync("/api/tracks", slow);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (!Directory.EnumerateFiles(scratch, "upload-*", SearchOption.AllDirectories).Any() && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.NotEmpty(Directory.EnumerateFiles(scratch, "upload-*", SearchOption.AllDirectories));
            doomed.Kill();
            await Assert.ThrowsAnyAsync<Exception>(() => upload);
        }

        await using var restarted = await HostProcess.StartAsync(ServiceSettings.Local(_data.Path).With());
        Assert.Empty(Directory.EnumerateFiles(scratch, "*", SearchOption.AllDirectories));
        using var client = restarted.Client(ServiceSettings.AcmeKey);
        Assert.Equal(0, (await client.GetJsonAsync("/api/tracks")).Body.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_second_process_on_the_same_data_folder_refuses_to_start()
    {
        await using var first = await HostProcess.StartAsync(ServiceSettings.Local(_data.Path).With());
        var second = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync(ServiceSettings.Local(_data.Path).With()));
        Assert.Contains("another OrleansGenres process is using the data folder", second.Message);
        using var client = first.Client(ServiceSettings.AcmeKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync("/api/tracks")).Status);
    }

    [Fact]
    public async Task Three_silos_on_Azure_storage_survive_the_kill_of_an_analysis_silo_mid_batch_with_every_track_analysed_once()
    {
        var container = "t" + Guid.NewGuid().ToString("N")[..12];
        Dictionary<string, string> Silo(string roles, string worker) => ServiceSettings.Azure(azurite.ConnectionString, container).With(roles: roles, workerId: worker, maxUploadBytes: 200L << 20);
        await using var api = await HostProcess.StartAsync(Silo("api", "api"));
        await using var survivor = await HostProcess.StartAsync(Silo("analysis,training", "survivor"));
        var doomed = await HostProcess.StartAsync(Silo("analysis", "doomed"));
        using var acme = api.Client(ServiceSettings.AcmeKey);
        var ids = new string[100];
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, 100), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            {
                // Every tenth track is long (2 minutes), so the kill finds some of them running.
                var seconds = i % 10 == 0 ? 120 : 2;
                var (status, body) = await acme.UploadRawAsync(TestAudio.ToneWav(200 + (7 * i), seconds, sampleRate: 8000), $"tone-{i}.wav");
                Assert.Equal(HttpStatusCode.Accepted, status);
                ids[i] = body.Id();
            });

            await WaitForAnyAsync(acme, ids, track => track.GetProperty("history").GetArrayLength() == 0 && track.Status() == "Analyzing", TimeSpan.FromSeconds(60));
        }
        finally
        {
            doomed.Kill();
            await doomed.DisposeAsync();
        }

        var workers = new Dictionary<string, int>();
        foreach (var id in ids)
        {
            var track = await acme.WaitForTrackAsync(id, TimeSpan.FromMinutes(3));
            Assert.Equal("Completed", track.Status());
            var record = Assert.Single(track.GetProperty("history").EnumerateArray());
            var worker = record.GetProperty("worker").GetString()!;
            workers[worker] = workers.GetValueOrDefault(worker) + 1;
        }

        // The listing catches up: an index shard that lived on the killed silo gets its entries from the tracks' retries.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var listed = (await acme.GetJsonAsync("/api/tracks?status=Completed&pageSize=100")).Body.GetProperty("total").GetInt32();
        while (listed < 100 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            listed = (await acme.GetJsonAsync("/api/tracks?status=Completed&pageSize=100")).Body.GetProperty("total").GetInt32();
        }

        Assert.Equal(100, listed);
        Assert.Equal(100, workers.Values.Sum());
        Assert.True(workers.GetValueOrDefault("survivor") > 0, string.Join(", ", workers));
        Assert.All(workers.Keys, worker => Assert.Contains(worker, new[] { "survivor", "doomed" }));
    }

    public void Dispose() => _data.Dispose();

    private static async Task WaitForAnyAsync(HttpClient client, IEnumerable<string> ids, Func<JsonElement, bool> until, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var id in ids)
            {
                var (status, body) = await client.GetJsonAsync($"/api/tracks/{id}");
                if (status == HttpStatusCode.OK && until(body))
                {
                    return;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("no track reached the awaited state");
    }

    /// <summary>A request body that trickles in, so the server is still spooling it when the test acts.</summary>
    private sealed class SlowContent(int chunks, int chunkBytes, TimeSpan pause) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var chunk = new byte[chunkBytes];
            for (var i = 0; i < chunks; i++)
            {
                await stream.WriteAsync(chunk);
                await stream.FlushAsync();
                await Task.Delay(pause);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = (long)chunks * chunkBytes;
            return true;
        }
    }
}
