namespace OrleansGenres.Audio.Features;

/// <summary>Per-window normalisation of the log-mel, applied after the dB conversion.</summary>
public enum FeatureNormalization
{
    None = 0,

    /// <summary>Scale each window to 0–1.</summary>
    MinMax = 1,

    /// <summary>Zero mean, unit variance per window.</summary>
    Standardize = 2,
}
