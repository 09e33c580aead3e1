using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Storage.Azure;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Functional;

/// <summary>
/// Training jobs when things go wrong, with real processes in one cluster on Azure storage (Azurite): an API silo and
/// two training silos. Killing the training silo that runs a job hands the job to the other, which resumes from the last
/// stored checkpoint and ends with the weights `genres train` makes; a cancel stops a job at a step boundary and keeps
/// its checkpoint.
/// </summary>
public sealed class TrainingJobRecoveryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly TempDirectory _files = new("training-recovery");
    private readonly string _container = "t" + Guid.NewGuid().ToString("N")[..12];

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_job_whose_training_silo_is_killed_resumes_on_the_other_and_ends_with_the_weights_of_genres_train()
    {
        await using var api = await HostProcess.StartAsync(Settings("api"));
        using var acme = api.Client(ServiceSettings.AcmeKey);
        var manifest = await UploadDatasetAsync(acme);
        var config = TrainingDatasetFiles.ConfigJson("bands-cnn", epochs: 40);

        // Two training silos; whichever takes the job is killed mid-run, and the other resumes it.
        var trainers = new Dictionary<string, HostProcess>
        {
            ["trainer-1"] = await HostProcess.StartAsync(Settings("training").AsTrainer("trainer-1", Work("first"))),
            ["trainer-2"] = await HostProcess.StartAsync(Settings("training").AsTrainer("trainer-2", Work("second"))),
        };
        try
        {
            var (_, job) = await acme.SubmitJobAsync("bands", config, modelName: "resumed");
            var id = job.GetProperty("id").GetString()!;
            var midway = await acme.WaitForJobAsync(id, TimeSpan.FromSeconds(300), j => j.CheckpointEpoch() >= 2 || j.Status() != "Running" && j.Status() != "Queued");
            var killed = midway.GetProperty("trainer").GetString()!;
            trainers[killed].Kill();
            Assert.Equal("Running", midway.Status());
            var killedAfter = midway.CheckpointEpoch();
            var other = trainers.Keys.Single(t => t != killed);

            // Until the cluster notices the dead silo (seconds), a job whose grain lived there answers 503 Retry-After.
            var afterKill = await acme.WaitForAsync($"/api/training-jobs/{id}", TimeSpan.FromSeconds(60), _ => true);
            Assert.Equal("Running", afterKill.Status());
            Assert.True(afterKill.CheckpointEpoch() < 40);

            var resumed = await acme.WaitForJobAsync(id, TimeSpan.FromSeconds(300));
            Assert.True(resumed.Status() == "Succeeded", resumed.ToString());
            Assert.Equal(2, resumed.GetProperty("attempts").GetInt32());
            var starts = resumed.GetProperty("starts").EnumerateArray().ToList();
            Assert.Equal([killed, other], starts.Select(s => s.GetProperty("trainer").GetString()));
            Assert.Equal(0, starts[0].GetProperty("resumedAfterEpoch").GetInt32());
            Assert.True(starts[1].GetProperty("resumedAfterEpoch").GetInt32() >= killedAfter, resumed.ToString());
            Assert.Equal(Enumerable.Range(1, 40), resumed.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()));

            // Same seed, same data, on CPU: the resumed job ends with the weights `genres train` makes, bit for bit.
            var configFile = Path.Combine(_files.Path, "bands-cnn.json");
            await File.WriteAllTextAsync(configFile, config);
            var cli = await GenresCli.RunAsync("train", "--dataset", manifest, "--config", configFile, "--out", Path.Combine(_files.Path, "cli"), "--cache", Path.Combine(_files.Path, "cli-cache"));
            Assert.True(cli.ExitCode == 0, cli.Stderr);
            var cliWeights = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(_files.Path, "cli", "model.pt"))));
            Assert.Equal(cliWeights, await WeightsShaAsync(acme, resumed));
        }
        finally
        {
            foreach (var trainer in trainers.Values)
            {
                await trainer.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Cancel_ends_a_queued_job_at_once_and_a_running_job_at_its_next_step_with_its_checkpoint_kept()
    {
        await using var api = await HostProcess.StartAsync(Settings("api"));
        using var acme = api.Client(ServiceSettings.AcmeKey);
        await UploadDatasetAsync(acme);
        var config = TrainingDatasetFiles.ConfigJson("bands-cnn", epochs: 2000);

        // No trainer yet: the queued job is cancelled on the spot.
        var (_, queued) = await acme.SubmitJobAsync("bands", config, modelName: "queued");
        var queuedId = queued.GetProperty("id").GetString()!;
        using (var globex = api.Client(ServiceSettings.GlobexKey))
        {
            // Not an admin key: 403 before anything is looked up; reading another tenant's job is a 404.
            Assert.Equal(HttpStatusCode.Forbidden, (await globex.CancelJobAsync(queuedId)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await globex.GetJsonAsync($"/api/training-jobs/{queuedId}")).Status);
        }

        var (cancelStatus, cancelled) = await acme.CancelJobAsync(queuedId);
        Assert.Equal(HttpStatusCode.Accepted, cancelStatus);
        Assert.Equal("Cancelled", cancelled.Status());

        using var collector = new OtlpCollector();
        var trainerSettings = Settings("training").AsTrainer("trainer-c", Work("cancel"));
        trainerSettings["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint;
        trainerSettings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        trainerSettings["OTEL_SERVICE_NAME"] = "genres-test-trainer";
        trainerSettings["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        trainerSettings["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
        await using var trainer = await HostProcess.StartAsync(trainerSettings);
        var (_, running) = await acme.SubmitJobAsync("bands", config, modelName: "running");
        var id = running.GetProperty("id").GetString()!;
        await acme.WaitForJobAsync(id, TimeSpan.FromSeconds(300), j => j.CheckpointEpoch() >= 2);
        var (accepted, requested) = await acme.CancelJobAsync(id);
        Assert.Equal(HttpStatusCode.Accepted, accepted);
        Assert.True(requested.GetProperty("cancelRequested").GetBoolean());

        var ended = await acme.WaitForJobAsync(id, TimeSpan.FromSeconds(60));
        Assert.Equal("Cancelled", ended.Status());
        var epochs = ended.CheckpointEpoch();
        Assert.InRange(epochs, 2, 1999);
        Assert.Equal(epochs, ended.GetProperty("epochsDone").GetInt32());
        Assert.Equal(JsonValueKind.Null, ended.GetProperty("modelVersion").ValueKind);

        // The checkpoint the job names is in the store, complete.
        var storage = new AzureStorageProvider(new AzureStorageOptions { ConnectionString = azurite.ConnectionString, Container = _container }, NullLoggerFactory.Instance);
        var files = ended.GetProperty("checkpoint").GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Contains("training-state.json", files);
        foreach (var file in files)
        {
            Assert.NotNull(await storage.Objects.GetPropertiesAsync($"training/acme/checkpoints/{id}/{file}"));
        }

        // The cancelled queued job was never run by the trainer that came later.
        var (_, stillCancelled) = await acme.GetJsonAsync($"/api/training-jobs/{queuedId}");
        Assert.Equal(0, stillCancelled.GetProperty("attempts").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await acme.CancelJobAsync(id)).Status);

        // The trainer tells operators what it did: a span per job start, the jobs it ended by outcome, epoch durations.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        bool span = false, metrics = false;
        while (DateTime.UtcNow < deadline && !(span && metrics))
        {
            span = collector.Payloads("/v1/traces").Any(p => Contains(p, "genres-test-trainer") && Contains(p, "train job") && Contains(p, id));
            metrics = collector.Payloads("/v1/metrics").Any(p => Contains(p, "genres.training.jobs") && Contains(p, "cancelled") && Contains(p, "genres.training.epoch.duration"));
            await Task.Delay(200);
        }

        Assert.True(span, "the trainer exports a 'train job' span naming the job");
        Assert.True(metrics, "the trainer exports genres.training.jobs{outcome=cancelled} and epoch durations");
    }

    private static bool Contains(byte[] payload, string text) => payload.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private Dictionary<string, string> Settings(string roles)
    {
        var settings = ServiceSettings.Azure(azurite.ConnectionString, _container).With(roles: roles);
        settings["Auth:Tenants:acme:Admin"] = "true";
        return settings;
    }

    private string Work(string name) => Path.Combine(_files.Path, "work-" + name);

    private async Task<string> UploadDatasetAsync(HttpClient client)
    {
        var (manifest, paths) = TrainingDatasetFiles.Write(Path.Combine(_files.Path, "bands"), tracksPerClass: 8, seconds: 3);
        using var uploaded = await client.UploadDatasetAsync("bands", manifest, paths);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        return manifest;
    }

    private static async Task<string> WeightsShaAsync(HttpClient client, JsonElement job)
    {
        var (_, model) = await client.GetJsonAsync(job.GetProperty("modelHref").GetString()!);
        return model.GetProperty("model").GetProperty("weightsSha256").GetString()!;
    }
}
