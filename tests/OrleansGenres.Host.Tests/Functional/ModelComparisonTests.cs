using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansGenres.Audio.Tests.Support;
using OrleansGenres.Abstractions.Models;
using OrleansGenres.Grains.Models;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Functional;

/// <summary>
/// <c>POST /api/models/compare</c> on a real host process: registered versions on an uploaded dataset give the numbers
/// the real <c>genres compare</c> gives for the same model folders and files; bad requests are refused listing every
/// problem; another tenant finds neither the versions nor the dataset.
/// </summary>
public sealed class ModelComparisonTests : IDisposable
{
    private const int Resamples = 200;
    private static readonly int[] TrainIndexes = [.. Enumerable.Range(20, 10)];
    private readonly TempDirectory _data = new("host-compare");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Comparing_registered_versions_on_an_uploaded_dataset_gives_the_numbers_genres_compare_gives()
    {
        var (manifest, paths) = WriteFsddSubset(Path.Combine(_data.Path, "fsdd-subset"));
        var cache = Path.Combine(_data.Path, "cli-features");
        // Two genuinely different models trained by the real CLI (a ResNet+Transformer for 30 epochs, ~85 % here; a CNN
        // for 2, near chance), and the first one's weights again under another name: identical predictions, so a
        // difference of exactly 0 and p = 1.
        var strong = await TrainAsync(manifest, cache, "fsdd-tiny-strong", "resTransformer", epochs: 30, learningRate: 0.001, seed: 1);
        var weak = await TrainAsync(manifest, cache, "fsdd-tiny-weak", "cnn", epochs: 2, learningRate: 0.003, seed: 7);
        var copy = await CopyUnderAnotherNameAsync(strong, "fsdd-tiny-copy");

        await using var host = await HostProcess.StartAsync(Settings());
        using var acme = host.Client(ServiceSettings.AcmeKey);
        using var globex = host.Client(ServiceSettings.GlobexKey);
        var versions = new List<string>();
        foreach (var folder in new[] { strong, weak, copy })
        {
            versions.Add(await RegisterAsync(acme, RegistryFiles(folder)));
        }

        string datasetVersion;
        using (var uploaded = await acme.UploadDatasetAsync("fsdd-subset", manifest, paths))
        {
            Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
            datasetVersion = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetProperty("version").GetString()!;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var response = await acme.PostAsJsonAsync("/api/models/compare", new { dataset = "fsdd-subset", models = versions, bootstrap = Resamples });
        var serviceSeconds = clock.Elapsed.TotalSeconds;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        clock.Restart();
        var cli = await GenresCli.RunAsync(
            "compare", "--json", "--dataset", manifest, "--model", strong, "--model", weak, "--model", copy,
            "--bootstrap", Resamples.ToString(CultureInfo.InvariantCulture), "--cache", cache, "--decoder", "in-process");
        var cliSeconds = clock.Elapsed.TotalSeconds;
        Assert.True(cli.ExitCode == 0, cli.Stderr);

        using var serviceJson = JsonDocument.Parse(body);
        using var cliJson = JsonDocument.Parse(cli.Stdout);
        var service = serviceJson.RootElement;
        var expected = cliJson.RootElement;
        Assert.Equal("fsdd-subset", service.GetProperty("dataset").GetString());
        Assert.Equal(datasetVersion, service.GetProperty("datasetVersion").GetString());
        Assert.Equal("test", service.GetProperty("split").GetString());
        Assert.Equal(expected.GetProperty("metric").GetString(), service.GetProperty("metric").GetString());
        Assert.Equal("accuracy", service.GetProperty("metric").GetString());
        Assert.Equal(expected.GetProperty("tracks").GetInt32(), service.GetProperty("tracks").GetInt32());
        Assert.Equal(paths.Count(p => TestIndex(p) < 5), service.GetProperty("tracks").GetInt32());

        // Names aside (version ids in the service, card names in the CLI, in the same order), the same JSON.
        var cliNames = expected.GetProperty("models").EnumerateObject().Select(m => m.Name).ToList();
        Assert.Equal(new[] { "fsdd-tiny-strong", "fsdd-tiny-weak", "fsdd-tiny-copy" }, cliNames);
        var nameOf = versions.Zip(cliNames).ToDictionary(pair => pair.First, pair => pair.Second);
        var models = service.GetProperty("models").EnumerateObject().ToList();
        Assert.Equal(versions, models.Select(m => m.Name));
        foreach (var model in models)
        {
            Assert.Equal(expected.GetProperty("models").GetProperty(nameOf[model.Name]).GetRawText(), model.Value.GetRawText());
        }

        var pairs = service.GetProperty("pairs").EnumerateArray().ToList();
        var expectedPairs = expected.GetProperty("pairs").EnumerateArray().ToList();
        Assert.Equal(3, pairs.Count);
        Assert.Equal(expectedPairs.Count, pairs.Count);
        foreach (var (pair, expectedPair) in pairs.Zip(expectedPairs))
        {
            Assert.Equal(expectedPair.GetProperty("modelA").GetString(), nameOf[pair.GetProperty("modelA").GetString()!]);
            Assert.Equal(expectedPair.GetProperty("modelB").GetString(), nameOf[pair.GetProperty("modelB").GetString()!]);
            Assert.Equal(expectedPair.GetProperty("bootstrap").GetRawText(), pair.GetProperty("bootstrap").GetRawText());
            Assert.Equal(expectedPair.GetProperty("mcNemar").GetRawText(), pair.GetProperty("mcNemar").GetRawText());
        }

        // The two trained models really differ on these tracks; the copy is the strong model exactly.
        var strongWeak = pairs[0].GetProperty("bootstrap");
        Assert.True(strongWeak.GetProperty("difference").GetDouble() > 0.3 && strongWeak.GetProperty("pValue").GetDouble() < 0.05, strongWeak.GetRawText());
        var strongCopy = pairs[1];
        Assert.Equal(0, strongCopy.GetProperty("bootstrap").GetProperty("difference").GetDouble());
        Assert.Equal(1, strongCopy.GetProperty("bootstrap").GetProperty("pValue").GetDouble());
        Assert.Contains(versions[1], service.GetProperty("text").GetString(), StringComparison.Ordinal);

        // The same request from another tenant: neither the versions nor the dataset exist for it.
        using (var other = await globex.PostAsJsonAsync("/api/models/compare", new { dataset = "fsdd-subset", models = versions, bootstrap = Resamples }))
        {
            var problems = await ProblemsAsync(other);
            Assert.Equal(4, problems.Count);
            Assert.All(versions, v => Assert.Contains(problems, p => p.Contains(v, StringComparison.Ordinal)));
            Assert.Contains(problems, p => p.Contains("no dataset 'fsdd-subset'", StringComparison.Ordinal));
        }

        // An explicit dataset version is the same comparison.
        using (var again = await acme.PostAsJsonAsync("/api/models/compare", new { dataset = "fsdd-subset", datasetVersion, models = versions.Take(2), bootstrap = Resamples, split = "Test" }))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            var repeated = await again.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(pairs[0].GetRawText(), repeated.GetProperty("pairs")[0].GetRawText());
        }

        Console.WriteLine($"compare: service {serviceSeconds:F1} s (cold), genres compare {cliSeconds:F1} s (features cached by training)\n{service.GetProperty("text").GetString()}");
    }

