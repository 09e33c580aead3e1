namespace OrleansGenres.Ml.Data;

/// <summary>Train, validation and test entries: disjoint by file. <see cref="TestFold"/> names the fold tested on, for fold splits.</summary>
public sealed record DatasetSplit(IReadOnlyList<DatasetEntry> Train, IReadOnlyList<DatasetEntry> Validation, IReadOnlyList<DatasetEntry> Test)
{
    public int? TestFold { get; init; }
}
