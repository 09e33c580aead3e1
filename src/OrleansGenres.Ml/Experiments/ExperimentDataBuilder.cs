using OrleansGenres.Ml.Data;
using OrleansGenres.Ml.Features;

namespace OrleansGenres.Ml.Experiments;

/// <summary>
/// Dataset + config → <see cref="ExperimentData"/>: class selection, version, split by track (a fold of the fold
/// column when asked), undersampling of the training part only (test keeps its natural distribution), and the
/// feature cache filled for every track that is used.
/// </summary>
public static class ExperimentDataBuilder
{
    /// <summary>The dataset restricted to the config's classes, in path order (no I/O): what the experiment's labels and tracks will be.</summary>
    public static Dataset Select(Dataset dataset, ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(config);
        var selection = config.Data.TopK is { } k ? ClassSelection.Top(k) : config.Data.Labels is { } labels ? ClassSelection.Only(labels) : ClassSelection.All;
        return selection.Apply(dataset).InPathOrder();
    }

    public static async Task<ExperimentData> BuildAsync(
        Dataset dataset,
        ExperimentConfig config,
        FeatureCache cache,
        int? testFold = null,
        IProgress<(int Done, int Total)>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(cache);
        var selected = Select(dataset, config);
        if (selected.Labels.Count < 2)
        {
            throw new DatasetException(new DatasetProblem(dataset.Source, null, "an experiment needs at least two classes"));
        }

        if (testFold is { } fold && !selected.Folds.Contains(fold))
        {
            throw new DatasetException(new DatasetProblem(dataset.Source, null,
                selected.Folds.Count == 0 ? "the dataset has no fold column" : $"fold {fold} is not one of {string.Join(", ", selected.Folds)}"));
        }

        var version = await DatasetVersioning.ComputeAsync(selected, cancellationToken: cancellationToken).ConfigureAwait(false);
        var split = DatasetSplitter.Split(selected, new SplitOptions
        {
            Strategy = testFold is null ? SplitStrategy.Auto : SplitStrategy.Fold,
            TestFold = testFold,
            ValidationRatio = config.Data.ValidationRatio,
            GroupBy = config.Data.GroupBy,
            Seed = config.Data.Seed,
        });
        var train = split.Train;
        if (config.Data.MaxPerClass is { } cap)
        {
            train = Undersampling.Apply(selected.WithEntries(train), cap, config.Data.Seed).Entries;
        }

        var used = train.Concat(split.Validation).Concat(split.Test).ToArray();
        var total = used.Length;
        var built = await cache.BuildAsync(used, version.ContentHashOf,
            progress: progress is null ? null : new Progress<int>(done => progress.Report((done, total))),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var byPath = built.ToDictionary(result => result.Entry.RelativePath, StringComparer.Ordinal);
        var labelIds = TrackItem.IndexLabels(selected.Labels);
        IReadOnlyList<TrackItem> Items(IReadOnlyList<DatasetEntry> entries) => TrackItem.From(entries.Select(entry => byPath[entry.RelativePath]), labelIds);

        var data = new ExperimentData(
            Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataset.Root))),
            version,
            cache.FrontEnd,
            selected.Labels,
            selected.IsMultiLabel,
            Items(train),
            Items(split.Validation),
            Items(split.Test),
            split.TestFold ?? testFold,
            [.. built.Where(result => result.Features is null)]);
        if (data.Train.Count == 0)
        {
            throw new DatasetException(new DatasetProblem(dataset.Source, null, "no training tracks could be featurised"));
        }

        return data;
    }
}
