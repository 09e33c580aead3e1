namespace OrleansGenres.Ml.Data;

/// <summary>
/// A labelled set of audio files: its entries and what follows from them (the label set, per-label counts, whether
/// it is multi-label, its folds). Derived values are computed once here, so selections build a new dataset with
/// <see cref="WithEntries"/> rather than editing this one.
/// </summary>
public sealed record Dataset
{
    public Dataset(string root, IReadOnlyList<DatasetEntry> entries, string? manifestPath = null, IReadOnlyList<string>? extraColumns = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(entries);
        Root = root;
        Entries = entries;
        ManifestPath = manifestPath;
        ExtraColumns = extraColumns ?? [];

        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var folds = new SortedSet<int>();
        foreach (var entry in entries)
        {
            foreach (var label in entry.Labels)
            {
                counts[label] = counts.GetValueOrDefault(label) + 1;
            }

            IsMultiLabel |= entry.Labels.Count > 1;
            HasSplitColumn |= entry.Split is not null;
            if (entry.Fold is { } fold)
            {
                folds.Add(fold);
            }
        }

        LabelCounts = counts.AsReadOnly();
        Labels = [.. counts.Keys];
        Folds = [.. folds];
    }

    /// <summary>The dataset folder: every entry's file lies inside it.</summary>
    public string Root { get; }

    public IReadOnlyList<DatasetEntry> Entries { get; }

    /// <summary>The manifest it was read from; null for a folder-per-class dataset.</summary>
    public string? ManifestPath { get; }

    /// <summary>Manifest columns other than path, labels, split and fold, in header order.</summary>
    public IReadOnlyList<string> ExtraColumns { get; }

    /// <summary>Every label that occurs, sorted ordinally: the order of model outputs.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>How many entries carry each label (sorted ordinally by label).</summary>
    public IReadOnlyDictionary<string, int> LabelCounts { get; }

    /// <summary>True when any entry has more than one label.</summary>
    public bool IsMultiLabel { get; }

    /// <summary>True when entries carry a <c>split</c> value.</summary>
    public bool HasSplitColumn { get; }

    /// <summary>Distinct fold numbers, ascending; empty without a <c>fold</c> column.</summary>
    public IReadOnlyList<int> Folds { get; }

    /// <summary>What messages name as the dataset's location.</summary>
    public string Source => ManifestPath ?? Root;

    public Dataset WithEntries(IReadOnlyList<DatasetEntry> entries) => new(Root, entries, ManifestPath, ExtraColumns);

    /// <summary>
    /// The entries in path order (ordinal), the order the dataset version is computed in. Experiments and evaluations
    /// work on this order, so what they draw by seed (validation tracks, batches, bootstrap resamples) depends on the
    /// version and the seed only — not on how a manifest happened to list its rows.
    /// </summary>
    public Dataset InPathOrder() => WithEntries([.. Entries.OrderBy(entry => entry.RelativePath, StringComparer.Ordinal)]);
}
