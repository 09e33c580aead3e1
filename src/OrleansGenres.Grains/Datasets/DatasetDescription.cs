using OrleansGenres.Abstractions.Datasets;

namespace OrleansGenres.Grains.Datasets;

/// <summary>
/// <c>datasets/{tenant}/{name}/{version}/dataset.json</c>: what a version holds (written once, never changed) and the
/// map from each manifest row to its audio's content hash, which is how the version's files are found again.
/// </summary>
public sealed record DatasetDescription
{
    public required string Name { get; init; }

    public required string Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required int Tracks { get; init; }

    public required long TotalBytes { get; init; }

    public required bool MultiLabel { get; init; }

    public required IReadOnlyList<DatasetLabelCount> Labels { get; init; }

    /// <summary>The <c>split</c> values present (train, validation, test), empty without a split column.</summary>
    public IReadOnlyList<string> Splits { get; init; } = [];

    /// <summary>The fold numbers present, ascending; empty without a fold column.</summary>
    public IReadOnlyList<int> Folds { get; init; } = [];

    public IReadOnlyList<string> ExtraColumns { get; init; } = [];

    public required IReadOnlyList<DatasetFile> Files { get; init; }

    /// <summary>The catalogue's summary of this version.</summary>
    public DatasetVersionEntry ToEntry() => new(Version, CreatedAt, Tracks, TotalBytes, Labels.Count, MultiLabel);
}
