namespace OrleansGenres.Ml.Data;

/// <summary>
/// The one label an entry is counted under when sampling or stratifying: its only label, or for a multi-label entry
/// its rarest label (fewest entries among those given, ties broken by name). Rare labels thereby drive the choice:
/// an entry that carries a rare label is balanced as that label, never crowded out as a common one.
/// </summary>
internal static class Strata
{
    public static Func<DatasetEntry, string> Of(IReadOnlyList<DatasetEntry> entries)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var label in entries.SelectMany(entry => entry.Labels))
        {
            counts[label] = counts.GetValueOrDefault(label) + 1;
        }

        return entry => entry.Labels.Count == 1
            ? entry.Labels[0]
            : entry.Labels.OrderBy(label => counts[label]).ThenBy(label => label, StringComparer.Ordinal).First();
    }
}
