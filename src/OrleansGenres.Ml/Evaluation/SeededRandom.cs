namespace OrleansGenres.Ml.Evaluation;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Written out here rather than using <see cref="Random"/> so that a seed
/// gives the same resamples on every runtime and version: bootstrap intervals stored in a model card stay
/// reproducible.
/// </summary>
internal sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public SeededRandom(int seed)
    {
        var x = unchecked((ulong)seed);
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
