using System.Net;
using System.Text.Json;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Functional;

/// <summary>
/// A training job's whole life over real HTTP on a real host process, against each storage backend: submission checked
/// before anything runs (bad configs are 400 with every problem, non-admin keys 403), then training with a per-epoch
/// history, evaluation on the test split, and a registered model version with its card and report.
/// </summary>
public abstract class TrainingJobLifecycleTests : IDisposable
{
    private readonly TempDirectory _files = new("training-files");

    protected abstract Dictionary<string, string> Storage();

    public void Dispose()
    {
        _files.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_job_trains_registers_its_model_and_keeps_its_metrics_history()
    {
        var settings = Storage().With().AsTrainer("trainer-a", Path.Combine(_files.Path, "work"));
        settings["Auth:Tenants:acme:Admin"] = "true";
        await using var host = await HostProcess.StartAsync(settings);
        using var acme = host.Client(ServiceSettings.AcmeKey);
        using var globex = host.Client(ServiceSettings.GlobexKey);
        var (manifest, paths) = TrainingDatasetFiles.Write(Path.Combine(_files.Path, "bands"), tracksPerClass: 8, seconds: 1);
        using (var uploaded = await acme.UploadDatasetAsync("bands", manifest, paths))
        {
            Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        }

        var config = TrainingDatasetFiles.ConfigJson("bands-cnn", epochs: 6);
        Assert.Equal(HttpStatusCode.Forbidden, (await globex.SubmitJobAsync("bands", config)).Status);

        // Checked before anything runs, every problem listed.
        var broken = config.Replace("\"epochs\": 6", "\"epochs\": 0").Replace("\"learningRate\": 0.003", "\"learningRate\": -1");
        var (badStatus, bad) = await acme.SubmitJobAsync("bands", broken);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        var problems = bad.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.True(problems.Count >= 2, string.Join("; ", problems));
        Assert.Contains(problems, p => p.Contains("epochs", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(problems, p => p.Contains("learningRate", StringComparison.OrdinalIgnoreCase));
        var (_, unknownModel) = await acme.SubmitJobAsync("bands", config.Replace("\"cnn\"", "\"lstm\""));
        Assert.Contains("architecture", unknownModel.GetProperty("detail").GetString());
        var (_, multiLabelLoss) = await acme.SubmitJobAsync("bands", config.Replace("\"epochs\": 6", "\"epochs\": 6, \"loss\": \"bce\""));
        Assert.Contains("single-label", multiLabelLoss.GetProperty("detail").GetString());
        var (_, noDataset) = await acme.SubmitJobAsync("no-such-data", config);
        Assert.Contains("no dataset 'no-such-data'", noDataset.GetProperty("detail").GetString());
        var (_, sweep) = await acme.PostJsonAsync("/api/training-jobs", """{"dataset": "bands", "config": "philharmonia-sweep"}""");
        Assert.Contains("sweep", sweep.GetProperty("detail").GetString());
        var (_, badName) = await acme.SubmitJobAsync("bands", config, modelName: "../Bad Name");
        Assert.Contains("modelName", badName.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await acme.PostJsonAsync("/api/training-jobs", "{not json")).Status);
        using (var anonymous = host.Client())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SubmitJobAsync("bands", config)).Status);
            var (_, openApi) = await anonymous.GetJsonAsync("/openapi/v1.json");
            var documented = openApi.GetProperty("paths");
            Assert.Equal("SubmitTrainingJob", documented.GetProperty("/api/training-jobs").GetProperty("post").GetProperty("operationId").GetString());
            Assert.Equal("CancelTrainingJob", documented.GetProperty("/api/training-jobs/{id}/cancel").GetProperty("post").GetProperty("operationId").GetString());
        }


        var (submitted, job) = await acme.SubmitJobAsync("bands", config);
        Assert.Equal(HttpStatusCode.Accepted, submitted);
        var id = job.GetProperty("id").GetString()!;
        Assert.Equal("Queued", job.Status());
        Assert.Equal("bands-cnn", job.GetProperty("modelName").GetString());

        // While it runs, progress says where it is.
        var running = await acme.WaitForJobAsync(id, TimeSpan.FromSeconds(120), j => j.Status() == "Running" && j.TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Object
            || j.Status() is "Succeeded" or "Failed");
        Assert.NotEqual("Failed", running.Status());

