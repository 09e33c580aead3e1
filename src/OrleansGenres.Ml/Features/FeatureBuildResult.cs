using OrleansGenres.Ml.Data;

namespace OrleansGenres.Ml.Features;

/// <summary>The outcome for one dataset entry: its cached features, or why they could not be made.</summary>
public sealed record FeatureBuildResult(DatasetEntry Entry, CachedFeatures? Features, string? Error)
{
    public bool Succeeded => Features is not null;
}
