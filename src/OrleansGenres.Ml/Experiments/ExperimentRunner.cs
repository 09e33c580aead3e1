using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrleansGenres.Audio.Decoding;
using OrleansGenres.Ml.Data;
using OrleansGenres.Ml.Evaluation;
using OrleansGenres.Ml.Features;
using OrleansGenres.Ml.Inference;
using OrleansGenres.Ml.Models;
using OrleansGenres.Ml.Training;
using OrleansGenres.Torch;
using OrleansGenres.Torch.Models;
using OrleansGenres.Torch.Training;

namespace OrleansGenres.Ml.Experiments;

/// <summary>
/// One experiment from dataset to model folder: prepare the data (split, cache), build the model and trainer, run the
/// <see cref="TrainingLoop"/> (checkpoints in <c>out/checkpoints</c>), tune multi-label thresholds on validation,
/// evaluate on test and write <c>model.pt</c>, <c>model.json</c>, <c>evaluation.json</c> and <c>report.txt</c>.
/// </summary>
public sealed class ExperimentRunner(string cacheRoot, IAudioDecoder decoder, ILogger logger)
{
    public const string CheckpointFolder = "checkpoints";
    public const string EvaluationFileName = "evaluation.json";
    public const string ReportFileName = "report.txt";

    public async Task<ExperimentOutcome> RunAsync(
        Dataset dataset,
        ExperimentConfig config,
        string outDirectory,
        bool resume = false,
        int? testFold = null,
        IProgress<TrainingProgress>? progress = null,
        IProgress<(int Done, int Total)>? featureProgress = null,
        ICheckpointSink? checkpointSink = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.IsSweep)
        {
            throw new ArgumentException($"{config.Name} is a sweep; run each variant (ExpandVariants) instead");
        }

        // A loss that cannot fit the data fails now, not after minutes of feature extraction.
        var loss = LossFor(config, ExperimentDataBuilder.Select(dataset, config).IsMultiLabel);
        var cache = new FeatureCache(cacheRoot, config.FrontEnd.ToFrontEnd(), decoder);
        var data = await ExperimentDataBuilder.BuildAsync(dataset, config, cache, testFold, featureProgress, cancellationToken).ConfigureAwait(false);
        foreach (var failure in data.Failures)
        {
            logger.LogWarning("Left out {Path}: {Error}", failure.Entry.RelativePath, failure.Error);
        }

        logger.LogInformation(
            "{Dataset} ({Version}): {Labels} labels, {Train} train / {Validation} validation / {Test} test tracks, fold {Fold}",
            data.DatasetName, data.Version.Id, data.Labels.Count, data.Train.Count, data.Validation.Count, data.Test.Count, data.TestFold?.ToString() ?? "-");

        using var torchThread = new TorchThread();
        var modelOptions = config.ToNetworkOptions(data.Labels.Count, cache.FrontEnd.Mel.NMels);
        var model = await torchThread.RunAsync(() => TaggingModel.Create(modelOptions), cancellationToken).ConfigureAwait(false);
        var weights = !config.Training.ClassWeights ? null
            : loss == LossKind.Bce ? data.PositiveWeights()
            : loss == LossKind.CrossEntropy ? data.BalancedClassWeights()
            : null;
        using var predictor = new TrackPredictor(PlaceholderCard(config, data, modelOptions), model);
        TrainingState state;
        using (var trainer = await torchThread.RunAsync(() => ModelTrainer.Create(model, config.ToTrainerOptions(loss, weights)), cancellationToken).ConfigureAwait(false))
        {
            var loop = new TrainingLoop(data, config, model, trainer, torchThread, Path.Combine(outDirectory, CheckpointFolder), logger, checkpointSink);
            state = await loop.RunAsync(resume, progress, cancellationToken).ConfigureAwait(false);
        }

        var card = predictor.Card with { Thresholds = await ThresholdsAsync(config, data, predictor, torchThread, cancellationToken).ConfigureAwait(false) };
        // Shares the model with the first predictor; disposing TorchSharp modules twice is harmless.
        using var tuned = new TrackPredictor(card, model);
        EvaluationReport? report = null;
        TrackPredictions? predictions = null;
        if (data.Test.Count > 0)
        {
            predictions = await ModelEvaluator.PredictAsync(tuned, data.Test, torchThread, config.Name, cancellationToken).ConfigureAwait(false);
            int[]? trainTruth = data.MultiLabel ? null : [.. data.Train.Select(track => track.LabelIds[0])];
            report = EvaluationReport.Create(predictions, trainTruth, [.. data.Test.Select(track => track.Entry.Extra)]);
        }