        var done = await acme.WaitForJobAsync(id, TimeSpan.FromSeconds(300));
        Assert.True(done.Status() == "Succeeded", done.ToString());
        Assert.Equal(6, done.GetProperty("epochsDone").GetInt32());
        var history = done.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6], history.Select(e => e.GetProperty("epoch").GetInt32()));
        Assert.All(history, e => Assert.True(e.GetProperty("trainLoss").GetDouble() > 0 && e.GetProperty("windowsPerSecond").GetDouble() > 0));
        Assert.True(history[^1].GetProperty("trainLoss").GetDouble() < history[0].GetProperty("trainLoss").GetDouble());
        Assert.Equal(6, done.CheckpointEpoch());
        var start = Assert.Single(done.GetProperty("starts").EnumerateArray());
        Assert.Equal("trainer-a", start.GetProperty("trainer").GetString());
        Assert.Equal(0, start.GetProperty("resumedAfterEpoch").GetInt32());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("progress").ValueKind);

        // Three pitch bands, chance is 1/3: held-out test tracks must be told apart.
        var accuracy = done.GetProperty("metrics").GetProperty("accuracy").GetDouble();
        Assert.True(accuracy >= 0.8, $"test accuracy {accuracy}");
        var version = done.GetProperty("modelVersion").GetString()!;
        Assert.StartsWith("bands-cnn@", version);

        var (found, model) = await acme.GetJsonAsync(done.GetProperty("modelHref").GetString()!);
        Assert.Equal(HttpStatusCode.OK, found);

        // The service trains exactly as the command line does: same config, data and seed → the same weights.
        var configFile = Path.Combine(_files.Path, "bands-cnn.json");
        await File.WriteAllTextAsync(configFile, config);
        var cli = await GenresCli.RunAsync("train", "--dataset", manifest, "--config", configFile, "--out", Path.Combine(_files.Path, "cli"), "--cache", Path.Combine(_files.Path, "cli-cache"));
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        var cliWeights = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(_files.Path, "cli", "model.pt"))));
        Assert.Equal(cliWeights, model.GetProperty("model").GetProperty("weightsSha256").GetString());

        Assert.Equal($"training-job:{id}", model.GetProperty("model").GetProperty("origin").GetString());
        Assert.Equal("bands", model.GetProperty("card").GetProperty("dataset").GetProperty("name").GetString());
        Assert.Equal(["high", "low", "mid"], model.GetProperty("card").GetProperty("labels").EnumerateArray().Select(l => l.GetString()).Order());
        Assert.Equal(accuracy, model.GetProperty("report").GetProperty("accuracy").GetDouble(), 6);
        Assert.Contains("precision", model.GetProperty("reportText").GetString());

        var (_, list) = await acme.GetJsonAsync("/api/training-jobs");
        var listed = Assert.Single(list.GetProperty("jobs").EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetString());
        Assert.Equal("Succeeded", listed.Status());
        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetJsonAsync($"/api/training-jobs/{id}")).Status);
        Assert.Equal(0, (await globex.GetJsonAsync("/api/training-jobs")).Body.GetProperty("jobs").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetJsonAsync("/api/training-jobs/not-a-job")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await acme.CancelJobAsync(id)).Status);

        // An ended job can be deleted (admin); the model it registered stays.
        using (var forbidden = await globex.DeleteAsync($"/api/training-jobs/{id}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using (var deleted = await acme.DeleteAsync($"/api/training-jobs/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetJsonAsync($"/api/training-jobs/{id}")).Status);
        Assert.Equal(0, (await acme.GetJsonAsync("/api/training-jobs")).Body.GetProperty("jobs").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await acme.GetJsonAsync(done.GetProperty("modelHref").GetString()!)).Status);
    }
}

public sealed class LocalTrainingJobLifecycleTests : TrainingJobLifecycleTests
{
    private readonly TempDirectory _data = new("training-local");

    protected override Dictionary<string, string> Storage() => ServiceSettings.Local(_data.Path);
}

public sealed class AzureTrainingJobLifecycleTests(AzuriteFixture azurite) : TrainingJobLifecycleTests, IClassFixture<AzuriteFixture>
{
    protected override Dictionary<string, string> Storage() => ServiceSettings.Azure(azurite.ConnectionString, "t" + Guid.NewGuid().ToString("N")[..12]);
}