    [Fact]
    public async Task Requests_that_cannot_be_compared_are_refused_listing_every_problem()
    {
        var tones = ToneDatasetFiles.Write(Path.Combine(_data.Path, "tones"));
        // The default model's weights under a new name with one label renamed: same network, another label set.
        var relabelled = await ModelFiles.CopyAsync(_data.Path, "relabelled", card => card["labels"]![0] = "banjo-renamed");
        var copy = await ModelFiles.CopyAsync(_data.Path, "copy");
        await using var host = await HostProcess.StartAsync(Settings());
        using var acme = host.Client(ServiceSettings.AcmeKey);
        using var globex = host.Client(ServiceSettings.GlobexKey);
        var defaultVersion = (await acme.GetJsonAsync("/api/models/active")).Body.GetProperty("version").GetString()!;
        var relabelledVersion = await RegisterAsync(acme, relabelled);
        var copyVersion = await RegisterAsync(acme, copy);
        using (var uploaded = await acme.UploadDatasetAsync("tones", tones, ToneDatasetFiles.Rows.Select(r => r.Path)))
        {
            Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        }

        // Shape: one model, a malformed id, bad split and bootstrap, an unknown dataset — all in one answer.
        var problems = await ProblemsAsync(await acme.PostAsJsonAsync("/api/models/compare",
            new { dataset = "no-such-data", models = new[] { "not-a-version" }, split = "everything", bootstrap = 5 }));
        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains("2-8 registered versions", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'not-a-version' is not a model version", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("split must be", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("bootstrap must be 10-10000", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no dataset 'no-such-data'", StringComparison.Ordinal));

