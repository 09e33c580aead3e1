namespace OrleansGenres.Ml.Data;

/// <summary>How to split a dataset into train, validation and test (always by file, so one track's windows stay together).</summary>
public sealed record SplitOptions
{
    public static SplitOptions Default { get; } = new();

    public SplitStrategy Strategy { get; init; } = SplitStrategy.Auto;

    /// <summary>The fold tested on by <see cref="SplitStrategy.Fold"/>; when null, the lowest fold.</summary>
    public int? TestFold { get; init; }

    /// <summary>Fraction held out for test by <see cref="SplitStrategy.Ratio"/>.</summary>
    public double TestRatio { get; init; } = 0.2;

    /// <summary>
    /// Fraction of train carved out for validation (0: none). Ignored when the manifest's split column already
    /// names validation entries.
    /// </summary>
    public double ValidationRatio { get; init; }

    /// <summary>
    /// An extra manifest column (e.g. <c>speaker</c>) whose values never straddle the ratio-based parts: every entry of
    /// one group lands in the same part. Entries with an empty value are groups of their own.
    /// </summary>
    public string? GroupBy { get; init; }

    public int Seed { get; init; }
}
