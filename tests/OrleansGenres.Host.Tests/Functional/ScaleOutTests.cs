using System.Net;
using System.Text.Json;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Functional;

/// <summary>Several nodes on one Azure storage account (Azurite) share the work without losing or repeating any.</summary>
public sealed class ScaleOutTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Two_hosts_take_100_uploads_and_analyse_each_exactly_once()
    {
        var container = "t" + Guid.NewGuid().ToString("N")[..12];
        await using var first = await HostProcess.StartAsync(ServiceSettings.Azure(azurite.ConnectionString, container).With(workerId: "node-a"));
        await using var second = await HostProcess.StartAsync(ServiceSettings.Azure(azurite.ConnectionString, container).With(workerId: "node-b"));
        using var clientA = first.Client(ServiceSettings.AcmeKey);
        using var clientB = second.Client(ServiceSettings.AcmeKey);

        var ids = new string[100];
        await Parallel.ForEachAsync(Enumerable.Range(0, 100), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var client = i % 2 == 0 ? clientA : clientB;
            var (status, body) = await client.UploadRawAsync(TestAudio.ToneWav(200 + (7 * i), 2), $"tone-{i}.wav");
            Assert.Equal(HttpStatusCode.Accepted, status);
            ids[i] = body.Id();
        });
        Assert.Equal(100, ids.Distinct().Count());

        var version = (await clientA.GetJsonAsync("/api/models/active")).Body.GetProperty("version").GetString();
        var workers = new Dictionary<string, int>();
        foreach (var id in ids)
        {
            var track = await clientB.WaitForTrackAsync(id, TimeSpan.FromMinutes(3));
            Assert.Equal("Completed", track.Status());
            var record = Assert.Single(track.GetProperty("history").EnumerateArray());
            Assert.Equal(version, record.GetProperty("modelVersion").GetString());
            var worker = record.GetProperty("worker").GetString()!;
            workers[worker] = workers.GetValueOrDefault(worker) + 1;
        }

        Assert.Equal(100, (await clientA.GetJsonAsync("/api/tracks?status=Completed&pageSize=100")).Body.GetProperty("total").GetInt32());
        Assert.All(workers.Keys, worker => Assert.Contains(worker, new[] { "node-a", "node-b" }));
        Assert.Equal(100, workers.Values.Sum());
    }
}
