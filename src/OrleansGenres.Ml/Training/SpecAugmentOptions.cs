namespace OrleansGenres.Ml.Training;

/// <summary>SpecAugment masks for training batches: how many frequency/time bands and their maximum widths.</summary>
public sealed record SpecAugmentOptions
{
    public int FrequencyMasks { get; init; }

    public int FrequencyMaskWidth { get; init; }

    public int TimeMasks { get; init; }

    public int TimeMaskWidth { get; init; }
}
