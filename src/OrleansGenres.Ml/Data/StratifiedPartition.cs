using OrleansGenres.Ml.Randomness;

namespace OrleansGenres.Ml.Data;

/// <summary>
/// Holds out a seeded, stratified fraction of entries. Entries that share a group (e.g. a speaker) move together, so
/// a group never lies on both sides; without a group column every entry is its own group.
/// </summary>
/// <remarks>
/// Each group is counted under its most common stratum (see <see cref="Strata"/>); within a stratum the groups are
/// shuffled and taken greedily while that brings the held-out count closer to <c>ratio × entries</c>. A stratum with
/// at least two groups always keeps one on each side, so every class that can be is both trained and evaluated.
/// The outcome depends only on the entries' paths, labels and groups and on the seed, not on their order.
/// </remarks>
internal static class StratifiedPartition
{
    public static (IReadOnlyList<DatasetEntry> Kept, IReadOnlyList<DatasetEntry> HeldOut) Split(
        IReadOnlyList<DatasetEntry> entries, double ratio, int seed, string purpose, Func<DatasetEntry, string?>? groupOf)
    {
        if (ratio is < 0 or >= 1 || double.IsNaN(ratio))
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "a held-out ratio lies in [0, 1)");
        }

        if (ratio == 0 || entries.Count == 0)
        {
            return (entries, []);
        }

        var stratumOf = Strata.Of(entries);
        var groups = entries
            .GroupBy(entry => groupOf?.Invoke(entry) is { Length: > 0 } group ? "g:" + group : "p:" + entry.RelativePath, StringComparer.Ordinal)
            .Select(group => new Group(group.Key, [.. group], DominantStratum(group, stratumOf)))
            .ToList();

        var heldOut = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stratum in groups.GroupBy(group => group.Stratum, StringComparer.Ordinal).OrderBy(stratum => stratum.Key, StringComparer.Ordinal))
        {
            var candidates = stratum.OrderBy(group => group.Key, StringComparer.Ordinal).ToList();
            SeededRandom.For(seed, purpose + "/" + stratum.Key).Shuffle(candidates);

            var target = ratio * candidates.Sum(group => group.Entries.Count);
            var held = 0;
            var taken = new List<Group>();
            foreach (var group in candidates)
            {
                if (Math.Abs(held + group.Entries.Count - target) < Math.Abs(held - target))
                {
                    held += group.Entries.Count;
                    taken.Add(group);
                }
            }

            if (candidates.Count >= 2 && taken.Count == 0)
            {
                taken.Add(candidates[0]);
            }
            else if (candidates.Count >= 2 && taken.Count == candidates.Count)
            {
                taken.RemoveAt(taken.Count - 1);
            }

            heldOut.UnionWith(taken.SelectMany(group => group.Entries).Select(entry => entry.RelativePath));
        }

        // Keep the caller's order on both sides.
        return ([.. entries.Where(entry => !heldOut.Contains(entry.RelativePath))], [.. entries.Where(entry => heldOut.Contains(entry.RelativePath))]);
    }

    private static string DominantStratum(IEnumerable<DatasetEntry> entries, Func<DatasetEntry, string> stratumOf) =>
        entries.GroupBy(stratumOf, StringComparer.Ordinal)
            .OrderByDescending(stratum => stratum.Count())
            .ThenBy(stratum => stratum.Key, StringComparer.Ordinal)
            .First().Key;

    private sealed record Group(string Key, IReadOnlyList<DatasetEntry> Entries, string Stratum);
}
