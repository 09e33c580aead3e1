namespace OrleansGenres.Ml.Training;

/// <summary>
/// Augmentation of training batches: SpecAugment masks (how many frequency/time bands and their maximum widths), and
/// for music key and tempo jitter (each window shifted by up to <see cref="FrequencyShift"/> mel bands and played
/// at a rate within 1/(1 + <see cref="TimeStretch"/>) … 1 + <see cref="TimeStretch"/>).
/// </summary>
public sealed record SpecAugmentOptions
{
    public int FrequencyMasks { get; init; }

    public int FrequencyMaskWidth { get; init; }

    public int TimeMasks { get; init; }

    public int TimeMaskWidth { get; init; }

    /// <summary>Key jitter: the largest shift along the mel axis, in bands (0 = off).</summary>
    public int FrequencyShift { get; init; }

    /// <summary>Tempo jitter: 0.2 plays windows at 0.83–1.2× speed (0 = off; at most 1).</summary>
    public double TimeStretch { get; init; }
}
