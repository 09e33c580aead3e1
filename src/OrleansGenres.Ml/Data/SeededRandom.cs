using System.Text;

namespace OrleansGenres.Ml.Data;

/// <summary>
/// SplitMix64: a tiny generator whose sequence is fixed by this code, not by the runtime, so a seed selects the same
/// entries on every machine and .NET version (System.Random makes no such promise).
/// </summary>
internal sealed class SeededRandom(ulong seed)
{
    private ulong state = seed;

    /// <summary>
    /// A generator for one purpose (e.g. "validation/dog_bark"): each class gets its own stream, so adding or removing
    /// a class does not reshuffle the others.
    /// </summary>
    public static SeededRandom For(int seed, string purpose)
    {
        // FNV-1a over the purpose's UTF-8 bytes: stable, unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(purpose))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return new SeededRandom(hash ^ (ulong)(uint)seed * 0x9E3779B97F4A7C15UL);
    }

    public ulong NextUInt64()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, maxExclusive); the modulo bias is below 2^-40 for any list this code shuffles.</summary>
    public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
