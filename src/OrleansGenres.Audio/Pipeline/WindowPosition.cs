using System.Numerics.Tensors;

namespace OrleansGenres.Audio.Pipeline;

/// <summary>
/// Where a window sits in its track, and how loud it is (RMS of its real samples in dBFS, −120 for digital silence);
/// the timeline of per-window predictions is made of these.
/// </summary>
public sealed record WindowPosition(int Index, double StartSeconds, double EndSeconds, bool Padded, double LevelDbfs = 0)
{
    /// <summary>The level of digital silence (and the floor of <see cref="LevelOf"/>).</summary>
    public const double SilenceDbfs = -120;

    /// <summary>RMS level in dBFS (full scale = 1.0) of <paramref name="samples"/>, floored at <see cref="SilenceDbfs"/>.</summary>
    public static double LevelOf(ReadOnlySpan<float> samples)
    {
        if (samples.IsEmpty)
        {
            return SilenceDbfs;
        }

        var meanSquare = TensorPrimitives.SumOfSquares(samples) / samples.Length;
        return meanSquare <= 1e-12 ? SilenceDbfs : Math.Max(SilenceDbfs, 10 * Math.Log10(meanSquare));
    }
}
