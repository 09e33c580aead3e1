using System.Net;
using OrleansGenres.Audio.Tests.Support;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Functional;

/// <summary>Upload → analysis → tags over HTTP on real dataset files, against each storage backend.</summary>
public abstract class TrackLifecycleTests
{
    protected abstract Dictionary<string, string> Storage();

    [Fact]
    public async Task Uploads_of_real_files_end_with_tags_windows_and_a_catalogue_entry()
    {
        await using var host = await HostProcess.StartAsync(Storage().With());
        using var acme = host.Client(ServiceSettings.AcmeKey);
        var (_, active) = await acme.GetJsonAsync("/api/models/active");
        var version = active.GetProperty("version").GetString();

        string[] files =
        [
            SharedData.Dataset("philharmonia", "audio/flute/flute_A4_05_mezzo-piano_normal.mp3"),
            SharedData.Dataset("philharmonia", "audio/cello/cello_A2_05_forte_arco-normal.mp3"),
            SharedData.Dataset("esc10", "audio/dog_bark/1-100032-A.ogg"),
            SharedData.Dataset("fsdd", "recordings/0_george_0.wav"),
        ];
        var ids = new List<string>();
        foreach (var file in files)
        {
            var (status, body, location) = await acme.UploadFileAsync(file);
            Assert.Equal(HttpStatusCode.Accepted, status);
            Assert.Equal("Queued", body.Status());
            Assert.Equal($"/api/tracks/{body.Id()}", location?.OriginalString);
            Assert.Equal(Path.GetFileName(file), body.GetProperty("fileName").GetString());
            ids.Add(body.Id());
        }

        foreach (var id in ids)
        {
            var track = await acme.WaitForTrackAsync(id, TimeSpan.FromSeconds(90));
            Assert.Equal("Completed", track.Status());
            Assert.Equal(version, track.GetProperty("model").GetProperty("version").GetString());
            Assert.True(track.GetProperty("durationSeconds").GetDouble() > 0.1);
            Assert.Single(track.GetProperty("history").EnumerateArray());
            var (windowsStatus, windows) = await acme.GetJsonAsync($"/api/tracks/{id}/windows");
            Assert.Equal(HttpStatusCode.OK, windowsStatus);
            Assert.Equal(track.GetProperty("windowCount").GetInt32(), windows.GetProperty("windows").GetArrayLength());
            Assert.Equal(windows.GetProperty("labels").GetArrayLength(), windows.GetProperty("windows")[0].GetProperty("scores").GetArrayLength());
        }

        // The default model is an orchestral tagger: it must hear the flute and the cello for what they are.
        var flute = await acme.WaitForTrackAsync(ids[0], TimeSpan.FromSeconds(5));
        Assert.Contains("flute", flute.AssignedTags());
        var cello = await acme.WaitForTrackAsync(ids[1], TimeSpan.FromSeconds(5));
        Assert.Contains("cello", cello.AssignedTags());

        var (_, completed) = await acme.GetJsonAsync("/api/tracks?status=completed&pageSize=2");
        Assert.Equal(4, completed.GetProperty("total").GetInt32());
        Assert.Equal(2, completed.GetProperty("items").GetArrayLength());
        var (_, flutes) = await acme.GetJsonAsync("/api/tracks?tag=flute");
        Assert.Equal([ids[0]], flutes.GetProperty("items").EnumerateArray().Select(t => t.Id()));
        var (_, queued) = await acme.GetJsonAsync("/api/tracks?status=Queued");
        Assert.Equal(0, queued.GetProperty("total").GetInt32());

        // The same bytes again are the same track, already done.
        var (againStatus, again, _) = await acme.UploadFileAsync(files[0]);
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Equal(ids[0], again.Id());

        using (var delete = await acme.DeleteAsync($"/api/tracks/{ids[3]}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetJsonAsync($"/api/tracks/{ids[3]}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetJsonAsync($"/api/tracks/{ids[3]}/windows")).Status);
        Assert.Equal(3, (await acme.GetJsonAsync("/api/tracks")).Body.GetProperty("total").GetInt32());
    }
}

public sealed class LocalTrackLifecycleTests : TrackLifecycleTests, IDisposable
{
    private readonly TempDirectory _data = new("host-local");

    protected override Dictionary<string, string> Storage() => ServiceSettings.Local(_data.Path);

    public void Dispose() => _data.Dispose();
}

public sealed class AzureTrackLifecycleTests(AzuriteFixture azurite) : TrackLifecycleTests, IClassFixture<AzuriteFixture>
{
    protected override Dictionary<string, string> Storage() => ServiceSettings.Azure(azurite.ConnectionString, "t" + Guid.NewGuid().ToString("N")[..12]);
}
