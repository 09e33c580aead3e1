using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OrleansGenres.Ml.Experiments;
using OrleansGenres.Ml.Features;
using OrleansGenres.Ml.Inference;
using OrleansGenres.Ml.Models;
using OrleansGenres.Torch;

namespace OrleansGenres.Ml.Training;

/// <summary>
/// Runs the epochs of one experiment: batches prepared in the background feed the training step on the
/// <see cref="TorchThread"/>; after each epoch a validation pass, the schedule step, a checkpoint (trainer state by
/// epoch number, best weights, then <see cref="TrainingState"/>) and the early-stopping check. A run resumed from its
/// state continues at the next epoch with the same batches, so it ends with the same weights as an uninterrupted run.
/// </summary>
public sealed class TrainingLoop(
    ExperimentData data,
    ExperimentConfig config,
    TaggingModel model,
    ModelTrainer trainer,
    TorchThread torchThread,
    string checkpointDirectory,
    ILogger logger,
    ICheckpointSink? checkpointSink = null)
{
    private const int EvaluationBatchSize = 64;

    private int Classes => data.Labels.Count;

    /// <summary>
    /// Trains to the end (or early stop) and leaves the best epoch's weights in the model. With <paramref name="resume"/>
    /// a previous state in the checkpoint folder is continued; without it, an existing state is an error.
    /// </summary>
    public async Task<TrainingState> RunAsync(bool resume, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(checkpointDirectory);
        var state = await StartOrResumeAsync(resume, cancellationToken).ConfigureAwait(false);
        var settings = config.Training;
        var batches = new EpochBatches(data.Train, Classes, data.MultiLabel, settings.BatchSize, config.Data.MaxWindowsPerTrack, settings.Seed, settings.Mixup);
        var windowsPerEpoch = batches.WindowCount;
        var frames = data.Train[0].Features.Frames;
        var clock = Stopwatch.StartNew();
        var secondsBefore = state.TrainingSeconds;
        var windowsThisSession = 0L;

        while (!state.Finished)
        {
            var epoch = state.EpochsDone + 1;
            var epochClock = Stopwatch.StartNew();
            double lossSum = 0, metricSum = 0;
            long windows = 0;
            var logits = new float[settings.BatchSize * Classes];
            await foreach (var batch in batches.Start(epoch, cancellationToken).ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                using (batch)
                {
                    var (loss, metric) = await torchThread.RunAsync(() => Step(batch, frames, logits), cancellationToken).ConfigureAwait(false);
                    lossSum += loss * batch.Count;
                    metricSum += metric;
                    windows += batch.Count;
                    windowsThisSession += batch.Count;
                }

                var rate = windowsThisSession / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
                var remainingWindows = ((settings.Epochs - epoch) * windowsPerEpoch) + (windowsPerEpoch - windows);
                progress?.Report(new TrainingProgress(epoch, settings.Epochs, windows, windowsPerEpoch, lossSum / windows, metricSum / windows, rate,
                    TimeSpan.FromSeconds(remainingWindows / Math.Max(rate, 1e-9))));
            }

            var (trainLoss, trainMetric) = (lossSum / Math.Max(windows, 1), metricSum / Math.Max(windows, 1));
            var (validationLoss, validationMetric) = data.Validation.Count > 0
                ? await torchThread.RunAsync(() => Validate(cancellationToken), cancellationToken).ConfigureAwait(false)
                : (trainLoss, trainMetric);
            var learningRate = trainer.EndEpoch(validationLoss);
            var record = new EpochRecord(epoch, trainLoss, trainMetric, validationLoss, validationMetric, learningRate,
                epochClock.Elapsed.TotalSeconds, windows / Math.Max(epochClock.Elapsed.TotalSeconds, 1e-9));
            state = await CheckpointAsync(state, record, secondsBefore + clock.Elapsed.TotalSeconds, cancellationToken).ConfigureAwait(false);
            if (checkpointSink is not null)
            {
                await checkpointSink.CheckpointSavedAsync(checkpointDirectory, state, cancellationToken).ConfigureAwait(false);
            }

            if (data.Validation.Count > 0)
            {
                logger.LogInformation(
                    "Epoch {Epoch}/{Epochs}: train loss {TrainLoss:F4} {Metric} {TrainMetric:F4}, validation loss {ValidationLoss:F4} {Metric} {ValidationMetric:F4}, lr {LearningRate:G3}, {WindowsPerSecond:F0} windows/s",
                    epoch, settings.Epochs, trainLoss, TrackMetric.NameFor(data.MultiLabel), trainMetric, validationLoss, TrackMetric.NameFor(data.MultiLabel), validationMetric, learningRate, record.WindowsPerSecond);
            }
            else
            {
                // Without a validation part the best epoch is chosen by the training figures: say so rather than
                // print them twice as if they were validation.
                logger.LogInformation(
                    "Epoch {Epoch}/{Epochs}: train loss {TrainLoss:F4} {Metric} {TrainMetric:F4} (no validation part), lr {LearningRate:G3}, {WindowsPerSecond:F0} windows/s",
                    epoch, settings.Epochs, trainLoss, TrackMetric.NameFor(data.MultiLabel), trainMetric, learningRate, record.WindowsPerSecond);
            }
            progress?.Report(new TrainingProgress(epoch, settings.Epochs, windows, windowsPerEpoch, trainLoss, trainMetric, record.WindowsPerSecond, TimeSpan.Zero, record));
        }

        await torchThread.RunAsync(() => model.Load(Path.Combine(checkpointDirectory, state.BestWeightsFile!)), cancellationToken).ConfigureAwait(false);
        return state;
    }

    private async Task<TrainingState> StartOrResumeAsync(bool resume, CancellationToken cancellationToken)
    {
        var existing = TrainingState.Read(checkpointDirectory);
        if (existing is null)
        {
            return new TrainingState { ConfigHash = config.Hash, DatasetVersion = data.Version.Id, TestFold = data.TestFold };
        }

        if (!resume)
        {
            throw new InvalidOperationException($"{checkpointDirectory} already holds a training run; pass --resume to continue it or choose another output folder");
        }

        if (existing.ConfigHash != config.Hash || existing.DatasetVersion != data.Version.Id || existing.TestFold != data.TestFold)
        {
            throw new InvalidOperationException(
                $"cannot resume: the run in {checkpointDirectory} used config {existing.ConfigHash}, dataset {existing.DatasetVersion}, fold {existing.TestFold?.ToString() ?? "-"}; " +
                $"now config {config.Hash}, dataset {data.Version.Id}, fold {data.TestFold?.ToString() ?? "-"}");
        }

        if (existing.CheckpointFile is { } checkpoint)
        {
            await torchThread.RunAsync(() => trainer.LoadCheckpoint(Path.Combine(checkpointDirectory, checkpoint)), cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Resuming after epoch {Epoch} from {Checkpoint}", existing.EpochsDone, checkpoint);
        }

        return existing;
    }

    private (double Loss, double MetricSum) Step(TrainingBatch batch, int frames, float[] logits)
    {
        var output = logits.AsSpan(0, batch.Count * Classes);
        var loss = trainer.Step(batch.Inputs, batch.Count, frames, batch.Targets, output);
        ScoreActivation.Apply(output, batch.Count, Classes, data.MultiLabel);
        var metric = 0.0;
        for (var i = 0; i < batch.Count; i++)
        {
            metric += TrackMetric.Of(output.Slice(i * Classes, Classes), batch.LabelIds[i], data.MultiLabel, _ => config.Prediction.Threshold);
        }

        return (loss, metric);
    }

    // Validation loss per window, metric per track after aggregation (what tagging will do).
    private (double Loss, double Metric) Validate(CancellationToken cancellationToken)
    {
        var tracks = data.Validation;
        var accumulator = new TrackScoreAccumulator(tracks.Count, Classes, config.Prediction.Aggregation);
        var logits = new float[EvaluationBatchSize * Classes];
        var targets = new float[EvaluationBatchSize * Classes];
        double lossSum = 0;
        long windows = 0;
        foreach (var batch in TrackWindowBatches.Create(tracks, EvaluationBatchSize, cancellationToken))
        {
            var targetLength = TrainingTargets.Length(batch.Count, Classes, data.MultiLabel);
            Array.Clear(targets, 0, targetLength);
            for (var i = 0; i < batch.Count; i++)
            {
                TrainingTargets.Write(targets, i, tracks[batch.Owners[i]].LabelIds, Classes, data.MultiLabel);
            }

            var output = logits.AsSpan(0, batch.Count * Classes);
            lossSum += trainer.Evaluate(batch.Features, batch.Count, batch.Frames, targets.AsSpan(0, targetLength), output) * batch.Count;
            windows += batch.Count;
            ScoreActivation.Apply(output, batch.Count, Classes, data.MultiLabel);
            for (var i = 0; i < batch.Count; i++)
            {
                accumulator.Add(batch.Owners[i], output.Slice(i * Classes, Classes));
            }
        }

        var scores = accumulator.Scores();
        var metric = tracks.Select((track, t) => TrackMetric.Of(scores[t], track.LabelIds, data.MultiLabel, _ => config.Prediction.Threshold)).Average();
        return (lossSum / Math.Max(windows, 1), metric);
    }

    private async Task<TrainingState> CheckpointAsync(TrainingState state, EpochRecord record, double seconds, CancellationToken cancellationToken)
    {
        var epoch = record.Epoch;
        var checkpoint = $"epoch-{epoch:D4}.ckpt";
        var improved = record.ValidationMetric > state.BestMetric + 1e-12
            || (Math.Abs(record.ValidationMetric - state.BestMetric) <= 1e-12 && record.ValidationLoss < state.BestLoss);
        var bestWeights = improved ? $"best-epoch-{epoch:D4}.pt" : state.BestWeightsFile;
        await torchThread.RunAsync(() =>
        {
            SaveAtomically(checkpoint, trainer.SaveCheckpoint);
            if (improved)
            {
                SaveAtomically(bestWeights!, model.Save);
            }
        }, cancellationToken).ConfigureAwait(false);

        var bestEpoch = improved ? epoch : state.BestEpoch;
        var patience = config.Training.EarlyStoppingPatience;
        var stoppedEarly = patience > 0 && epoch - bestEpoch >= patience && epoch < config.Training.Epochs;
        var next = state with
        {
            EpochsDone = epoch,
            History = [.. state.History, record],
            BestEpoch = bestEpoch,
            BestMetric = improved ? record.ValidationMetric : state.BestMetric,
            BestLoss = improved ? record.ValidationLoss : state.BestLoss,
            CheckpointFile = checkpoint,
            BestWeightsFile = bestWeights,
            StoppedEarly = stoppedEarly,
            Finished = stoppedEarly || epoch >= config.Training.Epochs,
            TrainingSeconds = seconds,
        };
        next.Write(checkpointDirectory);
        if (stoppedEarly)
        {
            logger.LogInformation("Early stop after epoch {Epoch}: no better validation metric for {Patience} epochs (best: epoch {Best})", epoch, patience, bestEpoch);
        }

        // Files the state no longer names are stale: earlier checkpoints and superseded best weights.
        foreach (var file in Directory.EnumerateFiles(checkpointDirectory, "*epoch-*"))
        {
            var name = Path.GetFileName(file);
            if (name != next.CheckpointFile && name != next.BestWeightsFile)
            {
                File.Delete(file);
            }
        }

        return next;
    }

    private void SaveAtomically(string fileName, Action<string> save)
    {
        var path = Path.Combine(checkpointDirectory, fileName);
        var temporary = path + ".tmp";
        save(temporary);
        File.Move(temporary, path, overwrite: true);
    }
}
