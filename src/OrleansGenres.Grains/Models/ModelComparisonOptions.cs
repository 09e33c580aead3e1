using OrleansGenres.Abstractions.Models;

namespace OrleansGenres.Grains.Models;

/// <summary>Where <see cref="ModelComparisons"/> keeps its local copies, and how large a comparison may be.</summary>
public sealed record ModelComparisonOptions
{
    /// <summary>Work folder: <c>datasets/</c> (materialised dataset versions) and <c>features/</c> (the feature cache).</summary>
    public required string WorkPath { get; init; }

    /// <summary>The folder registered versions are downloaded to: the same one analysis uses, so a version is fetched once.</summary>
    public required string ModelCachePath { get; init; }

    /// <summary>Most tracks a compared dataset version may hold (all of them: every one is downloaded).</summary>
    public int MaxTracks { get; init; } = 5000;

    /// <summary>Most models in one comparison.</summary>
    public int MaxModels { get; init; } = 8;

    /// <summary>Most bootstrap resamples.</summary>
    public int MaxResamples { get; init; } = 10_000;

    public string DatasetsPath => Path.Combine(WorkPath, "datasets");

    public string FeaturesPath => Path.Combine(WorkPath, "features");
}