        // Well-formed ids this tenant never registered, the same version twice, a dataset version that does not exist.
        problems = await ProblemsAsync(await acme.PostAsJsonAsync("/api/models/compare",
            new { dataset = "tones", datasetVersion = "0123456789abcdef", models = new[] { defaultVersion, defaultVersion, "ghost@0123456789ab" }, bootstrap = 20000 }));
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains($"model {defaultVersion} is listed twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no model version ghost@0123456789ab", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no version 0123456789abcdef of dataset 'tones'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("bootstrap must be", StringComparison.Ordinal));

        // Over the model limit: one problem, not one per id.
        problems = await ProblemsAsync(await acme.PostAsJsonAsync("/api/models/compare",
            new { dataset = "tones", models = Enumerable.Range(0, 9).Select(i => $"m{i}@0123456789ab") }));
        Assert.Contains("2-8 registered versions", Assert.Single(problems), StringComparison.Ordinal);

        // Registered versions that tag different labels.
        problems = await ProblemsAsync(await acme.PostAsJsonAsync("/api/models/compare", new { dataset = "tones", models = new[] { defaultVersion, relabelledVersion } }));
        Assert.Contains("different label sets", Assert.Single(problems), StringComparison.Ordinal);

        // Same labels, but none of them in the dataset (the data's problem, found once the models and data are local).
        problems = await ProblemsAsync(await acme.PostAsJsonAsync("/api/models/compare", new { dataset = "tones", models = new[] { defaultVersion, copyVersion } }));
        Assert.Contains("none of the model's labels", Assert.Single(problems), StringComparison.Ordinal);
        Assert.DoesNotContain(_data.Path, problems[0], StringComparison.Ordinal); // no local paths of the node

