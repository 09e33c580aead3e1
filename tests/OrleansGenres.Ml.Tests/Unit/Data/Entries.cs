using OrleansGenres.Ml.Data;

namespace OrleansGenres.Ml.Tests.Unit.Data;

/// <summary>Datasets built in memory, for logic that never touches the files.</summary>
internal static class Entries
{
    public const string Root = "/data";

    public static DatasetEntry Entry(string path, string labels, SplitPart? split = null, int? fold = null, string? speaker = null) => new()
    {
        RelativePath = path,
        FullPath = Root + "/" + path,
        Labels = [.. labels.Split(';').Order(StringComparer.Ordinal)],
        Split = split,
        Fold = fold,
        Extra = speaker is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["speaker"] = speaker },
    };

    public static Dataset Of(IEnumerable<DatasetEntry> entries) => new(Root, [.. entries], null, ["speaker"]);

    /// <summary><paramref name="count"/> single-label entries of class <paramref name="label"/>.</summary>
    public static IEnumerable<DatasetEntry> Class(string label, int count, Func<int, string?>? speaker = null, Func<int, int?>? fold = null) =>
        Enumerable.Range(0, count).Select(i => Entry($"{label}/{label}_{i:D3}.wav", label, fold: fold?.Invoke(i), speaker: speaker?.Invoke(i)));

    public static ISet<string> Paths(IEnumerable<DatasetEntry> entries) => entries.Select(entry => entry.RelativePath).ToHashSet(StringComparer.Ordinal);
}
