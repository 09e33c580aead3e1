using System.Text.Json;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Grains.Training;
using OrleansGenres.Ml.Training;
using OrleansGenres.Storage.Local;
using OrleansGenres.Testing;

namespace OrleansGenres.Host.Tests.Unit;

/// <summary>
/// The training job document's state machine on real (Local) storage: cancel while queued or running, a start that
/// finds a cancel request, writes by a trainer that no longer owns the job, final states that stay final; and the
/// keys a job's files may have.
/// </summary>
public sealed class TrainingJobGrainUnitTests : IDisposable
{
    private readonly TempDirectory _data = new("training-unit");
    private readonly LocalStorageProvider _storage;
    private readonly TrainingJobGrains _grains;
    private readonly TenantId _tenant = new("acme");

    public TrainingJobGrainUnitTests()
    {
        _storage = new LocalStorageProvider(new LocalStorageOptions { Path = Path.Combine(_data.Path, "store") });
        _grains = new TrainingJobGrains(new TrainingJobServices(_storage.Objects, _storage.GetQueue(TrainingQueues.Jobs), TimeProvider.System));
    }

    public void Dispose()
    {
        _storage.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task A_created_job_is_queued_once_and_cancelling_it_before_a_trainer_starts_ends_it()
    {
        var grain = await CreateAsync();
        Assert.Equal(1, await _grains.Services.Queue.GetApproximateCountAsync());
        Assert.Equal(TrainingJobStatus.Cancelled, (await grain.CancelAsync())!.Status);
        var started = await grain.StartAsync("trainer");
        Assert.Equal(TrainingJobStatus.Cancelled, started!.Status);
        Assert.Equal(0, started.Attempts);
    }

    [Fact]
    public async Task A_cancel_while_running_is_a_request_that_the_next_start_honours()
    {
        var grain = await CreateAsync();
        Assert.Equal(TrainingJobStatus.Running, (await grain.StartAsync("t1"))!.Status);
        var requested = await grain.CancelAsync();
        Assert.Equal(TrainingJobStatus.Running, requested!.Status);
        Assert.True(requested.CancelRequested);

        // The trainer died before it noticed: whoever starts the job next ends it Cancelled instead of training.
        var next = await grain.StartAsync("t2");
        Assert.Equal(TrainingJobStatus.Cancelled, next!.Status);
        Assert.Equal(1, next.Attempts);
    }

    [Fact]
    public async Task Only_the_trainer_that_started_the_job_records_progress_and_epochs()
    {
        var grain = await CreateAsync();
        await grain.StartAsync("t1");
        await grain.StartAsync("t2"); // took over after t1's lease lapsed
        var progress = new TrainingJobProgress(TrainingJobProgress.Training, DateTimeOffset.UtcNow, Epoch: 3, Epochs: 10);
        Assert.Null((await grain.ReportProgressAsync("t1", progress))!.Progress);
        var state = new TrainingState { ConfigHash = "c", DatasetVersion = "d", EpochsDone = 1, History = [new EpochRecord(1, 1, 0.5, 1, 0.5, 0.01, 1, 10)] };
        Assert.Empty((await grain.RecordEpochAsync("t1", state, new TrainingJobCheckpoint(1, DateTimeOffset.UtcNow, [])))!.History);

        Assert.Equal(3, (await grain.ReportProgressAsync("t2", progress))!.Progress!.Epoch);
        var recorded = await grain.RecordEpochAsync("t2", state, new TrainingJobCheckpoint(1, DateTimeOffset.UtcNow, ["training-state.json"]));
        Assert.Single(recorded!.History);
        Assert.Equal(1, recorded.Checkpoint!.Epoch);
        Assert.Equal(2, recorded.Attempts);
    }

    [Fact]
    public async Task Final_states_stay_final()
    {
        var grain = await CreateAsync();
        await grain.StartAsync("t1");
        var succeeded = await grain.SucceedAsync("bands@0123456789ab", new Dictionary<string, double> { ["accuracy"] = 0.9 });
        Assert.Equal(TrainingJobStatus.Succeeded, succeeded!.Status);
        Assert.NotNull(succeeded.FinishedAt);
        Assert.Null(succeeded.Progress);

        Assert.Equal(TrainingJobStatus.Succeeded, (await grain.FailAsync("late failure"))!.Status);
        Assert.Equal(TrainingJobStatus.Succeeded, (await grain.CancelAsync())!.Status);
        Assert.Equal(TrainingJobStatus.Succeeded, (await grain.StartAsync("t2"))!.Status);
        Assert.Equal(1, (await grain.GetAsync())!.Attempts);
    }

    [Fact]
    public async Task Only_an_ended_job_is_deleted_and_its_checkpoint_goes_with_it()
    {
        var grain = await CreateAsync();
        await grain.StartAsync("t1");
        var checkpoint = TrainingJobKeys.Checkpoint(_tenant, grain.Id, "training-state.json");
        await _storage.Objects.PutAsync(checkpoint, new MemoryStream([1, 2, 3]));
        Assert.False(await grain.DeleteAsync());
        Assert.NotNull(await grain.GetAsync());

        await grain.FailAsync("boom");
        Assert.True(await grain.DeleteAsync());
        Assert.Null(await grain.GetAsync());
        Assert.Null(await _storage.Objects.GetPropertiesAsync(checkpoint));
        Assert.Null(await grain.DeleteAsync());
    }

    [Fact]
    public async Task Jobs_are_listed_per_tenant_newest_first()
    {
        var older = await CreateAsync(DateTimeOffset.UtcNow.AddMinutes(-1));
        var newer = await CreateAsync();
        var listed = await _grains.ListAsync(_tenant);
        Assert.Equal([newer.Id.Value, older.Id.Value], listed.Select(j => j.JobId));
        Assert.Empty(await _grains.ListAsync(new TenantId("globex")));
        Assert.Null(await _grains.Get(new TenantId("globex"), older.Id).GetAsync());
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
            Assert.Equal($"training/acme/checkpoints/{id}/{file}", TrainingJobKeys.Checkpoint(_tenant, id, file));
        }
        else
        {
            Assert.Throws<ArgumentException>(() => TrainingJobKeys.Checkpoint(_tenant, id, file));
        }
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    [InlineData("0123456789ABCDEF0123456789ABCDEF", false)]
    [InlineData("0123456789abcdef", false)]
    [InlineData("../../0123456789abcdef0123456789", false)]
    public void Job_ids_are_32_lower_case_hex_digits(string id, bool valid) => Assert.Equal(valid, TrainingJobId.IsValid(id));

    private async Task<TrainingJobGrain> CreateAsync(DateTimeOffset? createdAt = null)
    {
        var id = TrainingJobId.New();
        var grain = _grains.Get(_tenant, id);
        await grain.CreateAsync(new TrainingJobState
        {
            JobId = id.Value,
            Tenant = _tenant.Value,
            Dataset = "bands",
            DatasetVersion = "0123456789abcdef",
            ModelName = "bands",
            Config = JsonDocument.Parse("{}").RootElement.Clone(),
            ConfigHash = "0123456789abcdef",
            CreatedAt = createdAt ?? DateTimeOffset.UtcNow,
        });
        return grain;
    }
}
