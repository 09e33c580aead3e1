namespace OrleansGenres.Ml.Data;

/// <summary>
/// One audio file of a dataset (one file is one track: splits never separate windows of a file) with its labels.
/// </summary>
public sealed record DatasetEntry
{
    /// <summary>Path relative to the dataset folder, '/'-separated and normalised (no '.', '..' or empty segments).</summary>
    public required string RelativePath { get; init; }

    /// <summary>Absolute path of the audio file, always inside the dataset folder.</summary>
    public required string FullPath { get; init; }

    /// <summary>Distinct labels, sorted ordinally, so that listing them in another order describes the same entry.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>The manifest's <c>split</c> value, where it has that column.</summary>
    public SplitPart? Split { get; init; }

    /// <summary>The manifest's <c>fold</c> value, where it has that column.</summary>
    public int? Fold { get; init; }

    /// <summary>The manifest's other columns (speaker, instrument, …), looked up case-insensitively.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = NoExtra;

    /// <summary>1-based line of the manifest row (0 for entries found in a class folder), for messages.</summary>
    public int Line { get; init; }

    private static readonly IReadOnlyDictionary<string, string> NoExtra =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase).AsReadOnly();
}
