namespace OrleansGenres.Ml.Experiments;

/// <summary>Which classes and entries an experiment uses, and how validation is carved out of train.</summary>
public sealed record DataSettings
{
    /// <summary>Keep only the K most frequent classes.</summary>
    public int? TopK { get; init; }

    /// <summary>Keep only these classes.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>Undersample the training part to at most this many tracks per class.</summary>
    public int? MaxPerClass { get; init; }

    /// <summary>Fraction of train held out for validation (early stopping, thresholds) when the dataset names none.</summary>
    public double ValidationRatio { get; init; } = 0.1;

    /// <summary>A manifest column whose groups never straddle train and validation (e.g. speaker).</summary>
    public string? GroupBy { get; init; }

    /// <summary>Train on at most this many windows of each track per epoch (a fresh random choice every epoch).</summary>
    public int? MaxWindowsPerTrack { get; init; }

    public int Seed { get; init; } = 1;
}
