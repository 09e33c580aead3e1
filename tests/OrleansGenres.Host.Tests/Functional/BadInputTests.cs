using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Functional;

/// <summary>Every kind of bad request gets the right status; accepted-but-undecodable uploads end Failed with a reason.</summary>
public sealed class BadInputTests : IDisposable
{
    private const long Limit = 256 * 1024;
    private readonly TempDirectory _data = new("host-bad-input");

    [Fact]
    public async Task Bad_uploads_keys_and_ids_get_the_right_status_and_undecodable_audio_fails_with_a_reason()
    {
        await using var host = await HostProcess.StartAsync(ServiceSettings.Local(_data.Path).With(maxUploadBytes: Limit));
        using var acme = host.Client(ServiceSettings.AcmeKey);
        using var globex = host.Client(ServiceSettings.GlobexKey);
        using var anonymous = host.Client();
        using var wrongKey = host.Client("not-a-key-of-anyone-at-all");

        // Refused before anything is stored.
        Assert.Equal(HttpStatusCode.BadRequest, (await acme.UploadRawAsync([])).Status);
        var emptyMp3 = Path.Combine(_data.Path, "empty.mp3");
        await File.WriteAllBytesAsync(emptyMp3, []);
        Assert.Equal(HttpStatusCode.BadRequest, (await acme.UploadFileAsync(emptyMp3)).Status);
        var (tooLarge, problem) = await acme.UploadRawAsync(new byte[Limit + 1]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge);
        Assert.Contains($"{Limit}", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.UploadRawAsync(TestAudio.ToneWav(440, 1))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.UploadRawAsync(TestAudio.ToneWav(440, 1))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetJsonAsync("/api/tracks")).Status);
        Assert.Equal(0, (await acme.GetJsonAsync("/api/tracks")).Body.GetProperty("total").GetInt32());

        // Accepted, then failed by the worker with a reason a person can read.
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        var (randomStatus, randomTrack) = await acme.UploadRawAsync(random, "noise.mp3");
        Assert.Equal(HttpStatusCode.Accepted, randomStatus);
        var (textStatus, textTrack) = await acme.UploadRawAsync(Encoding.UTF8.GetBytes("these are not the bytes of a song\n"), "notes.txt");
        Assert.Equal(HttpStatusCode.Accepted, textStatus);
        foreach (var (id, name) in new[] { (randomTrack.Id(), "noise.mp3"), (textTrack.Id(), "notes.txt") })
        {
            var failed = await acme.WaitForTrackAsync(id, TimeSpan.FromSeconds(60));
            Assert.Equal("Failed", failed.Status());
            var error = failed.GetProperty("error");
            Assert.Equal("InvalidData", error.GetProperty("kind").GetString());
            // The message names the user's file, never a path of the server.
            var message = error.GetProperty("message").GetString()!;
            Assert.StartsWith(name + ": ", message, StringComparison.Ordinal);
            Assert.DoesNotContain('/', message);
            Assert.Equal(HttpStatusCode.NotFound, (await acme.GetJsonAsync($"/api/tracks/{id}/windows")).Status);
        }

        // A good upload, then the tenant boundary and unknown ids.
        var (_, tone) = await acme.UploadRawAsync(TestAudio.ToneWav(440, 2), "tone.wav");
        var toneId = tone.Id();
        Assert.Equal("Completed", (await acme.WaitForTrackAsync(toneId, TimeSpan.FromSeconds(60))).Status());
        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetJsonAsync($"/api/tracks/{toneId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetJsonAsync($"/api/tracks/{toneId}/windows")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await globex.DeleteAsync($"/api/tracks/{toneId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await globex.PostAsync($"/api/tracks/{toneId}/reanalyze", null)).StatusCode);
        Assert.Equal(0, (await globex.GetJsonAsync("/api/tracks")).Body.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await acme.GetJsonAsync($"/api/tracks/{toneId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetJsonAsync($"/api/tracks/{new string('0', 32)}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetJsonAsync("/api/tracks/..%2F..%2Fetc%2Fpasswd")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetJsonAsync("/api/tracks/ABC")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await acme.GetJsonAsync("/api/tracks?status=Sleeping")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await acme.GetJsonAsync("/api/tracks?pageSize=1000")).Status);

