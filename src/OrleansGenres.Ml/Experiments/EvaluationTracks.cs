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

        // Labels the model does not know are reported, not fatal: their tracks are left out (counted in the description).
        var unknown = dataset.LabelCounts.Keys.Where(label => !card.Labels.Contains(label, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToArray();

        // Path order, as training split it (ExperimentDataBuilder.Select): the same parts, and bootstrap resamples that
        // do not depend on how a manifest lists its rows.
        var selected = ClassSelection.Only(known).Apply(dataset).InPathOrder();
        var external = part == SplitPart.Test && fold is null && await IsExternalTestSetAsync(dataset, selected, card, cancellationToken).ConfigureAwait(false);
        fold ??= selected.Folds.Count > 0 && !selected.HasSplitColumn && !external ? card.Dataset?.TestFold : null;
        IReadOnlyList<DatasetEntry> entries;
        int[]? trainTruth = null;
        var labelIds = TrackItem.IndexLabels(card.Labels);
        if (external)
        {
            entries = selected.Entries;
        }
        else
        {
            var split = DatasetSplitter.Split(selected, new SplitOptions
            {
                Strategy = fold is null ? SplitStrategy.Auto : SplitStrategy.Fold,
                TestFold = fold,
                ValidationRatio = card.Config?.Data.ValidationRatio ?? 0,
                GroupBy = card.Config?.Data.GroupBy,
                Seed = card.Config?.Data.Seed ?? 0,
            });
            entries = part switch
            {
                SplitPart.Train => split.Train,
                SplitPart.Validation => split.Validation,
                _ => split.Test,
            };
            trainTruth = card.MultiLabel ? null : [.. split.Train.Select(entry => labelIds[entry.Labels[0]])];
        }

        if (entries.Count == 0)
        {
            throw new DatasetException(new DatasetProblem(dataset.Source, null, $"the {part.ToString().ToLowerInvariant()} part is empty"));
        }

        var version = await DatasetVersioning.ComputeAsync(selected.WithEntries(entries), cancellationToken: cancellationToken).ConfigureAwait(false);
        var cache = new FeatureCache(cacheRoot, card.FrontEnd, decoder);
        var built = await cache.BuildAsync(entries, version.ContentHashOf, cancellationToken: cancellationToken).ConfigureAwait(false);
        var tracks = TrackItem.From(built, labelIds);
        var description = external
            ? $"the whole set (a test set the model was not trained on): {tracks.Count} tracks"
            : $"{part.ToString().ToLowerInvariant()} part{(fold is { } f ? $" of fold {f}" : string.Empty)}: {tracks.Count} tracks";
        if (unknown.Length > 0)
        {
            var left = dataset.Entries.Count - selected.Entries.Count;
            description += $"; {left} tracks left out with labels the model does not know: {string.Join(", ", unknown)}";
        }

        return new EvaluationTracks(tracks, trainTruth, description, [.. built.Where(result => result.Features is null)]);
    }

    /// <summary>
    /// A set to evaluate whole, as people evaluate a model on data it never saw: every row marked <c>test</c>, or no
    /// split and no fold column at all on a dataset other than the one the model was trained on (that one is split as
    /// in training, so its test part is the one the card reports).
    /// </summary>
    private static async Task<bool> IsExternalTestSetAsync(Dataset dataset, Dataset selected, ModelCard card, CancellationToken cancellationToken)
    {
        if (selected.HasSplitColumn)
        {
            return selected.Entries.All(entry => entry.Split == SplitPart.Test);
        }

        if (selected.Folds.Count > 0)
        {
            return false;
        }

        if (card.Dataset is not { } trainedOn || card.Config is null)
        {
            return true;
        }

        Dataset asTrained;
        try
        {
            asTrained = ExperimentDataBuilder.Select(dataset, card.Config);
        }
        catch (DatasetException)
        {
            return true; // the training's class selection does not even apply here
        }

        return (await DatasetVersioning.ComputeAsync(asTrained, cancellationToken: cancellationToken).ConfigureAwait(false)).Id != trainedOn.Version;
    }
}
