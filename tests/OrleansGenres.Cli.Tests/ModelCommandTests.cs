using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using OrleansGenres.Audio.Tests.Support;
using OrleansGenres.Ml.Tests.Support;

namespace OrleansGenres.Cli.Tests;

/// <summary>train / eval / tag / compare / configs through the real `genres` process on generated tones.</summary>
public sealed class ModelCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly string _manifest;
    private readonly string _cache;

    public ModelCommandTests()
    {
        _manifest = ToneDataset.SingleLabel(_directory.File("tones"));
        _cache = _directory.File("cache");
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Configs_lists_the_built_in_experiments_and_prints_one_as_json()
    {
        var list = await GenresProcess.RunAsync("configs");
        var one = await GenresProcess.RunAsync("configs", "philharmonia-sweep");

        Assert.Equal(0, list.ExitCode);
        foreach (var name in new[] { "fsdd-res-transformer", "esc10-res-transformer", "midi-genres-res-transformer", "midi-genres-temporal-cnn", "philharmonia-res-transformer", "philharmonia-sweep" })
        {
            Assert.Contains(name, list.Stdout, StringComparison.Ordinal);
        }

        Assert.Equal(0, one.ExitCode);
        using var json = JsonDocument.Parse(one.Stdout);
        Assert.Equal(4, json.RootElement.GetProperty("variants").GetArrayLength());
    }

    [Fact]
    public async Task Train_eval_tag_and_compare_work_end_to_end()
    {
        var config = WriteConfig("tones-a", ToneDataset.TinyConfigJson("tones-a"));
        var modelA = _directory.File("model-a");
        var modelB = _directory.File("model-b");

        var trained = await GenresProcess.RunAsync("train", "--dataset", _manifest, "--config", config, "--out", modelA, "--cache", _cache);
        var second = await GenresProcess.RunAsync("train", "--dataset", _manifest, "--config", config, "--out", modelB, "--cache", _cache, "--seed", "7");

        Assert.True(trained.ExitCode == 0, trained.Stderr);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("macro avg", trained.Stdout, StringComparison.Ordinal);
        Assert.Contains("epochs in", trained.Stderr, StringComparison.Ordinal);

        var eval = await GenresProcess.RunAsync("eval", "--model", modelA, "--dataset", _manifest, "--json", "--cache", _cache);
        Assert.True(eval.ExitCode == 0, eval.Stderr);
        using (var report = JsonDocument.Parse(eval.Stdout))
        {
            foreach (var metric in new[] { "accuracy", "balancedAccuracy", "f1Macro", "f1Weighted" })
            {
                Assert.InRange(report.RootElement.GetProperty(metric).GetDouble(), 0.9, 1.0); // chance: 1/3
            }

            Assert.Equal(12, report.RootElement.GetProperty("tracks").GetInt32());
        }

        var clip = GeneratedAudio.Create(_directory.File("clip.mp3"), "aevalsrc=0.5*sin(2*PI*250*t):s=8000:d=3", "-c:a", "libmp3lame");
        var tag = await GenresProcess.RunAsync("tag", "--model", modelA, clip, "--json", "--top-k", "2");
        Assert.True(tag.ExitCode == 0, tag.Stderr);
        // libtorch's developer warnings ("Could not initialize NNPACK!" on this CPU) stay off a successful run's stderr.
        Assert.DoesNotContain("NNPACK", tag.Stderr, StringComparison.Ordinal);
        using (var tags = JsonDocument.Parse(tag.Stdout))
        {
            var file = tags.RootElement[0];
            Assert.Equal("low", file.GetProperty("tags")[0].GetProperty("label").GetString());
            Assert.Equal(2, file.GetProperty("tags").GetArrayLength());
            Assert.True(file.GetProperty("windows").GetArrayLength() >= 6); // 3 s in 0.5 s windows
        }

        var compare = await GenresProcess.RunAsync("compare", "--dataset", _manifest, "--model", modelA, "--model", modelB, "--bootstrap", "200", "--cache", _cache);
        Assert.True(compare.ExitCode == 0, compare.Stderr);
        Assert.Contains("p boot", compare.Stdout, StringComparison.Ordinal);
        Assert.Contains("tones-a", compare.Stdout, StringComparison.Ordinal);
        Assert.Contains("model-b", compare.Stdout, StringComparison.Ordinal); // same card name: told apart by folder
    }

    [Fact]
    public async Task Eval_takes_a_test_set_the_model_never_saw_whole_and_reports_labels_it_does_not_know()
    {
        var model = _directory.File("model-external");
        var trained = await GenresProcess.RunAsync("train", "--dataset", _manifest, "--config", WriteConfig("tones-x", ToneDataset.TinyConfigJson("tones-x")), "--out", model, "--cache", _cache);
        Assert.True(trained.ExitCode == 0, trained.Stderr);

        // The same files as an external set: every row marked test, plus one label the model never learned.
        var tones = Path.GetDirectoryName(_manifest)!;
        var rows = File.ReadAllLines(_manifest).Skip(1).Select(row => row[..row.LastIndexOf(',')]).ToList();
        GeneratedAudio.Create(Path.Combine(tones, "mid.wav"), "aevalsrc=0.4*sin(2*PI*700*t):s=8000:d=1", "-ac", "1");
        var allTest = Path.Combine(tones, "all-test.csv");
        File.WriteAllLines(allTest, ["path,labels,split", .. rows.Select(row => row + ",test"), "mid.wav,mid,test"]);
        var noSplit = Path.Combine(tones, "no-split.csv");
        File.WriteAllLines(noSplit, ["path,labels", .. rows, "mid.wav,mid"]);

        foreach (var manifest in new[] { allTest, noSplit })
        {
            var eval = await GenresProcess.RunAsync("eval", "--model", model, "--dataset", manifest, "--cache", _cache);
            Assert.True(eval.ExitCode == 0, eval.Stderr);
            Assert.Contains($"the whole set (a test set the model was not trained on): {rows.Count} tracks", eval.Stdout, StringComparison.Ordinal);
            Assert.Contains("1 tracks left out with labels the model does not know: mid", eval.Stdout, StringComparison.Ordinal);
        }

        // Its own training set is still split as in training: the test part only.
        var own = await GenresProcess.RunAsync("eval", "--model", model, "--dataset", _manifest, "--cache", _cache);
        Assert.True(own.ExitCode == 0, own.Stderr);
        Assert.Contains("test part: 12 tracks", own.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cross_validation_trains_one_model_per_fold_and_summarises_them()
    {
        var folded = ToneDataset.SingleLabel(_directory.File("folded"), perClass: 12, folds: 3);
        var config = WriteConfig("tones-cv", ToneDataset.TinyConfigJson("tones-cv"));
        var output = _directory.File("cv");

        var run = await GenresProcess.RunAsync("train", "--dataset", folded, "--config", config, "--out", output, "--cache", _cache, "--cross-validate");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("3-fold cross-validation", run.Stdout, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "cross-validation.json")));
        Assert.Equal([1, 2, 3], summary.RootElement.GetProperty("folds").EnumerateArray().Select(f => f.GetInt32()));
        var perFold = summary.RootElement.GetProperty("perFold").EnumerateArray().Select(f => f.GetProperty("accuracy").GetDouble()).ToArray();
        Assert.Equal(perFold.Average(), summary.RootElement.GetProperty("mean").GetProperty("accuracy").GetDouble(), 10);
        Assert.True(perFold.Average() >= 0.8, $"mean accuracy {perFold.Average()}"); // chance: 1/3
        foreach (var fold in new[] { 1, 2, 3 })
        {
            using var card = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, $"fold-{fold}", "model.json")));
            Assert.Equal(fold, card.RootElement.GetProperty("dataset").GetProperty("testFold").GetInt32());
            Assert.Equal(12, card.RootElement.GetProperty("dataset").GetProperty("testTracks").GetInt32());
        }
    }

    [Fact]
    public async Task A_killed_training_process_resumes_to_the_same_weights_as_an_uninterrupted_run()
    {
        var config = WriteConfig("tones-kill", ToneDataset.TinyConfigJson("tones-kill", epochs: 30));
        var whole = _directory.File("whole");
        var killed = _directory.File("killed");
        var reference = await GenresProcess.RunAsync("train", "--dataset", _manifest, "--config", config, "--out", whole, "--cache", _cache);
        Assert.True(reference.ExitCode == 0, reference.Stderr);

        var state = Path.Combine(killed, "checkpoints", "training-state.json");
        using (var process = GenresProcess.Start("train", "--dataset", _manifest, "--config", config, "--out", killed, "--cache", _cache))
        {
            var clock = Stopwatch.StartNew();
            while (!File.Exists(state) && clock.Elapsed < TimeSpan.FromMinutes(2) && !process.HasExited)
            {
                await Task.Delay(10);
            }

            process.Kill(entireProcessTree: true); // SIGKILL: no cleanup runs
            await process.WaitForExitAsync();
        }

        Assert.True(File.Exists(state), "the run never wrote a checkpoint");
        Assert.False(File.Exists(Path.Combine(killed, "model.json")), "the run finished before it could be killed");

        var resumed = await GenresProcess.RunAsync("train", "--dataset", _manifest, "--config", config, "--out", killed, "--cache", _cache, "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains("Resuming after epoch", resumed.Stderr, StringComparison.Ordinal);
        Assert.Equal(Sha256(Path.Combine(whole, "model.pt")), Sha256(Path.Combine(killed, "model.pt")));

        var again = await GenresProcess.RunAsync("train", "--dataset", _manifest, "--config", config, "--out", killed, "--cache", _cache);
        Assert.Equal(1, again.ExitCode); // an existing run is never overwritten without --resume
        Assert.Contains("--resume", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_configs_models_and_datasets_get_one_clear_line_and_an_exit_code()
    {
        var badConfig = WriteConfig("bad", """{ "name": "bad", "training": { "epochs": 0 } }""");
        var train = await GenresProcess.RunAsync("train", "--dataset", _manifest, "--config", badConfig, "--out", _directory.File("x"), "--cache", _cache);
        var unknown = await GenresProcess.RunAsync("train", "--dataset", _manifest, "--config", "no-such-config", "--out", _directory.File("y"));
        var notAModel = await GenresProcess.RunAsync("eval", "--model", _directory.Path, "--dataset", _manifest);
        var noDataset = await GenresProcess.RunAsync("eval", "--model", _directory.Path, "--dataset", _directory.File("missing"));

        Assert.Equal(2, train.ExitCode);
        Assert.Contains("training.epochs", train.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("fsdd-res-transformer", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, notAModel.ExitCode);
        Assert.Contains("model.json", notAModel.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, noDataset.ExitCode);
        Assert.All(new[] { train, unknown, notAModel, noDataset }, r => Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal));
    }

    private string WriteConfig(string name, string json)
    {
        var path = _directory.File(name + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