        // The same tone from another tenant is another track.
        var (_, globexTone) = await globex.UploadRawAsync(TestAudio.ToneWav(440, 2), "tone.wav");
        Assert.NotEqual(toneId, globexTone.Id());

        // Health is anonymous; errors are ProblemDetails.
        using var ready = await anonymous.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var unauthorized = await anonymous.GetAsync("/api/models/active");
        Assert.Equal(new MediaTypeHeaderValue("application/problem+json"), new MediaTypeHeaderValue(unauthorized.Content.Headers.ContentType!.MediaType!));
    }

    [Fact]
    public async Task A_multipart_content_type_over_a_body_that_is_not_multipart_is_a_400_on_every_upload_route()
    {
        var settings = ServiceSettings.Local(_data.Path).With();
        settings["Auth:Tenants:acme:Admin"] = "true";
        await using var host = await HostProcess.StartAsync(settings);
        using var admin = host.Client(ServiceSettings.AcmeKey);
        var random = new byte[20 * 1024];
        new Random(3).NextBytes(random);
        foreach (var (route, body) in new[] { ("/api/tracks", "hello"u8.ToArray()), ("/api/models", "hello"u8.ToArray()), ("/api/datasets?name=x", "hello"u8.ToArray()), ("/api/datasets?name=x", random) })
        {
            using var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=XYZ");
            using var response = await admin.PostAsync(route, content);
            var problem = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{route}: {(int)response.StatusCode} {problem}");
            Assert.Contains("alformed multipart body", problem, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", problem, StringComparison.Ordinal);
        }

        // A training-job body of the wrong shape is told where, in words, without the service's type names.
        foreach (var body in new[] { "[1, 2]", "{\"dataset\": 5, \"config\": \"fsdd-cnn\"}", "{\"dataset\": \"d\", \"config\": {\"training\": {\"epochs\": \"many\"}}}", "{ not json" })
        {
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var response = await admin.PostAsync("/api/training-jobs", content);
            var problem = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body}: {(int)response.StatusCode} {problem}");
            Assert.DoesNotContain("OrleansGenres", problem, StringComparison.Ordinal);
            Assert.DoesNotContain("System.", problem, StringComparison.Ordinal);
        }

        // The service is fine afterwards.
        Assert.Equal(HttpStatusCode.Accepted, (await admin.UploadRawAsync(TestAudio.ToneWav(440, 1), "ok.wav")).Status);
    }

    [Fact]
    public async Task Paging_that_is_not_a_number_gets_a_400_saying_why_and_long_file_names_keep_their_extension()
    {
        await using var host = await HostProcess.StartAsync(ServiceSettings.Local(_data.Path).With());
        using var acme = host.Client(ServiceSettings.AcmeKey);

        foreach (var query in new[] { "page=abc", "pageSize=1e3", "page=0", "pageSize=101", "page=-1" })
        {
            var (status, problem) = await acme.GetJsonAsync($"/api/tracks?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("page is a whole number from 1", problem.GetProperty("detail").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, (await acme.GetJsonAsync("/api/tracks?page=2&pageSize=100")).Status);

        var longName = new string('a', 300) + ".flac";
        var (uploaded, track) = await acme.UploadRawAsync(TestAudio.ToneWav(440, 1), longName);
        Assert.Equal(HttpStatusCode.Accepted, uploaded);
        var shown = track.GetProperty("fileName").GetString()!;
        Assert.Equal(200, shown.Length);
        Assert.EndsWith("….flac", shown, StringComparison.Ordinal);
        Assert.StartsWith("aaaa", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audio_longer_than_the_limit_fails_TooLong_with_the_limit_in_the_message()
    {
        var settings = ServiceSettings.Local(_data.Path).With(maxUploadBytes: 8L << 20);
        settings["Analysis:MaxDuration"] = "00:00:30";
        await using var host = await HostProcess.StartAsync(settings);
        using var acme = host.Client(ServiceSettings.AcmeKey);

        var (status, body) = await acme.UploadRawAsync(TestAudio.ToneWav(440, 45, sampleRate: 8000), "long.wav");
        Assert.Equal(HttpStatusCode.Accepted, status);
        var failed = await acme.WaitForTrackAsync(body.Id(), TimeSpan.FromSeconds(60));

        Assert.Equal("Failed", failed.Status());
        var error = failed.GetProperty("error");
        Assert.Equal("TooLong", error.GetProperty("kind").GetString());
        Assert.Equal("long.wav: the audio is longer than the limit of 0:00:30 (its header says it lasts 0:00:45)", error.GetProperty("message").GetString());
        Assert.Equal(1, failed.GetProperty("attempts").GetInt32());

        // Within the limit, the same service analyses as usual.
        var (_, ok) = await acme.UploadRawAsync(TestAudio.ToneWav(440, 20, sampleRate: 8000), "fine.wav");
        Assert.Equal("Completed", (await acme.WaitForTrackAsync(ok.Id(), TimeSpan.FromSeconds(60))).Status());
    }

    [Fact]
    public async Task Silent_windows_are_marked_and_left_out_of_the_tags_and_a_silent_track_gets_none()
    {
        await using var host = await HostProcess.StartAsync(ServiceSettings.Local(_data.Path).With());
        using var acme = host.Client(ServiceSettings.AcmeKey);

        // 8 s of tone then 8 s of digital silence: exactly the windows that start at 8 s or later are silent.
        var (_, mixed) = await acme.UploadRawAsync(TestAudio.ToneThenSilenceWav(440, 8, 8), "tone-then-silence.wav");
        var track = await acme.WaitForTrackAsync(mixed.Id(), TimeSpan.FromSeconds(60));
        Assert.Equal("Completed", track.Status());
        Assert.False(track.GetProperty("silent").GetBoolean());
        Assert.NotEmpty(track.GetProperty("tags").EnumerateArray());
        var windows = (await acme.GetJsonAsync($"/api/tracks/{mixed.Id()}/windows")).Body.GetProperty("windows").EnumerateArray().ToList();
        var silent = windows.Where(w => w.GetProperty("silent").GetBoolean()).Select(w => w.GetProperty("start").GetDouble()).ToList();
        Assert.Equal(silent.Count, track.GetProperty("silentWindows").GetInt32());
        Assert.Equal(windows.Select(w => w.GetProperty("start").GetDouble()).Where(start => start >= 8), silent);
        Assert.NotEmpty(silent);
        // The track's scores aggregate (mean or max, as the model says) the sounding windows only.
        var heard = windows.Where(w => !w.GetProperty("silent").GetBoolean()).Select(w => w.GetProperty("scores").EnumerateArray().Select(s => s.GetDouble()).ToArray()).ToList();
        var labels = (await acme.GetJsonAsync($"/api/tracks/{mixed.Id()}/windows")).Body.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToList();
        var top = track.GetProperty("scores")[0];
        var column = labels.IndexOf(top.GetProperty("label").GetString()!);
        var aggregated = track.GetProperty("model").GetProperty("aggregation").GetString() == "max" ? heard.Max(w => w[column]) : heard.Average(w => w[column]);
        Assert.Equal(aggregated, top.GetProperty("score").GetDouble(), precision: 4);

        // All silence: Completed, no tags, and it says so.
        var (_, quiet) = await acme.UploadRawAsync(TestAudio.Wav(new float[22050 * 12], 22050), "silence.wav");
        var silentTrack = await acme.WaitForTrackAsync(quiet.Id(), TimeSpan.FromSeconds(60));
        Assert.Equal("Completed", silentTrack.Status());
        Assert.True(silentTrack.GetProperty("silent").GetBoolean());
        Assert.Empty(silentTrack.GetProperty("tags").EnumerateArray());
        Assert.Equal(silentTrack.GetProperty("windowCount").GetInt32(), silentTrack.GetProperty("silentWindows").GetInt32());
    }

    public void Dispose() => _data.Dispose();
}
