namespace OrleansGenres.Ml.Data;

/// <summary>
/// Splits a dataset by file (= track), so windows of one file never straddle train and test: from its
/// <c>split</c> column, from its <c>fold</c> column (one split per fold for cross-validation), or by a seeded
/// stratified ratio; then optionally carves validation out of train.
/// </summary>
public static class DatasetSplitter
{
    public static DatasetSplit Split(Dataset dataset, SplitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= SplitOptions.Default;
        var groupOf = GroupSelector(dataset, options.GroupBy);

        var strategy = options.Strategy switch
        {
            SplitStrategy.Auto when dataset.HasSplitColumn => SplitStrategy.Column,
            SplitStrategy.Auto when dataset.Folds.Count > 0 => SplitStrategy.Fold,
            SplitStrategy.Auto => SplitStrategy.Ratio,
            var chosen => chosen,
        };

        var split = strategy switch
        {
            SplitStrategy.Column => ByColumn(dataset),
            SplitStrategy.Fold => ByFold(dataset, options.TestFold ?? FirstFold(dataset)),
            SplitStrategy.Ratio => ByRatio(dataset, options, groupOf),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Strategy, "unknown split strategy"),
        };

        if (options.ValidationRatio > 0 && split.Validation.Count == 0)
        {
            var (train, validation) = StratifiedPartition.Split(split.Train, options.ValidationRatio, options.Seed, "validation", groupOf);
            split = split with { Train = train, Validation = validation };
        }

        return split;
    }

    /// <summary>One split per fold of the <c>fold</c> column, in fold order: the splits of k-fold cross-validation.</summary>
    public static IReadOnlyList<DatasetSplit> CrossValidationFolds(Dataset dataset, SplitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= SplitOptions.Default;
        _ = FirstFold(dataset);
        return [.. dataset.Folds.Select(fold => Split(dataset, options with { Strategy = SplitStrategy.Fold, TestFold = fold }))];
    }

    private static DatasetSplit ByColumn(Dataset dataset)
    {
        var missing = dataset.Entries.FirstOrDefault(entry => entry.Split is null);
        if (missing is not null)
        {
            throw new DatasetException(new DatasetProblem(dataset.Source, missing.Line > 0 ? missing.Line : null,
                $"'{missing.RelativePath}' has no split value (the dataset needs a 'split' column to split by it)"));
        }

        var split = new DatasetSplit(
            [.. dataset.Entries.Where(entry => entry.Split == SplitPart.Train)],
            [.. dataset.Entries.Where(entry => entry.Split == SplitPart.Validation)],
            [.. dataset.Entries.Where(entry => entry.Split == SplitPart.Test)]);
        RequireBothSides(dataset, split, "split column");
        return split;
    }

    private static DatasetSplit ByFold(Dataset dataset, int testFold)
    {
        var missing = dataset.Entries.FirstOrDefault(entry => entry.Fold is null);
        if (missing is not null)
        {
            throw new DatasetException(new DatasetProblem(dataset.Source, missing.Line > 0 ? missing.Line : null,
                $"'{missing.RelativePath}' has no fold value (the dataset needs a 'fold' column to split by it)"));
        }

        if (!dataset.Folds.Contains(testFold))
        {
            throw new DatasetException(new DatasetProblem(dataset.Source, null,
                $"fold {testFold} does not occur; folds: {string.Join(", ", dataset.Folds)}"));
        }

        var split = new DatasetSplit(
            [.. dataset.Entries.Where(entry => entry.Fold != testFold)],
            [],
            [.. dataset.Entries.Where(entry => entry.Fold == testFold)])
        {
            TestFold = testFold,
        };
        RequireBothSides(dataset, split, $"fold {testFold}");
        return split;
    }

    private static DatasetSplit ByRatio(Dataset dataset, SplitOptions options, Func<DatasetEntry, string?>? groupOf)
    {
        if (options.TestRatio is <= 0 or >= 1 || double.IsNaN(options.TestRatio))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.TestRatio, "TestRatio lies in (0, 1)");
        }

        var (train, test) = StratifiedPartition.Split(dataset.Entries, options.TestRatio, options.Seed, "test", groupOf);
        var split = new DatasetSplit(train, [], test);
        RequireBothSides(dataset, split, $"a test ratio of {options.TestRatio}");
        return split;
    }

    private static int FirstFold(Dataset dataset) => dataset.Folds.Count > 0
        ? dataset.Folds[0]
        : throw new DatasetException(new DatasetProblem(dataset.Source, null, "the dataset has no 'fold' column"));

    private static void RequireBothSides(Dataset dataset, DatasetSplit split, string how)
    {
        if (split.Train.Count == 0 || split.Test.Count == 0)
        {
            throw new DatasetException(new DatasetProblem(dataset.Source, null,
                $"splitting by {how} leaves {split.Train.Count} train and {split.Test.Count} test entries; both need some"));
        }
    }

    private static Func<DatasetEntry, string?>? GroupSelector(Dataset dataset, string? column)
    {
        if (column is null)
        {
            return null;
        }

        if (!dataset.ExtraColumns.Contains(column, StringComparer.OrdinalIgnoreCase))
        {
            var known = dataset.ExtraColumns.Count > 0 ? string.Join(", ", dataset.ExtraColumns) : "none";
            throw new DatasetException(new DatasetProblem(dataset.Source, null, $"unknown group column '{column}'; extra columns: {known}"));
        }

        return entry => entry.Extra.TryGetValue(column, out var value) ? value : null;
    }
}
