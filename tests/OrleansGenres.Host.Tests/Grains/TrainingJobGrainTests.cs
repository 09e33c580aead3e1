using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Abstractions.Training;
using OrleansGenres.Grains.Training;
using OrleansGenres.Host.Tests.Support;
using OrleansGenres.Ml.Data;
using OrleansGenres.Abstractions.Datasets;
using OrleansGenres.Grains.Datasets;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Grains;

/// <summary>
/// Training-job grains on real silos (<see cref="GrainTestCluster"/>): the lifecycle without a trainer (queued, cancel,
/// final states stay final, callbacks of an attempt the grain never dispatched are refused, delete, the per-tenant job
/// index), and with a real trainer on the one silo that has the <c>training</c> role: the job runs there, epochs and
/// checkpoints reach the grain, and a cancel stops it at a step boundary with its checkpoint kept.
/// </summary>
public sealed class TrainingJobGrainTests : IDisposable
{
    private readonly TenantId _acme = new("acme");
    private readonly TempDirectory _files = new("training-grains");

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Without_a_trainer_a_job_waits_queued_is_cancelled_at_once_and_stays_final()
    {
        await using var cluster = await GrainTestCluster.StartAsync(silos: 1, analysisOn: _ => false);
        var (id, grain) = Job(cluster);
        var created = await grain.CreateAsync(NewJob(id));
        Assert.Equal(TrainingJobStatus.Queued, created.Status);
        Assert.Equal(created.JobId, (await grain.CreateAsync(NewJob(id) with { ModelName = "other" })).JobId);
        Assert.Equal("bands", (await grain.GetAsync())!.ModelName); // a second create changes nothing
        await Task.Delay(1000);
        Assert.Null((await grain.GetAsync())!.Dispatch); // no silo has the training role: nobody took it

        // A caller that names an attempt the grain never handed out is refused.
        Assert.Equal(TrainingDirective.Abandon, await grain.StartedAsync(Guid.NewGuid(), "intruder", 0));
        Assert.Equal(TrainingJobStatus.Queued, (await grain.GetAsync())!.Status);
        Assert.False(await grain.DeleteAsync()); // not ended yet

        var cancelled = await grain.CancelAsync();
        Assert.Equal(TrainingJobStatus.Cancelled, cancelled!.Status);
        Assert.NotNull(cancelled.FinishedAt);
        Assert.Equal(0, cancelled.Attempts);
        Assert.Equal(TrainingJobStatus.Cancelled, (await grain.CancelAsync())!.Status);

        // Listed for its tenant only, newest first; deleted with its checkpoint files.
        var (olderId, older) = Job(cluster);
        await older.CreateAsync(NewJob(olderId) with { CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-5) });
        Assert.Equal([id.Value, olderId.Value], await cluster.Grains.GetGrain<ITrainingJobIndexGrain>("acme").ListAsync());
        Assert.Empty(await cluster.Grains.GetGrain<ITrainingJobIndexGrain>("globex").ListAsync());
        Assert.Null(await cluster.Grains.GetGrain<ITrainingJobGrain>(TrainingJobKey.Of(new TenantId("globex"), id)).GetAsync());

