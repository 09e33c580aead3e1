namespace OrleansGenres.Ml.Data;

/// <summary>
/// Which classes an experiment trains on: all of them, the <see cref="TopK"/> most frequent (ties broken by name, so
/// the choice is reproducible), or an explicit list of <see cref="Labels"/>.
/// </summary>
/// <remarks>
/// One rule covers single- and multi-label data: unselected labels are removed from every entry and entries left
/// without a label are dropped. For single-label data that is exactly "drop the other classes".
/// </remarks>
public sealed record ClassSelection
{
    public static ClassSelection All { get; } = new();

    public int? TopK { get; init; }

    public IReadOnlyList<string>? Labels { get; init; }

    public static ClassSelection Top(int k) => new() { TopK = k };

    public static ClassSelection Only(params IReadOnlyList<string> labels) => new() { Labels = labels };

    public Dataset Apply(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var selected = Select(dataset);
        if (selected is null)
        {
            return dataset;
        }

        var entries = new List<DatasetEntry>(dataset.Entries.Count);
        foreach (var entry in dataset.Entries)
        {
            var kept = entry.Labels.Where(selected.Contains).ToArray();
            if (kept.Length == entry.Labels.Count)
            {
                entries.Add(entry);
            }
            else if (kept.Length > 0)
            {
                entries.Add(entry with { Labels = kept });
            }
        }

        return dataset.WithEntries(entries);
    }

    private HashSet<string>? Select(Dataset dataset)
    {
        if (TopK is not null && Labels is not null)
        {
            throw new ArgumentException("choose either TopK or Labels, not both");
        }

        if (TopK is { } k)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(k, 1, nameof(TopK));
            return dataset.LabelCounts
                .OrderByDescending(pair => pair.Value)
                .ThenBy(pair => pair.Key, StringComparer.Ordinal)
                .Take(k)
                .Select(pair => pair.Key)
                .ToHashSet(StringComparer.Ordinal);
        }

        if (Labels is null)
        {
            return null;
        }

        if (Labels.Count == 0)
        {
            throw new ArgumentException("an explicit class selection needs at least one label", nameof(Labels));
        }

        var unknown = Labels.Where(label => !dataset.LabelCounts.ContainsKey(label)).Distinct(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            throw new DatasetException(new DatasetProblem(dataset.Source, null,
                $"unknown class(es) {string.Join(", ", unknown.Select(label => $"'{label}'"))}; known classes: {string.Join(", ", dataset.Labels)}"));
        }

        return Labels.ToHashSet(StringComparer.Ordinal);
    }
}