        card = card with
        {
            CreatedAt = DateTimeOffset.UtcNow,
            Metrics = report?.Headline(),
            Training = new TrainingInfo(
                state.EpochsDone,
                state.BestEpoch,
                state.StoppedEarly,
                state.TrainingSeconds,
                state.History.Count == 0 ? 0 : state.History.Average(epoch => epoch.WindowsPerSecond),
                model.IsCuda ? "cuda" : "cpu",
                state.History),
        };
        card = await torchThread.RunAsync(() => ModelDirectory.Save(outDirectory, model, card), cancellationToken).ConfigureAwait(false);
        if (report is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(outDirectory, EvaluationFileName), JsonSerializer.Serialize(report, ExperimentJson.Options), cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(outDirectory, ReportFileName), report.Text, cancellationToken).ConfigureAwait(false);
        }

        await File.WriteAllTextAsync(Path.Combine(outDirectory, ModelCardMarkdown.FileName), ModelCardMarkdown.Render(card, report), cancellationToken).ConfigureAwait(false);

        return new ExperimentOutcome(outDirectory, card, report, predictions, state, data);
    }

    private static LossKind LossFor(ExperimentConfig config, bool multiLabel) =>
        LossProblem(config, multiLabel) is { } problem ? throw new ArgumentException($"{config.Name}: {problem}") : config.Training.LossFor(multiLabel);

    /// <summary>Why the config's loss cannot train data of this kind, or null when it can (checked before anything runs).</summary>
    public static string? LossProblem(ExperimentConfig config, bool multiLabel)
    {
        ArgumentNullException.ThrowIfNull(config);
        var loss = config.Training.LossFor(multiLabel);
        return loss != LossKind.CrossEntropy && !multiLabel ? $"loss {loss} is for multi-label data; this dataset is single-label"
            : loss == LossKind.CrossEntropy && multiLabel ? "cross-entropy needs single-label data; this dataset is multi-label (use bce or asymmetricFocal)"
            : null;
    }

    private static ModelCard PlaceholderCard(ExperimentConfig config, ExperimentData data, NetworkOptions modelOptions) => new()
    {
        Name = config.Name,
        Labels = data.Labels,
        MultiLabel = data.MultiLabel,
        FrontEnd = data.FrontEnd,
        Aggregation = config.Prediction.Aggregation,
        Model = modelOptions with { Device = DeviceChoice.Auto },
        Dataset = new DatasetInfo(data.DatasetName, data.Version.Id, data.Train.Count, data.Validation.Count, data.Test.Count, data.TestFold),
        Config = config,
    };

    // Multi-label: a threshold per label chosen on validation tracks for F1 (the global threshold where a label has
    // no validation positive, or without validation tracks).
    private static async Task<IReadOnlyList<float>?> ThresholdsAsync(
        ExperimentConfig config, ExperimentData data, TrackPredictor predictor, TorchThread torchThread, CancellationToken cancellationToken)
    {
        if (!data.MultiLabel)
        {
            return null;
        }

        var global = Enumerable.Repeat(config.Prediction.Threshold, data.Labels.Count).ToArray();
        if (!config.Prediction.TuneThresholds || data.Validation.Count == 0)
        {
            return global;
        }

        var predictions = await ModelEvaluator.PredictAsync(predictor, data.Validation, torchThread, cancellationToken: cancellationToken).ConfigureAwait(false);
        var scores = new float[predictions.Count, data.Labels.Count];
        for (var t = 0; t < predictions.Count; t++)
        {
            for (var c = 0; c < data.Labels.Count; c++)
            {
                scores[t, c] = predictions.Scores[t][c];
            }
        }

        return ThresholdTuner.Tune(scores, predictions.TruthMatrix(), data.Labels, ThresholdSearch.Midpoints, config.Prediction.Threshold).Thresholds;
    }
}
