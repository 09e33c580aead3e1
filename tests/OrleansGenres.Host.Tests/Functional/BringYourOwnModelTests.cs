using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Functional;

/// <summary>
/// "Bring your own model": a TorchScript module traced by PyTorch in this test run, with a card naming its labels and
/// front end, is registered, activated and tags uploads like a model of ours; a module that does not fit its card is
/// refused at registration.
/// </summary>
public sealed class BringYourOwnModelTests : IDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly TempDirectory _data = new("host-byom");

    [Fact]
    public async Task A_module_traced_in_pytorch_is_registered_activated_and_tags_uploads()
    {
        var model = await TracedModelAsync("band-tagger", ["low", "high", "quiet"]);
        var misfit = await TracedModelAsync("band-tagger-misfit", ["low", "high", "quiet", "extra"]);
        await using var host = await HostProcess.StartAsync(Settings());
        using var acme = host.Client(ServiceSettings.AcmeKey);

        using (var refused = await acme.RegisterAsync(misfit))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var detail = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
            Assert.Contains("4 logits", detail);
            Assert.DoesNotContain(Path.GetTempPath(), detail); // no server path in an answer
            Assert.DoesNotContain(_data.Path, detail);
        }

        string href, version;
        using (var registered = await acme.RegisterAsync(model))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            var body = await registered.Content.ReadFromJsonAsync<JsonElement>();
            href = body.GetProperty("model").GetProperty("href").GetString()!;
            version = body.GetProperty("model").GetProperty("version").GetString()!;
        }

        using (var activated = await acme.PostAsJsonAsync($"{href}/activate", new { retag = false }))
        {
            Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        }

        var (_, low) = await acme.UploadRawAsync(TestAudio.ToneWav(150, 3), "low.wav");
        var (_, high) = await acme.UploadRawAsync(TestAudio.ToneWav(6000, 3), "high.wav");
        foreach (var (id, expected) in new[] { (low.Id(), "low"), (high.Id(), "high") })
        {
            var track = await acme.WaitForTrackAsync(id, TimeSpan.FromSeconds(60));
            Assert.Equal("Completed", track.Status());
            Assert.Equal(version, track.GetProperty("model").GetProperty("version").GetString());
            var top = track.GetProperty("tags")[0];
            Assert.Equal(expected, top.GetProperty("label").GetString());
        }
    }

    public void Dispose() => _data.Dispose();

    /// <summary>A model folder: the traced module as model.pt and a card (labels, the default model's front end, its hash).</summary>
    private async Task<string> TracedModelAsync(string name, string[] labels)
    {
        Assert.True(File.Exists(Python), $"{Python} with python3-torch is needed (./build.sh test installs it)");
        var shipped = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ModelFiles.Shipped, "model.json")))!;
        var frontEnd = shipped["frontEnd"]!.DeepClone();
        var nMels = frontEnd["mel"]!["nMels"]!.GetValue<int>();
        var directory = Path.Combine(_data.Path, name);
        Directory.CreateDirectory(directory);
        var weights = Path.Combine(directory, "model.pt");
        var (exitCode, output) = await ProcessRunner.RunAsync(Python, [Path.Combine(AppContext.BaseDirectory, "PyTorch", "band_tagger.py"), weights, $"{nMels}"], TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, $"band_tagger.py failed ({exitCode}): {output}");
        var card = new JsonObject
        {
            ["name"] = name,
            ["labels"] = new JsonArray([.. labels.Select(l => JsonValue.Create(l))]),
            ["multiLabel"] = false,
            ["frontEnd"] = frontEnd,
            ["aggregation"] = "mean",
            ["model"] = new JsonObject { ["classes"] = labels.Length, ["nMels"] = nMels },
            ["weightsFormat"] = "torchScript",
            ["weightsFile"] = "model.pt",
            ["weightsSha256"] = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(weights))),
        };
        await File.WriteAllTextAsync(Path.Combine(directory, "model.json"), card.ToJsonString());
        return directory;
    }

    private Dictionary<string, string> Settings()
    {
        var settings = ServiceSettings.Local(_data.Path).With();
        settings["Auth:Tenants:acme:Admin"] = "true";
        settings["Models:CachePath"] = Path.Combine(_data.Path, "model-cache");
        return settings;
    }
}
