using OrleansGenres.Audio.Decoding;
using OrleansGenres.Ml.Data;
using OrleansGenres.Ml.Features;
using OrleansGenres.Ml.Inference;

namespace OrleansGenres.Ml.Experiments;

/// <summary>
/// The tracks a model is evaluated on: a dataset restricted to the model's labels, one part of its split (by default
/// the test part the model's card names — its test fold for cross-validated runs), featurised with the model's own
/// front end; plus the training part's labels for the baselines.
/// </summary>
public sealed record EvaluationTracks(IReadOnlyList<TrackItem> Tracks, int[]? TrainTruth, string Description, IReadOnlyList<FeatureBuildResult> Failures)
{
    public static async Task<EvaluationTracks> PrepareAsync(
        Dataset dataset,
        ModelCard card,
        string cacheRoot,
        IAudioDecoder decoder,
        SplitPart part = SplitPart.Test,
        int? fold = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(card);
        var known = card.Labels.Where(dataset.LabelCounts.ContainsKey).ToArray();
        if (known.Length == 0)
        {
            throw new DatasetException(new DatasetProblem(dataset.Source, null, $"none of the model's labels ({string.Join(", ", card.Labels)}) occur in the dataset"));
        }

        // Path order, as training split it (ExperimentDataBuilder.Select): the same parts, and bootstrap resamples that
        // do not depend on how a manifest lists its rows.
        var selected = ClassSelection.Only(known).Apply(dataset).InPathOrder();
        fold ??= selected.Folds.Count > 0 && !selected.HasSplitColumn ? card.Dataset?.TestFold : null;
        var split = DatasetSplitter.Split(selected, new SplitOptions
        {
            Strategy = fold is null ? SplitStrategy.Auto : SplitStrategy.Fold,
            TestFold = fold,
            ValidationRatio = card.Config?.Data.ValidationRatio ?? 0,
            GroupBy = card.Config?.Data.GroupBy,
            Seed = card.Config?.Data.Seed ?? 0,
        });
        var entries = part switch
        {
            SplitPart.Train => split.Train,
            SplitPart.Validation => split.Validation,
            _ => split.Test,
        };
        if (entries.Count == 0)
        {
            throw new DatasetException(new DatasetProblem(dataset.Source, null, $"the {part.ToString().ToLowerInvariant()} part is empty"));
        }

        var version = await DatasetVersioning.ComputeAsync(selected.WithEntries(entries), cancellationToken: cancellationToken).ConfigureAwait(false);
        var cache = new FeatureCache(cacheRoot, card.FrontEnd, decoder);
        var built = await cache.BuildAsync(entries, version.ContentHashOf, cancellationToken: cancellationToken).ConfigureAwait(false);
        var labelIds = TrackItem.IndexLabels(card.Labels);
        var tracks = TrackItem.From(built, labelIds);
        int[]? trainTruth = card.MultiLabel ? null : [.. split.Train.Select(entry => labelIds[entry.Labels[0]])];
        var description = $"{part.ToString().ToLowerInvariant()} part{(fold is { } f ? $" of fold {f}" : string.Empty)}: {tracks.Count} tracks";
        return new EvaluationTracks(tracks, trainTruth, description, [.. built.Where(result => result.Features is null)]);
    }
}