        var checkpoint = TrainingJobKeys.Checkpoint(_acme, id, "training-state.json");
        await cluster.Objects.PutAsync(checkpoint, new MemoryStream([1, 2, 3]));
        Assert.True(await grain.DeleteAsync());
        Assert.Null(await grain.GetAsync());
        Assert.Null(await cluster.Objects.GetPropertiesAsync(checkpoint));
        Assert.Null(await grain.DeleteAsync());
        Assert.Equal([olderId.Value], await cluster.Grains.GetGrain<ITrainingJobIndexGrain>("acme").ListAsync());
    }

    [Fact]
    public async Task A_job_runs_on_the_training_silo_reports_its_epochs_and_a_cancel_stops_it_at_a_step_with_its_checkpoint()
    {
        await using var cluster = await GrainTestCluster.StartAsync(silos: 2, analysisOn: _ => false, trainingOn: silo => silo == 1);
        var job = await NewJobOnDatasetAsync(cluster, epochs: 2000);
        var (id, grain) = Job(cluster);
        await grain.CreateAsync(job with { JobId = id.Value });

        var running = await GrainTestCluster.WaitForAsync(grain.GetAsync, j => j!.Checkpoint?.Epoch >= 2 || j.IsFinal, TimeSpan.FromSeconds(180));
        Assert.Equal(TrainingJobStatus.Running, running!.Status);
        Assert.Equal(cluster.SiloAddressOf(1), running.Dispatch!.Silo);
        Assert.Equal("silo-1", running.Trainer);
        Assert.Equal(1, running.Attempts);
        Assert.Equal(0, Assert.Single(running.Starts).ResumedAfterEpoch);
        Assert.Equal(running.Checkpoint!.Epoch, running.History.Length);
        Assert.Contains("training-state.json", running.Checkpoint.Files);

        var requested = await grain.CancelAsync();
        Assert.True(requested!.CancelRequested);
        Assert.Equal(TrainingJobStatus.Running, requested.Status);
        var ended = await GrainTestCluster.WaitForAsync(grain.GetAsync, j => j!.IsFinal, TimeSpan.FromSeconds(60));
        Assert.Equal(TrainingJobStatus.Cancelled, ended!.Status);
        Assert.InRange(ended.Checkpoint!.Epoch, 2, 1999);
        Assert.Null(ended.ModelVersion);
        Assert.False(ended.CancelRequested);
        foreach (var file in ended.Checkpoint.Files)
        {
            Assert.NotNull(await cluster.Objects.GetPropertiesAsync(TrainingJobKeys.Checkpoint(_acme, id, file)));
        }

        // The trainer is free again: the next job is taken at once (and the late callbacks of the old attempt are refused).
        Assert.Equal(TrainingDirective.Abandon, await grain.ReportProgressAsync(running.Dispatch.Attempt, null));
        var (nextId, next) = Job(cluster);
        await next.CreateAsync(job with { JobId = nextId.Value });
        var started = await GrainTestCluster.WaitForAsync(next.GetAsync, j => j!.Status == TrainingJobStatus.Running, TimeSpan.FromSeconds(60));
        Assert.Equal("silo-1", started!.Trainer);
        await next.CancelAsync();
        await GrainTestCluster.WaitForAsync(next.GetAsync, j => j!.IsFinal, TimeSpan.FromSeconds(60));
    }

    [Theory]
    [InlineData("training-state.json", true)]
    [InlineData("epoch-0001.ckpt", true)]
    [InlineData("best-epoch-0012.pt", true)]
    [InlineData("model.pt", false)]
    [InlineData("../epoch-0001.ckpt", false)]
    [InlineData("epoch-1.ckpt", false)]
    [InlineData("training-state.json/x", false)]
    public void Checkpoint_keys_accept_only_the_files_the_training_loop_writes(string file, bool valid)
    {
        Assert.Equal(valid, TrainingJobKeys.IsCheckpointFile(file));
        var id = TrainingJobId.New();
        if (valid)
        {
            Assert.Equal($"training/acme/checkpoints/{id}/{file}", TrainingJobKeys.Checkpoint(_acme, id, file));
        }
        else
        {
            Assert.Throws<ArgumentException>(() => TrainingJobKeys.Checkpoint(_acme, id, file));
        }
    }

    private (TrainingJobId Id, ITrainingJobGrain Grain) Job(GrainTestCluster cluster)
    {
        var id = TrainingJobId.New();
        return (id, cluster.Grains.GetGrain<ITrainingJobGrain>(TrainingJobKey.Of(_acme, id)));
    }

    private TrainingJobState NewJob(TrainingJobId id) => new()
    {
        JobId = id.Value,
        Tenant = _acme.Value,
        Dataset = "bands",
        DatasetVersion = "0123456789abcdef",
        ModelName = "bands",
        ConfigJson = "{}",
        ConfigHash = "c",
        CreatedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>The tone-band dataset imported for acme, and a validated job on it (as the API would create).</summary>
    private async Task<TrainingJobState> NewJobOnDatasetAsync(GrainTestCluster cluster, int epochs)
    {
        var (manifest, _) = TrainingDatasetFiles.Write(Path.Combine(_files.Path, "bands"), tracksPerClass: 4, seconds: 2);
        var catalog = new DatasetCatalogs(new DatasetCatalogServices(cluster.Objects, new GrainDatasetIndex(cluster.Grains), TimeProvider.System, NullLogger.Instance)).Get(_acme);
        await catalog.ImportAsync("bands", await DatasetLoader.LoadAsync(manifest));
        var request = new TrainingJobRequest("bands", null, System.Text.Json.JsonDocument.Parse(TrainingDatasetFiles.ConfigJson("bands-cnn", epochs)).RootElement, "bands", null);
        var validated = await TrainingJobSubmission.ValidateAsync(request, catalog, TrainingJobId.New(), DateTimeOffset.UtcNow);
        return validated.Job ?? throw new InvalidOperationException(string.Join("; ", validated.Problems));
    }
}
