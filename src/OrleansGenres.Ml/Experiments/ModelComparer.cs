using OrleansGenres.Audio.Decoding;
using OrleansGenres.Ml.Data;
using OrleansGenres.Ml.Evaluation;
using OrleansGenres.Ml.Inference;
using OrleansGenres.Torch;

namespace OrleansGenres.Ml.Experiments;

/// <summary>
/// Two or more model folders on the same part of one dataset → <see cref="ModelComparisonReport"/>. The one
/// implementation behind <c>genres compare</c> and the service's <c>POST /api/models/compare</c>, so the two cannot
/// give different numbers for the same models and data.
/// </summary>
public static class ModelComparer
{
    public const int MinResamples = 10;

    public static async Task<ModelComparisonReport> CompareAsync(
        Dataset dataset,
        IReadOnlyList<ComparedModel> models,
        string cacheRoot,
        IAudioDecoder decoder,
        SplitPart split,
        int? fold,
        int resamples,
        TorchThread torchThread,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(torchThread);
        if (models.Count < 2)
        {
            throw new ModelComparisonException("compare needs two or more models");
        }

        if (resamples < MinResamples)
        {
            throw new ModelComparisonException($"the bootstrap needs at least {MinResamples} resamples");
        }

        // Cards first (cheap): models that tag different labels are refused before any audio is decoded.
        var cards = models.Select(model => ModelDirectory.ReadCard(model.Folder)).ToArray();
        var mismatched = models.Zip(cards).Skip(1)
            .Where(pair => !pair.Second.Labels.SequenceEqual(cards[0].Labels, StringComparer.Ordinal) || pair.Second.MultiLabel != cards[0].MultiLabel)
            .Select(pair => $"{pair.First.Name} and {models[0].Name} have different label sets; compared models must tag the same labels")
            .ToList();
        if (mismatched.Count > 0)
        {
            throw new ModelComparisonException(mismatched);
        }

        var predictions = new List<TrackPredictions>(models.Count);
        foreach (var model in models)
        {
            using var predictor = await torchThread.RunAsync(() => TrackPredictor.Load(model.Folder), cancellationToken).ConfigureAwait(false);
            var tracks = await EvaluationTracks.PrepareAsync(dataset, predictor.Card, cacheRoot, decoder, split, fold, cancellationToken).ConfigureAwait(false);
            // Tracks come in path order (EvaluationTracks), so a manifest's row order never changes the resamples.
            predictions.Add(await ModelEvaluator.PredictAsync(predictor, tracks.Tracks, torchThread, model.Name, cancellationToken).ConfigureAwait(false));
        }

        try
        {
            return ModelComparisonReport.Create(predictions, resamples);
        }
        catch (ArgumentException e)
        {
            // Different tracks (models whose cards split the dataset differently) or names that collide: the choice of models.
            throw new ModelComparisonException(e.Message, e);
        }
    }
}
