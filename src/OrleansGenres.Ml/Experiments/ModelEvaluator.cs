using OrleansGenres.Ml.Evaluation;
using OrleansGenres.Ml.Features;
using OrleansGenres.Ml.Inference;
using OrleansGenres.Torch;

namespace OrleansGenres.Ml.Experiments;

/// <summary>Runs a <see cref="TrackPredictor"/> over cached tracks, windows batched across tracks, into <see cref="TrackPredictions"/>.</summary>
public static class ModelEvaluator
{
    private const int BatchSize = 64;

    public static Task<TrackPredictions> PredictAsync(
        TrackPredictor predictor, IReadOnlyList<TrackItem> tracks, TorchThread torchThread, string? modelName = null, CancellationToken cancellationToken = default) =>
        torchThread.RunAsync(() => Predict(predictor, tracks, modelName ?? predictor.Card.Name, cancellationToken), cancellationToken);

    public static TrackPredictions Predict(TrackPredictor predictor, IReadOnlyList<TrackItem> tracks, string modelName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(tracks);
        var classes = predictor.Classes;
        var accumulator = new TrackScoreAccumulator(tracks.Count, classes, predictor.Card.Aggregation);
        var logits = new float[BatchSize * classes];
        foreach (var batch in TrackWindowBatches.Create(tracks, BatchSize, cancellationToken))
        {
            var output = logits.AsSpan(0, batch.Count * classes);
            predictor.Model.Predict(batch.Features, batch.Count, batch.Frames, output);
            predictor.ToProbabilities(output, batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                accumulator.Add(batch.Owners[i], output.Slice(i * classes, classes));
            }
        }

        var scores = tracks.Count == 0 ? [] : accumulator.Scores();
        return new TrackPredictions(
            modelName,
            predictor.Card.Labels,
            predictor.Card.MultiLabel,
            [.. tracks.Select(track => track.Entry.RelativePath)],
            [.. tracks.Select(track => track.LabelIds)],
            scores,
            [.. scores.Select(row => predictor.Assign(row))]);
    }
}
