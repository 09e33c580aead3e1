using MathNet.Numerics.Distributions;
using OrleansGenres.Ml.Randomness;

namespace OrleansGenres.Ml.Training;

/// <summary>
/// Mixup (Zhang et al., 2018) on an assembled batch: every item becomes λ·itself + (1 − λ)·a partner from the same
/// batch, inputs and target rows alike, with one λ ~ Beta(α, α) per batch. Drawn from its own seeded stream, so
/// switching it on does not change which windows form a batch.
/// </summary>
internal sealed class Mixup(double alpha, SeededRandom random)
{
    private readonly RandomAdapter _adapter = new(random);

    /// <summary>Mixes <paramref name="count"/> items in place; returns each item's partner and the λ used.</summary>
    public (int[] Partners, double Lambda) Apply(Span<float> inputs, int perWindow, Span<float> targetRows, int classes, int count)
    {
        var lambda = Beta.Sample(_adapter, alpha, alpha);
        var partners = Enumerable.Range(0, count).ToArray();
        random.Shuffle(partners);
        var originalInputs = inputs[..(count * perWindow)].ToArray();
        var originalTargets = targetRows[..(count * classes)].ToArray();
        var (keep, take) = ((float)lambda, (float)(1 - lambda));
        for (var i = 0; i < count; i++)
        {
            Blend(inputs.Slice(i * perWindow, perWindow), originalInputs.AsSpan(partners[i] * perWindow, perWindow), keep, take);
            Blend(targetRows.Slice(i * classes, classes), originalTargets.AsSpan(partners[i] * classes, classes), keep, take);
        }

        return (partners, lambda);
    }

    private static void Blend(Span<float> own, ReadOnlySpan<float> partner, float keep, float take)
    {
        for (var k = 0; k < own.Length; k++)
        {
            own[k] = (keep * own[k]) + (take * partner[k]);
        }
    }

    // MathNet's samplers take a System.Random; this one draws from the project's seeded generator.
    private sealed class RandomAdapter(SeededRandom random) : Random
    {
        protected override double Sample() => random.NextDouble();

        public override double NextDouble() => random.NextDouble();

        public override int Next() => random.NextInt(int.MaxValue);

        public override int Next(int maxValue) => random.NextInt(maxValue);
    }
}
