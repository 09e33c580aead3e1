using Microsoft.Extensions.Logging;
using OrleansGenres.Audio.Decoding;
using OrleansGenres.Abstractions.Datasets;
using OrleansGenres.Grains.Datasets;
using OrleansGenres.Abstractions.Models;
using OrleansGenres.Grains.Models;
using OrleansGenres.Grains.Telemetry;
using OrleansGenres.Abstractions.Tenancy;
using OrleansGenres.Abstractions.Training;
using OrleansGenres.Ml.Experiments;
using OrleansGenres.Ml.Training;

namespace OrleansGenres.Grains.Training;

/// <summary>
/// One start of a job on this trainer: the last checkpoint (if any) fetched from the store, the start reported to the job
/// grain, the dataset version materialised locally, the experiment run by the Ml layer's <see cref="ExperimentRunner"/> with every epoch's checkpoint
/// copied back to the store, then the model registered with its card and test report. The job's local folder is
/// rebuilt from the store on every start, so what resumes is exactly what another trainer would resume.
/// </summary>
public sealed class TrainingJobRunner(
    DatasetCatalogs catalogs,
    ModelRegistries registries,
    IAudioDecoder decoder,
    TrainerOptions options,
    GenresTelemetry telemetry,
    TimeProvider clock,
    ILogger logger)
{
    private readonly DatasetFolderCache _datasets = new(Path.Combine(options.WorkDirectory, "datasets"));

    public sealed record Outcome(RegisteredModel Model, IReadOnlyDictionary<string, double>? Metrics);

    /// <summary>Runs the job to its registered model; null when the job grain did not want this run after all.</summary>
    public async Task<Outcome?> RunAsync(TrainingJobState job, TrainingRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(run);
        var tenant = new TenantId(job.Tenant);
        var id = new TrainingJobId(job.JobId);
        var folder = Path.Combine(Path.GetFullPath(options.WorkDirectory), "jobs", tenant.Value, id.Value);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        try
        {
            var config = TrainingJobSubmission.ConfigOf(job);
            var checkpoints = new CheckpointStore(registries.Services.Objects, tenant, id);
            var resumed = await checkpoints.DownloadAsync(Path.Combine(folder, ExperimentRunner.CheckpointFolder), cancellationToken).ConfigureAwait(false);
            if (!await run.StartAsync(resumed?.EpochsDone ?? 0).ConfigureAwait(false))
            {
                return null;
            }

            run.Report(new TrainingJobProgress(TrainingJobProgress.Preparing, clock.GetUtcNow()));
            var dataset = await _datasets.LoadAsync(catalogs.Get(tenant), job.Dataset, job.DatasetVersion, cancellationToken).ConfigureAwait(false);
            if (resumed is not null)
            {
                logger.LogInformation("Training job {Tenant}/{JobId}: resuming after epoch {Epoch} from the stored checkpoint", tenant.Value, id.Value, resumed.EpochsDone);
            }

            var runner = new ExperimentRunner(Path.Combine(options.WorkDirectory, "features"), decoder, logger);
            var outcome = await runner.RunAsync(
                dataset,
                config,
                folder,
                resume: resumed is not null,
                testFold: job.TestFold,
                progress: new InlineProgress<TrainingProgress>(p => run.Report(ToJobProgress(p, config.Training.BatchSize))),
                featureProgress: new InlineProgress<(int Done, int Total)>(p => run.Report(
                    new TrainingJobProgress(TrainingJobProgress.Preparing, clock.GetUtcNow(), TracksPrepared: p.Done, TracksToPrepare: p.Total))),
                checkpointSink: new Sink(checkpoints, run, telemetry, clock),
                cancellationToken: cancellationToken).ConfigureAwait(false);

            run.Report(new TrainingJobProgress(TrainingJobProgress.Evaluating, clock.GetUtcNow(), outcome.Training.EpochsDone, config.Training.Epochs));
            // The registry takes the evaluation report as report.json beside the card.
            var evaluation = Path.Combine(folder, ExperimentRunner.EvaluationFileName);
            if (File.Exists(evaluation))
            {
                File.Copy(evaluation, Path.Combine(folder, ModelKeys.ReportJsonFile), overwrite: true);
            }

            var registration = await registries.Get(tenant).RegisterAsync(folder, $"training-job:{id.Value}", cancellationToken).ConfigureAwait(false);
            return new Outcome(registration.Model, outcome.Card.Metrics);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private TrainingJobProgress ToJobProgress(TrainingProgress progress, int batchSize) => new(
        TrainingJobProgress.Training,
        clock.GetUtcNow(),
        progress.Epoch,
        progress.Epochs,
        (int)((progress.WindowsDone + batchSize - 1) / batchSize),
        (int)((progress.WindowsPerEpoch + batchSize - 1) / batchSize),
        progress.WindowsDone,
        progress.WindowsPerEpoch,
        progress.Loss,
        progress.Metric,
        progress.WindowsPerSecond,
        progress.Remaining.TotalSeconds);

    /// <summary>Each epoch: checkpoint to the store, then history and checkpoint to the job grain.</summary>
    private sealed class Sink(CheckpointStore store, TrainingRun run, GenresTelemetry telemetry, TimeProvider clock) : ICheckpointSink
    {
        public async Task CheckpointSavedAsync(string checkpointDirectory, TrainingState state, CancellationToken cancellationToken)
        {
            telemetry.TrainingEpochDuration.Record(state.History[^1].Seconds);
            var files = await store.UploadAsync(checkpointDirectory, state, cancellationToken).ConfigureAwait(false);
            await run.EpochCompletedAsync(state, new TrainingJobCheckpoint(state.EpochsDone, clock.GetUtcNow(), [.. files])).ConfigureAwait(false);
        }
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and could reorder reports).</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