        // Another tenant: the default model is its own too, the rest is not found.
        problems = await ProblemsAsync(await globex.PostAsJsonAsync("/api/models/compare", new { dataset = "tones", models = new[] { defaultVersion, copyVersion } }));
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains($"no model version {copyVersion}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no dataset 'tones'", StringComparison.Ordinal));

        using (var noBody = await acme.PostAsync("/api/models/compare", new StringContent("", System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
        }

        using (var anonymous = host.Client())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/models/compare", new { dataset = "tones" })).StatusCode);
            var (documented, openApi) = await anonymous.GetJsonAsync("/openapi/v1.json");
            Assert.Equal(HttpStatusCode.OK, documented);
            Assert.Equal("CompareModels", openApi.GetProperty("paths").GetProperty("/api/models/compare").GetProperty("post").GetProperty("operationId").GetString());
        }
    }

    [Fact]
    public async Task A_host_with_unusable_comparison_settings_refuses_to_start_naming_each()
    {
        var settings = Settings();
        settings["Comparison:MaxModels"] = "1";
        settings["Comparison:Timeout"] = "00:00:00";

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync(settings));

        Assert.Contains("Comparison:MaxModels must be at least 2", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Comparison:Timeout must be positive", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Two FSDD speakers, per digit two test recordings (index 0-1; 0-4 is the dataset's test convention) and ten train
    /// ones (index 20-29): 240 files, 40 test tracks. The manifest lists them speaker by speaker, deliberately not in path
    /// order (the service's copy of a dataset is): comparisons order tracks by path, so the order of a manifest must not
    /// change the bootstrap's resamples.
    /// </summary>
    private static (string Manifest, IReadOnlyList<string> Paths) WriteFsddSubset(string folder)
    {
        var source = SharedData.Dataset("fsdd", "recordings");
        var rows = new List<(string Path, string Label, string Split)>();
        foreach (var speaker in new[] { "jackson", "theo" })
        {
            for (var digit = 0; digit < 10; digit++)
            {
                foreach (var index in TrainIndexes.Prepend(1).Prepend(0))
                {
                    var path = $"recordings/{digit}_{speaker}_{index}.wav";
                    Directory.CreateDirectory(Path.Combine(folder, "recordings"));
                    File.Copy(Path.Combine(source, Path.GetFileName(path)), Path.Combine(folder, path));
                    rows.Add((path, digit.ToString(CultureInfo.InvariantCulture), index < 5 ? "test" : "train"));
                }
            }
        }

        var manifest = Path.Combine(folder, "manifest.csv");
        File.WriteAllLines(manifest, ["path,labels,split", .. rows.Select(r => $"{r.Path},{r.Label},{r.Split}")]);
        return (manifest, [.. rows.Select(r => r.Path)]);
    }

    private static int TestIndex(string path) => int.Parse(Path.GetFileNameWithoutExtension(path).Split('_')[2], CultureInfo.InvariantCulture);

    /// <summary>A small network with FSDD's front end, trained by the real <c>genres train</c>.</summary>
    private async Task<string> TrainAsync(string manifest, string cache, string name, string architecture, int epochs, double learningRate, int seed)
    {
        var config = Path.Combine(_data.Path, name + ".json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "name": "{{name}}",
              "frontEnd": { "preset": "librosa", "sampleRate": 8000, "nMels": 40, "nFft": 256, "hopLength": 80, "normalization": "standardize", "windowSeconds": 1, "hopSeconds": 0.5 },
              "data": { "validationRatio": 0.1 },
              "model": { "architecture": "{{architecture}}", "dropout": 0.1, "device": "cpu" },
              "training": { "epochs": {{epochs}}, "batchSize": 16, "learningRate": {{learningRate.ToString(CultureInfo.InvariantCulture)}}, "schedule": "cosine", "earlyStoppingPatience": 0 }
            }
            """);
        var output = Path.Combine(_data.Path, name);
        var trained = await GenresCli.RunAsync(
            "train", "--dataset", manifest, "--config", config, "--out", output, "--cache", cache, "--seed", seed.ToString(CultureInfo.InvariantCulture));
        Assert.True(trained.ExitCode == 0, trained.Stderr);
        return output;
    }

    private async Task<string> CopyUnderAnotherNameAsync(string model, string name)
    {
        var directory = Path.Combine(_data.Path, name);
        Directory.CreateDirectory(directory);
        File.Copy(Path.Combine(model, "model.pt"), Path.Combine(directory, "model.pt"));
        var card = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(model, "model.json")))!;
        card["name"] = name;
        await File.WriteAllTextAsync(Path.Combine(directory, "model.json"), card.ToJsonString());
        return directory;
    }

    /// <summary>The files of a trained model folder a registration takes (not MODEL_CARD.md, checkpoints…), in a folder of their own.</summary>
    private static string RegistryFiles(string model)
    {
        var upload = model + "-upload";
        Directory.CreateDirectory(upload);
        foreach (var file in ModelKeys.Files.Where(file => File.Exists(Path.Combine(model, file))))
        {
            File.Copy(Path.Combine(model, file), Path.Combine(upload, file));
        }

        return upload;
    }

    private static async Task<string> RegisterAsync(HttpClient client, string folder)
    {
        using var registered = await client.RegisterAsync(folder);
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        return (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("model").GetProperty("version").GetString()!;
    }

    private static async Task<List<string>> ProblemsAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal(400, problem.GetProperty("status").GetInt32());
            var problems = problem.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
            Assert.Equal(string.Join("\n", problems), problem.GetProperty("detail").GetString());
            return problems;
        }
    }

    /// <summary>acme is an admin tenant (it registers and uploads), globex is not; comparison files under the test's folder.</summary>
    private Dictionary<string, string> Settings()
    {
        var settings = ServiceSettings.Local(Path.Combine(_data.Path, "store")).With();
        settings["Auth:Tenants:acme:Admin"] = "true";
        settings["Models:CachePath"] = Path.Combine(_data.Path, "model-cache");
        settings["Comparison:WorkPath"] = Path.Combine(_data.Path, "work");
        settings["Analysis:Decoder"] = "InProcess";
        return settings;
    }
}
