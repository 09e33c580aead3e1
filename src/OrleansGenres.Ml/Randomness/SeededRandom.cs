using System.Text;

namespace OrleansGenres.Ml.Randomness;

/// <summary>
/// xoshiro256** seeded through SplitMix64: the project's one seeded generator (splits, undersampling, epoch order,
/// bootstrap resamples, baselines). Written out here rather than using <see cref="Random"/> so that a seed gives the
/// same sequence on every runtime and version: splits, training runs and stored intervals stay reproducible.
/// </summary>
internal sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public SeededRandom(int seed)
        : this(unchecked((ulong)seed))
    {
    }

    private SeededRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    public ulong NextUInt64()
    {
        // The generator relies on wrap-around multiplication, whatever the project's overflow checking.
        unchecked
        {
            var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = ulong.RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>Uniform in [0, bound) without modulo bias (Lemire's multiply-and-reject).</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var b = (uint)bound;
        var product = (ulong)(uint)(NextUInt64() >> 32) * b;
        var low = (uint)product;
        if (low < b)
        {
            var threshold = unchecked(0u - b) % b;
            while (low < threshold)
            {
                product = (ulong)(uint)(NextUInt64() >> 32) * b;
                low = (uint)product;
            }
        }

        return (int)(product >> 32);
    }

    /// <summary>
    /// A generator for one purpose (e.g. "validation/dog_bark"): each gets its own stream, so adding or removing a
    /// class does not reshuffle the others.
    /// </summary>
    public static SeededRandom For(int seed, string purpose)
    {
        // FNV-1a over the purpose's UTF-8 bytes: stable, unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(purpose))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return new SeededRandom(hash ^ unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL));
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    private static ulong SplitMix64(ref ulong state)
    {
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
