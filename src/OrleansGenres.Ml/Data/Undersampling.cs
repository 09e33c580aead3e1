using OrleansGenres.Ml.Randomness;

namespace OrleansGenres.Ml.Data;

/// <summary>
/// Caps how many entries each class keeps, choosing them by a seeded shuffle, so an imbalanced catalogue (rock
/// everywhere) does not drown the rare classes. Classes under the cap keep everything; kept entries stay in their
/// original order.
/// </summary>
/// <remarks>
/// Single-label: the cap applies to each class. Multi-label: each entry is counted under its rarest label (fewest
/// entries, ties by name) and the cap applies per such label. Entries that carry a rare label are therefore balanced
/// against that label and never dropped to thin a common one; a common label can still exceed the cap through
/// entries whose rarer labels keep them.
/// The choice depends only on the entries and the seed, not on their order in the manifest.
/// </remarks>
public static class Undersampling
{
    public static Dataset Apply(Dataset dataset, int maxPerClass, int seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerClass, 1);

        var stratumOf = Strata.Of(dataset.Entries);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stratum in dataset.Entries.GroupBy(stratumOf, StringComparer.Ordinal))
        {
            var candidates = stratum.OrderBy(entry => entry.RelativePath, StringComparer.Ordinal).ToList();
            if (candidates.Count > maxPerClass)
            {
                SeededRandom.For(seed, "undersample/" + stratum.Key).Shuffle(candidates);
            }

            kept.UnionWith(candidates.Take(maxPerClass).Select(entry => entry.RelativePath));
        }

        return dataset.WithEntries([.. dataset.Entries.Where(entry => kept.Contains(entry.RelativePath))]);
    }
}
