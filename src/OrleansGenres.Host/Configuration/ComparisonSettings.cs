using OrleansGenres.Abstractions.Models;
using OrleansGenres.Grains.Models;
using OrleansGenres.Ml.Experiments;

namespace OrleansGenres.Host.Configuration;

/// <summary>
/// Configuration section <c>Comparison</c>: <c>POST /api/models/compare</c>'s work folder (materialised dataset
/// versions and the feature cache; registered versions come from <c>Models:CachePath</c>), its limits, and its
/// request timeout, which replaces the default one for this endpoint: a comparison decodes and runs every track.
/// </summary>
public sealed class ComparisonSettings
{
    public string WorkPath { get; set; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "orleans-genres-work");

    /// <summary>Most tracks a compared dataset version may hold.</summary>
    public int MaxTracks { get; set; } = 5000;

    /// <summary>Most models in one comparison.</summary>
    public int MaxModels { get; set; } = 8;

    /// <summary>Most bootstrap resamples a request may ask for.</summary>
    public int MaxBootstrap { get; set; } = 10_000;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    public ModelComparisonOptions ToOptions(ModelSettings models) => new()
    {
        WorkPath = System.IO.Path.GetFullPath(WorkPath),
        ModelCachePath = System.IO.Path.GetFullPath(models.CachePath),
        MaxTracks = MaxTracks,
        MaxModels = MaxModels,
        MaxResamples = MaxBootstrap,
    };

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(WorkPath))
        {
            yield return "Comparison:WorkPath must name a folder";
        }

        if (MaxTracks < 1)
        {
            yield return "Comparison:MaxTracks must be at least 1";
        }

        if (MaxModels < 2)
        {
            yield return "Comparison:MaxModels must be at least 2";
        }

        if (MaxBootstrap < ModelComparer.MinResamples)
        {
            yield return $"Comparison:MaxBootstrap must be at least {ModelComparer.MinResamples}";
        }

        if (Timeout <= TimeSpan.Zero)
        {
            yield return "Comparison:Timeout must be positive";
        }
    }
}
